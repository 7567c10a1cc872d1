import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { conflict } from '../http/api-error';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

/** Fingerprint of what was asked, so a key reused for a different request is caught. */
export function requestFingerprint(route: string, body: unknown): string {
  return createHash('sha256')
    .update(route + '\u0000' + JSON.stringify(body ?? null))
    .digest('hex');
}

/**
 * Responses of creating requests by (user, Idempotency-Key): a retry or double tap with the same key gets
 * the first answer again instead of creating a second row.
 */
export class IdempotencyStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  replay(userId: string, key: string, fingerprint: string): StoredResponse | undefined {
    const row = this.db
      .prepare('SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = ? AND key = ?')
      .get(userId, key) as { request_hash: string; status_code: number; response: string } | undefined;
    if (!row) return undefined;
    if (row.request_hash !== fingerprint) throw conflict('该请求编号已用于另一个请求，请刷新后重试');
    return { statusCode: row.status_code, body: JSON.parse(row.response) };
  }

  remember(userId: string, key: string, route: string, fingerprint: string, response: StoredResponse): void {
    this.db
      .prepare(
        `INSERT INTO idempotency_keys (user_id, key, route, request_hash, status_code, response, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(userId, key, route, fingerprint, response.statusCode, JSON.stringify(response.body), this.now());
  }
}
