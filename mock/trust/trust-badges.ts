import type { Database } from 'better-sqlite3';
import { NO_TRUST_BADGES, type TrustBadges, type TrustKind } from '../../services/contracts/trust';

/** A seeker's verified checks as badges; a leaf the resume and application views read without the service. */
export function readTrustBadges(db: Database, userId: string): TrustBadges {
  const rows = db.prepare("SELECT kind FROM trust_checks WHERE user_id = ? AND state = 'verified'").all(userId) as {
    kind: TrustKind;
  }[];
  const badges: TrustBadges = { ...NO_TRUST_BADGES };
  for (const row of rows) badges[row.kind] = true;
  return badges;
}
