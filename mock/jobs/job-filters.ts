import type { Database } from 'better-sqlite3';
import type { JobFilterOptions } from '../../services/contracts/jobs';

const cache = new WeakMap<Database, { maxJobId: number; options: JobFilterOptions }>();

/**
 * The industries and categories the data has, most jobs first, for the filter sheet. Recounted only when
 * jobs were added since the last answer (the count over 100,000 jobs takes a few ms).
 */
export function jobFilterOptions(db: Database): JobFilterOptions {
  const maxJobId = db.prepare('SELECT coalesce(max(id), 0) FROM job_facets').pluck().get() as number;
  const cached = cache.get(db);
  if (cached && cached.maxJobId === maxJobId) return cached.options;
  const industries = db
    .prepare('SELECT industry FROM companies GROUP BY industry ORDER BY count(*) DESC, industry')
    .pluck()
    .all() as string[];
  const categories = db
    .prepare(
      `SELECT category FROM job_facets WHERE category != '' AND open = 1
       GROUP BY category ORDER BY count(*) DESC, category`,
    )
    .pluck()
    .all() as string[];
  const options = { industries, categories };
  cache.set(db, { maxJobId, options });
  return options;
}
