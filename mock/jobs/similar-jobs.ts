import type { Database } from 'better-sqlite3';
import { SIMILAR_JOBS_MAX, type JobSummary } from '../../services/contracts/jobs';
import { distanceSql } from './job-geo';
import { inactiveBefore } from './job-queries';
import { summaries } from './job-search';

/** A city this close (between jobs) still counts as nearby for similar jobs. */
export const SIMILAR_NEARBY_METRES = 150000;

/**
 * Jobs of the same category in the same city, then in nearby cities, the job itself excluded: active HRs
 * first, then the closest, then the newest. Undefined when the job does not exist.
 */
export function similarJobs(db: Database, jobId: number, now: number): JobSummary[] | undefined {
  const job = db.prepare('SELECT id, category, city_code, lat, lng FROM job_facets WHERE id = ?').get(jobId) as
    { id: number; category: string; city_code: string; lat: number | null; lng: number | null } | undefined;
  if (!job) return undefined;
  const ranked = db
    .prepare(
      `SELECT id FROM (
         SELECT f.id, f.published_at, ${distanceSql('f.lat', 'f.lng')} AS nearby_m,
           f.city_code = @cityCode AS same_city, f.hr_last_active_at >= @activeSince AS active
         FROM job_facets f
         WHERE f.category = @category AND f.id != @id AND f.open = 1
       ) WHERE same_city OR nearby_m <= @nearby
       ORDER BY same_city DESC, active DESC, nearby_m ASC, published_at DESC, id DESC
       LIMIT @max`,
    )
    .all({
      id: job.id,
      category: job.category,
      cityCode: job.city_code,
      lat: job.lat,
      lng: job.lng,
      activeSince: inactiveBefore(now),
      nearby: SIMILAR_NEARBY_METRES,
      max: SIMILAR_JOBS_MAX,
    }) as { id: number }[];
  return summaries(db, ranked, now);
}
