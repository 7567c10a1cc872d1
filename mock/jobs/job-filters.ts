import type { Database } from 'better-sqlite3';
import type { CategoryGroup, JobFilterOptions } from '../../services/contracts/jobs';
import { INDUSTRIES } from '../seed/job-catalog';

const cache = new WeakMap<Database, { maxJobId: number; options: JobFilterOptions }>();

/**
 * The industries and categories the data has, most jobs first, for the filter sheet. Recounted only when
 * jobs were added since the last answer (the count over 100,000 jobs takes a few ms).
 */
/** `categories` under the catalog industry whose jobs they are (in catalog order); the rest under 其他. */
export function groupByIndustry(categories: readonly string[]): CategoryGroup[] {
  const present = new Set(categories);
  const placed = new Set<string>();
  const groups: CategoryGroup[] = [];
  for (const industry of INDUSTRIES) {
    const own = industry.templates.map((t) => t.title).filter((title) => present.has(title) && !placed.has(title));
    own.forEach((title) => placed.add(title));
    if (own.length) groups.push({ industry: industry.name, categories: own });
  }
  const other = categories.filter((category) => !placed.has(category));
  if (other.length) groups.push({ industry: '其他', categories: other });
  return groups;
}

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
  const options = { industries, categories, categoryGroups: groupByIndustry(categories) };
  cache.set(db, { maxJobId, options });
  return options;
}
