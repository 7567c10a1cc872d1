import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { TokenPair, UserProfile } from '../../services/contracts/auth';
import { iso } from '../clock';
import { ApiError, unauthorized } from '../http/api-error';
import { userForAuthCode } from './alipay-users';

export interface TokenLifetimes {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export type Authentication = { userId: string } | { error: 'unauthorized' | 'token_expired' };

/** Only hashes are stored: a copied database file does not hand out sessions. */
function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/** Tokens the way `alipay.system.oauth.token` hands them out: single-use codes, expiring, rotating. */
export class TokenService {
  constructor(
    private readonly db: Database,
    private readonly lifetimes: TokenLifetimes,
    private readonly now: () => number = Date.now,
  ) {}

  login(authCode: string): TokenPair {
    const time = this.now();
    const user = userForAuthCode(authCode);
    return this.db.transaction(() => {
      const used = this.db
        .prepare('INSERT INTO used_auth_codes (code_hash, used_at) VALUES (?, ?) ON CONFLICT DO NOTHING')
        .run(hashOf(authCode), time);
      if (used.changes === 0) throw new ApiError(400, 'invalid_grant', '授权码已使用，请重新登录');
      this.db
        .prepare('INSERT INTO users (id, nickname, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING')
        .run(user.userId, user.nickname, time);
      return this.issue(user.userId, time);
    })();
  }

  /** Trades a refresh token for a new pair; the old refresh token stops working at once. */
  refresh(refreshToken: string): TokenPair {
    const time = this.now();
    return this.db.transaction(() => {
      const session = this.db
        .prepare('SELECT id, user_id, refresh_expires_at FROM sessions WHERE refresh_hash = ?')
        .get(hashOf(refreshToken)) as { id: number; user_id: string; refresh_expires_at: number } | undefined;
      if (!session) throw new ApiError(400, 'invalid_grant', '登录已失效，请重新登录');
      this.db.prepare('UPDATE sessions SET refresh_hash = NULL WHERE id = ?').run(session.id);
      if (session.refresh_expires_at <= time) throw new ApiError(400, 'invalid_grant', '登录已过期，请重新登录');
      return this.issue(session.user_id, time);
    })();
  }

  authenticate(accessToken: string | undefined): Authentication {
    if (!accessToken) return { error: 'unauthorized' };
    const session = this.db
      .prepare('SELECT user_id, access_expires_at FROM sessions WHERE access_hash = ?')
      .get(hashOf(accessToken)) as { user_id: string; access_expires_at: number } | undefined;
    if (!session) return { error: 'unauthorized' };
    if (session.access_expires_at <= this.now()) return { error: 'token_expired' };
    return { userId: session.user_id };
  }

  /** The signed-in user of a request with `Authorization: Bearer <token>`, or a 401. */
  requireUser(authorization: string | undefined): string {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const result = this.authenticate(match?.[1]);
    if ('userId' in result) return result.userId;
    if (result.error === 'token_expired') throw new ApiError(401, 'token_expired', '登录已过期，请重新登录');
    throw unauthorized(match ? '登录已失效，请重新登录' : '请先登录');
  }

  profile(userId: string): UserProfile {
    const row = this.db.prepare('SELECT id, nickname, created_at FROM users WHERE id = ?').get(userId) as
      { id: string; nickname: string; created_at: number } | undefined;
    if (!row) throw unauthorized('账号不存在，请重新登录');
    return { userId: row.id, nickname: row.nickname, createdAt: iso(row.created_at) };
  }

  private issue(userId: string, time: number): TokenPair {
    const accessToken = newToken('at');
    const refreshToken = newToken('rt');
    const { accessTokenTtlSeconds, refreshTokenTtlSeconds } = this.lifetimes;
    this.db
      .prepare(
        `INSERT INTO sessions (user_id, access_hash, access_expires_at, refresh_hash, refresh_expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        userId,
        hashOf(accessToken),
        time + accessTokenTtlSeconds * 1000,
        hashOf(refreshToken),
        time + refreshTokenTtlSeconds * 1000,
        time,
      );
    return { userId, accessToken, expiresIn: accessTokenTtlSeconds, refreshToken, reExpiresIn: refreshTokenTtlSeconds };
  }
}
