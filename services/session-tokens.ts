import type { TokenPair } from './contracts/auth';
import { loginWithAuthCode, refreshTokens } from './auth';
import { ApiError } from './http';
import { getSilentAuthCode } from './platform/auth-code';
import { readStorage, removeStorage, writeStorage } from './platform/storage';

export const TOKENS_STORAGE_KEY = 'session.tokens';
/** Refresh a little before expiry so a request never leaves with a token about to die. */
const EXPIRY_MARGIN_MS = 60_000;
/** How a server says "this refresh token is no good". */
const REFUSED_STATUSES = [400, 401, 403];

export interface StoredTokens {
  userId: string;
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
}

let current: StoredTokens | undefined;
let renewing: Promise<StoredTokens> | undefined;

function loadTokens(): StoredTokens | undefined {
  if (!current) current = readStorage<StoredTokens>(TOKENS_STORAGE_KEY);
  return current;
}

function saveTokens(pair: TokenPair, now = Date.now()): StoredTokens {
  current = {
    userId: pair.userId,
    accessToken: pair.accessToken,
    accessExpiresAt: now + pair.expiresIn * 1000,
    refreshToken: pair.refreshToken,
    refreshExpiresAt: now + pair.reExpiresIn * 1000,
  };
  writeStorage(TOKENS_STORAGE_KEY, current);
  return current;
}

export function clearTokens(): void {
  current = undefined;
  removeStorage(TOKENS_STORAGE_KEY);
}

/** Tokens good for the next request: stored ones while fresh, else one renewal shared by every caller. */
export async function validTokens(): Promise<StoredTokens> {
  const tokens = loadTokens();
  if (tokens && tokens.accessExpiresAt - EXPIRY_MARGIN_MS > Date.now()) return tokens;
  return renewTokens();
}

/**
 * One renewal at a time: refresh while the refresh token lives, otherwise a silent auth_base login.
 * `rejected` is the access token the server refused: when another caller has already replaced it,
 * the newer tokens are the answer and no second refresh starts.
 */
export function renewTokens(rejected?: string): Promise<StoredTokens> {
  const tokens = loadTokens();
  if (!renewing && rejected && tokens && tokens.accessToken !== rejected && tokens.accessExpiresAt > Date.now()) {
    return Promise.resolve(tokens);
  }
  if (!renewing) {
    const settle = () => {
      renewing = undefined;
    };
    renewing = renew();
    renewing.then(settle, settle);
  }
  return renewing;
}

async function renew(): Promise<StoredTokens> {
  const tokens = loadTokens();
  if (tokens && tokens.refreshExpiresAt - EXPIRY_MARGIN_MS > Date.now()) {
    try {
      return saveTokens(await refreshTokens(tokens.refreshToken));
    } catch (error) {
      // A refused refresh token falls through to a fresh login; a network or server failure does not.
      if (!(error instanceof ApiError) || REFUSED_STATUSES.indexOf(error.status ?? 0) < 0) throw error;
    }
  }
  clearTokens();
  let authCode: string;
  try {
    authCode = await getSilentAuthCode();
  } catch {
    throw new ApiError('network', '支付宝登录失败，请稍后重试');
  }
  return saveTokens(await loginWithAuthCode(authCode));
}
