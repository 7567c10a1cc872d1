import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { EmployerHr, EmployerSession } from '../../services/contracts/employer';
import type { CompanySize } from '../../services/contracts/jobs';
import { ApiError, unauthorized } from '../http/api-error';

/** Who an employer request acts as: an HR, and the company whose jobs and applications it works on. */
export interface EmployerIdentity {
  hrId: number;
  companyId: number;
}

export type HrAuthentication = EmployerIdentity | { error: 'unauthorized' | 'token_expired' };

export interface HrRow {
  id: number;
  name: string;
  title: string;
  autopilot: number;
  company_id: number;
  company_name: string;
  company_verified: number;
  company_size: CompanySize;
  company_industry: string;
}

export const HR_SELECT = `
  SELECT h.id, h.name, h.title, h.autopilot, co.id AS company_id, co.name AS company_name,
    co.verified AS company_verified, co.size AS company_size, co.industry AS company_industry
  FROM hrs h JOIN companies co ON co.id = h.company_id`;

export function toEmployerHr(row: HrRow): EmployerHr {
  return {
    id: String(row.id),
    name: row.name,
    title: row.title,
    company: {
      id: String(row.company_id),
      name: row.company_name,
      verified: row.company_verified === 1,
      size: row.company_size,
      industry: row.company_industry,
    },
    autopilot: row.autopilot === 1,
  };
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Console sign-ins as a seeded HR. Signing in means a person answers for this HR from now on, so the
 * autopilot is turned off for it (it would otherwise overrule the person); the console's switch turns it on.
 */
export class HrSessions {
  constructor(
    private readonly db: Database,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  signIn(hrId: number): EmployerSession {
    const time = this.now();
    const token = `hr_${randomBytes(24).toString('base64url')}`;
    this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM hrs WHERE id = ?').get(hrId))
        throw new ApiError(404, 'not_found', 'HR账号不存在');
      this.db
        .prepare('INSERT INTO hr_sessions (hr_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)')
        .run(hrId, hashOf(token), time + this.ttlSeconds * 1000, time);
      this.db.prepare('UPDATE hrs SET autopilot = 0 WHERE id = ?').run(hrId);
    })();
    return { token, expiresIn: this.ttlSeconds, hr: this.hr(hrId) };
  }

  signOut(token: string): void {
    this.db.prepare('DELETE FROM hr_sessions WHERE token_hash = ?').run(hashOf(token));
  }

  authenticate(token: string | undefined): HrAuthentication {
    if (!token) return { error: 'unauthorized' };
    const row = this.db
      .prepare(
        `SELECT s.hr_id, s.expires_at, h.company_id FROM hr_sessions s JOIN hrs h ON h.id = s.hr_id
         WHERE s.token_hash = ?`,
      )
      .get(hashOf(token)) as { hr_id: number; expires_at: number; company_id: number } | undefined;
    if (!row) return { error: 'unauthorized' };
    if (row.expires_at <= this.now()) return { error: 'token_expired' };
    return { hrId: row.hr_id, companyId: row.company_id };
  }

  /** The HR named by id (the X-Hr-Id header tests use), or a 401. */
  identityOf(hrId: number): EmployerIdentity {
    const row = this.db.prepare('SELECT company_id FROM hrs WHERE id = ?').get(hrId) as
      { company_id: number } | undefined;
    if (!row) throw unauthorized('HR账号不存在');
    return { hrId, companyId: row.company_id };
  }

  hr(hrId: number): EmployerHr {
    const row = this.db.prepare(`${HR_SELECT} WHERE h.id = ?`).get(hrId) as HrRow | undefined;
    if (!row) throw unauthorized('HR账号不存在，请重新登录');
    return toEmployerHr(row);
  }

  setAutopilot(hrId: number, enabled: boolean): EmployerHr {
    this.db.prepare('UPDATE hrs SET autopilot = ? WHERE id = ?').run(enabled ? 1 : 0, hrId);
    return this.hr(hrId);
  }
}
