import type { Database } from 'better-sqlite3';
import type { MeOverview } from '../../services/contracts/auth';

/** The seeker's resume name and how many applications, interviews and saved jobs they have. */
export function meOverview(db: Database, userId: string): MeOverview {
  const resume = db.prepare('SELECT name FROM resumes WHERE user_id = ?').get(userId) as
    { name: string | null } | undefined;
  const applications = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(status = 'interview'), 0) AS interviews
       FROM applications WHERE user_id = ?`,
    )
    .get(userId) as { total: number; interviews: number };
  const favorites = db.prepare('SELECT count(*) AS n FROM favorites WHERE user_id = ?').get(userId) as { n: number };
  return {
    resumeName: resume?.name || null,
    counts: { applications: applications.total, interviews: applications.interviews, favorites: favorites.n },
  };
}
