import type { InputRules } from './validation';

/** POST /auth/login: trade a single-use Alipay auth code (scope auth_base) for tokens. */
export interface LoginRequest {
  authCode: string;
}

/** POST /auth/refresh */
export interface RefreshRequest {
  refreshToken: string;
}

/** Shaped like the answer of `alipay.system.oauth.token`, in camelCase. */
export interface TokenPair {
  userId: string;
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  /** Seconds until the refresh token expires. */
  reExpiresIn: number;
}

/** GET /me */
export interface UserProfile {
  userId: string;
  nickname: string;
  /** ISO 8601 */
  createdAt: string;
}

/** GET /me/overview: what 我的 shows next to the account. */
export interface MeOverview {
  /** The name on the seeker's resume; null until the basic info is filled. */
  resumeName: string | null;
  counts: {
    /** Every application the seeker sent. */
    applications: number;
    /** Applications at the interview stage now. */
    interviews: number;
    /** Saved jobs. */
    favorites: number;
  };
}

export const loginRules: InputRules<LoginRequest> = {
  authCode: { type: 'string', required: true, min: 8, max: 128, message: '授权码格式不正确' },
};

export const refreshRules: InputRules<RefreshRequest> = {
  refreshToken: { type: 'string', required: true, min: 16, max: 256, message: '刷新令牌格式不正确' },
};
