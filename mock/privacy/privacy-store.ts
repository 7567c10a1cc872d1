import type { Database } from 'better-sqlite3';
import type { PrivacySettings } from '../../services/contracts/privacy';
import { invalidInput } from '../http/api-error';
import { hiddenFromCompanySql } from './candidate-name';

/** Companies a seeker hid their resume from: their HRs get a redacted resume and cannot be applied to. */
export class PrivacyStore {
  constructor(private readonly db: Database) {}

  settings(userId: string): PrivacySettings {
    const rows = this.db
      .prepare(
        `SELECT p.company_id, c.name FROM privacy_hidden_companies p JOIN companies c ON c.id = p.company_id
         WHERE p.user_id = ? ORDER BY p.position`,
      )
      .all(userId) as { company_id: number; name: string }[];
    return {
      hiddenCompanyIds: rows.map((row) => String(row.company_id)),
      hiddenCompanies: rows.map((row) => ({ id: String(row.company_id), name: row.name })),
    };
  }

  /** Replaces the list; unknown companies are a 400 naming the item, and nothing is stored then. */
  replace(userId: string, companyIds: string[]): PrivacySettings {
    const exists = this.db.prepare('SELECT 1 FROM companies WHERE id = ?');
    const unknown = companyIds.findIndex((id) => !exists.get(Number(id)));
    if (unknown >= 0) {
      throw invalidInput([{ path: `hiddenCompanyIds.${unknown}`, message: '要屏蔽的公司不存在，请重新选择' }]);
    }
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM privacy_hidden_companies WHERE user_id = ?').run(userId);
      const insert = this.db.prepare(
        'INSERT INTO privacy_hidden_companies (user_id, company_id, position) VALUES (?, ?, ?)',
      );
      companyIds.forEach((id, position) => insert.run(userId, Number(id), position));
    })();
    return this.settings(userId);
  }

  isHiddenFrom(userId: string, companyId: number): boolean {
    return !!this.db
      .prepare(`SELECT ${hiddenFromCompanySql('?', '?')}`)
      .pluck()
      .get(userId, companyId);
  }
}
