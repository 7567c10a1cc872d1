import type { Database } from 'better-sqlite3';
import { readMeta, writeMeta } from '../db/database';
import { categoryOfTitle } from './job-categories';
import { cityCentroid, jobPosition } from './job-geo';
import { createTokenMemo, indexTokens, pinyinOf, pinyinTokens, titlePinyinColumn } from './search-tokens';

/** What indexing needs of a job row; the columns of the jobs table. */
export interface IndexableJob {
  title: string;
  company_id: number;
  city_code: string;
  district: string;
  address: string;
  tags: string;
  description: string;
  requirements: string;
  lat: number | null;
  lng: number | null;
}

/** The columns the search adds to a job row, derived from the row itself. */
export interface SearchFields {
  category: string;
  title_pinyin: string;
  lat: number | null;
  lng: number | null;
}

/** Category, title pinyin and, when the row has none, coordinates placed by city and district. */
export function searchFieldsOf(job: Omit<IndexableJob, 'company_id'>): SearchFields {
  const position = job.lat === null || job.lng === null ? jobPosition(job.city_code, job.district, job.address) : job;
  return {
    category: categoryOfTitle(job.title),
    title_pinyin: titlePinyinColumn(job.title),
    lat: position?.lat ?? null,
    lng: position?.lng ?? null,
  };
}

const jsonList = (text: string): string[] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
};

/**
 * Returns a function that adds one stored job to the full-text index and the suggestion counts. Call it in
 * the transaction that inserts the job; statements are prepared once. `bulk` (a seed) leaves the counts to
 * `rebuildSuggestions`, one pass at the end instead of two upserts a job.
 */
export function prepareJobIndexer(
  db: Database,
  options: { bulk?: boolean } = {},
): (jobId: number, job: IndexableJob) => void {
  const insertText = db.prepare(
    'INSERT INTO job_search (rowid, title, company, tags, body, pinyin) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const countSuggestion = db.prepare(
    `INSERT INTO job_suggestions (text, kind, pinyin, initials, job_count) VALUES (?, ?, ?, ?, 1)
     ON CONFLICT (text, kind) DO UPDATE SET job_count = job_count + 1`,
  );
  const companyNameOf = db.prepare('SELECT name FROM companies WHERE id = ?').pluck();
  const companyNames = new Map<number, string>();
  const shortTextTokens = createTokenMemo(true);

  return (jobId, job) => {
    let company = companyNames.get(job.company_id);
    if (company === undefined) {
      company = (companyNameOf.get(job.company_id) as string | undefined) ?? '';
      companyNames.set(job.company_id, company);
    }
    const tags = jsonList(job.tags).join(' | ');
    const body = `${job.description}\n${jsonList(job.requirements).join('\n')}`;
    insertText.run(
      jobId,
      shortTextTokens(job.title),
      shortTextTokens(company),
      shortTextTokens(tags),
      indexTokens(body, false),
      pinyinTokens(job.title),
    );
    if (options.bulk) return;
    for (const [text, kind] of [
      [job.title, 'title'],
      [company, 'company'],
    ] as const) {
      if (!text) continue;
      const { full, initials } = pinyinOf(text);
      countSuggestion.run(text, kind, full, initials);
    }
  };
}

/** Recounts the suggestions (titles and company names with their job counts) from the jobs table. */
export function rebuildSuggestions(db: Database): void {
  const counted = db
    .prepare(
      `SELECT j.title AS text, 'title' AS kind, count(*) AS n FROM jobs j GROUP BY j.title
       UNION ALL
       SELECT co.name, 'company', count(*) FROM jobs j JOIN companies co ON co.id = j.company_id GROUP BY co.id`,
    )
    .all() as { text: string; kind: 'title' | 'company'; n: number }[];
  const insert = db.prepare(
    `INSERT INTO job_suggestions (text, kind, pinyin, initials, job_count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (text, kind) DO UPDATE SET job_count = job_count + excluded.job_count`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM job_suggestions').run();
    for (const { text, kind, n } of counted) {
      const { full, initials } = pinyinOf(text);
      insert.run(text, kind, full, initials, n);
    }
  })();
}

/**
 * Search reads job_facets and the full-text index at random; SQLite's default 16 MB page cache holds a
 * fraction of them at 100,000 jobs and every miss is a read from the OS. 128 MB is an upper bound, not an
 * allocation: a small database uses what it has.
 */
export const SEARCH_CACHE_KIB = 131072;

const INDEX_VERSION_KEY = 'search.index_version';
/** Bumped when the tokens change (2: single characters of two-character titles), so old indexes are rebuilt. */
const INDEX_VERSION = '2';

/**
 * Readies a connection for search: a larger page cache, and for a database seeded before the search existed
 * (migration 002) or indexed with older tokens, category, pinyin and coordinates of every job and city, and
 * the index (once).
 */
export function ensureSearchIndex(db: Database): { indexed: number } {
  if ((db.pragma('cache_size', { simple: true }) as number) > -SEARCH_CACHE_KIB) {
    db.pragma(`cache_size = -${SEARCH_CACHE_KIB}`);
  }
  const version = readMeta(db, INDEX_VERSION_KEY);
  if (version === INDEX_VERSION) return { indexed: 0 };
  // An index of older tokens is rebuilt whole (the jobs seeded without one are indexed either way).
  if (version !== undefined) db.prepare("INSERT INTO job_search (job_search) VALUES ('delete-all')").run();
  const setCity = db.prepare('UPDATE cities SET lat = ?, lng = ? WHERE code = ?');
  const jobs = db
    .prepare(
      `SELECT id, title, company_id, city_code, district, address, tags, description, requirements, lat, lng
       FROM jobs WHERE id NOT IN (SELECT rowid FROM job_search) ORDER BY id`,
    )
    .all() as (IndexableJob & { id: number })[];
  const update = db.prepare(
    'UPDATE jobs SET category = @category, title_pinyin = @title_pinyin, lat = @lat, lng = @lng WHERE id = @id',
  );
  const index = prepareJobIndexer(db, { bulk: true });
  db.transaction(() => {
    for (const { code } of db.prepare('SELECT code FROM cities WHERE lat IS NULL').all() as { code: string }[]) {
      const centre = cityCentroid(code);
      if (centre) setCity.run(centre.lat, centre.lng, code);
    }
    for (const job of jobs) {
      const fields = searchFieldsOf(job);
      update.run({ ...fields, id: job.id });
      index(job.id, { ...job, ...fields });
    }
    rebuildSuggestions(db);
    writeMeta(db, INDEX_VERSION_KEY, INDEX_VERSION);
  })();
  return { indexed: jobs.length };
}

/** Ends a seed whose jobs were indexed in bulk as they were inserted: counts the suggestions, marks it done. */
export function finishSeedIndex(db: Database): void {
  rebuildSuggestions(db);
  writeMeta(db, INDEX_VERSION_KEY, INDEX_VERSION);
}
