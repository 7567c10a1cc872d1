import type { Database } from 'better-sqlite3';
import type { FavoriteItem, FavoriteState } from '../../services/contracts/favorites';
import type { CursorPage } from '../../services/contracts/page';
import { iso } from '../clock';
import { notFound } from '../http/api-error';
import { decodeCursor, toPage } from '../http/cursor';
import { JOB_JOINS, JOB_SUMMARY_COLUMNS, toJobSummary, type JobSummaryRow } from '../jobs/job-queries';

/** A seeker's saved jobs. Every call is scoped to one user: nobody sees or changes another's favorites. */
export class FavoriteStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  /** Saves or removes; doing it twice changes nothing (a re-save keeps the first time). 404 for no such job. */
  set(userId: string, jobId: number, favorited: boolean): FavoriteState {
    if (!this.db.prepare('SELECT 1 FROM jobs WHERE id = ?').get(jobId)) throw notFound('职位不存在或已下线');
    if (favorited) {
      this.db
        .prepare('INSERT INTO favorites (user_id, job_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
        .run(userId, jobId, this.now());
    } else {
      this.db.prepare('DELETE FROM favorites WHERE user_id = ? AND job_id = ?').run(userId, jobId);
    }
    return { jobId: String(jobId), favorited };
  }

  /** Newest saved first, keyset-paginated on the favorite's id (a removed and re-saved job comes back on top). */
  list(userId: string, options: { cursor?: string; limit: number }): CursorPage<FavoriteItem> {
    const after = decodeCursor(options.cursor, 1);
    const rows = this.db
      .prepare(
        `SELECT f.id AS favorite_id, f.created_at AS favorited_at, ${JOB_SUMMARY_COLUMNS}
         FROM favorites f JOIN jobs j ON j.id = f.job_id ${JOB_JOINS}
         WHERE f.user_id = @userId ${after ? 'AND f.id < @afterId' : ''}
         ORDER BY f.id DESC LIMIT @limit`,
      )
      .all({ userId, afterId: after?.[0] ?? null, limit: options.limit + 1 }) as (JobSummaryRow & {
      favorite_id: number;
      favorited_at: number;
    })[];
    const now = this.now();
    return toPage(
      rows,
      options.limit,
      (row) => ({ job: toJobSummary(row, now), favoritedAt: iso(row.favorited_at) }),
      (row) => [row.favorite_id],
    );
  }
}
