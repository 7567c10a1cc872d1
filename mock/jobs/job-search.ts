import type { Database, Statement } from 'better-sqlite3';
import { canonicalCityCode } from '../../services/contracts/cities';
import type { JobListQuery, JobSort, JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { PAGE_SIZE_DEFAULT } from '../../services/contracts/page';
import { boundingBox, distanceSql } from './job-geo';
import { inactiveBefore, JOB_JOINS, JOB_SUMMARY_COLUMNS, toJobSummary, type JobSummaryRow } from './job-queries';
import { decodeSearchCursor, encodeSearchCursor, queryFingerprint, type SearchCursor } from './search-cursor';
import { ftsQuery, searchTerms, type SearchColumn } from './search-tokens';

/** A GET /jobs query after validation, in the types the search works with. */
export interface JobSearchParams {
  keyword?: string;
  cityCode?: string;
  district?: string;
  position?: { lat: number; lng: number };
  salaryMin?: number;
  salaryMax?: number;
  experience?: string[];
  education?: string[];
  jobType?: string[];
  industry?: string[];
  companySize?: string[];
  directOnly?: boolean;
  sort: JobSort;
  prefCategories?: string[];
  prefSalaryMin?: number;
  prefCityCodes?: string[];
  cursor?: string;
  limit: number;
}

const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};
const list = (value: string | undefined): string[] | undefined => {
  const items = [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ].sort();
  return items.length ? items : undefined;
};
const integer = (value: string | undefined): number | undefined => (text(value) ? Number(value) : undefined);

/** Turns a query that passed `jobListQueryRules` into search parameters. */
export function jobSearchParams(query: JobListQuery): JobSearchParams {
  const lat = text(query.lat);
  const lng = text(query.lng);
  return {
    keyword: text(query.keyword),
    // 110100 from Alipay's picker is 北京, filed under 110000; 100000 (全国) is no city at all.
    cityCode: text(canonicalCityCode(query.cityCode ?? '')),
    district: text(query.district),
    position: lat !== undefined && lng !== undefined ? { lat: Number(lat), lng: Number(lng) } : undefined,
    salaryMin: integer(query.salaryMin),
    salaryMax: integer(query.salaryMax),
    experience: list(query.experience),
    education: list(query.education),
    jobType: list(query.jobType),
    industry: list(query.industry),
    companySize: list(query.companySize),
    directOnly: query.directOnly === '1',
    sort: query.sort || 'match',
    prefCategories: list(query.prefCategories),
    prefSalaryMin: integer(query.prefSalaryMin),
    prefCityCodes: list(query.prefCityCodes?.split(',').map(canonicalCityCode).join(',')),
    cursor: text(query.cursor),
    limit: integer(query.limit) ?? PAGE_SIZE_DEFAULT,
  };
}

/** Within this distance of the seeker a job gets the location preference of `match` (no city chosen). */
export const NEARBY_METRES = 20000;
/** `nearest` looks in a growing circle: first this radius past the last item, then 4× each round. */
const NEAREST_FIRST_RADIUS_M = 3000;
/** Beyond this every job on Earth is inside. */
const NEAREST_MAX_RADIUS_M = 20040000;

/**
 * `match` ranks by score = relevance × 1000 + preferences × 10 + (HR active ? 1 : 0), then publish time.
 * Relevance is where every keyword term is found: 3 title (or its pinyin), 2 title or company, 1 adding the
 * tags, 0 the description. Preferences are category 8, expected city 4, salary 2, nearby 1 (they sum to at
 * most 15). The weights make the order lexicographic: relevance, preferences, active HR, recency. Integers
 * from the job alone, so cursors compare exactly and pages never reorder (bm25 would, as jobs are added and
 * its statistics move).
 */
const WEIGHT = { relevance: 1000, preference: 10, category: 8, city: 4, salary: 2, nearby: 1 } as const;
/** Index columns each relevance tier counts. */
const TIER_COLUMNS: [number, SearchColumn[]][] = [
  [3, ['title', 'pinyin']],
  [2, ['title', 'pinyin', 'company']],
  [1, ['title', 'pinyin', 'company', 'tags']],
];
/**
 * A hit set up to `driveMax` jobs is read whole and sorted; a larger one is walked in the sort's index
 * order, probing membership, which stops as soon as the page is full. Both give the same order (tests
 * lower it to compare).
 */
export const searchTuning = { driveMax: 2000 };

type SqlParams = Record<string, string | number | null>;

/** One boolean part of the `match` preferences, as SQL over `f` (job_facets). */
interface Preference {
  kind: 'category' | 'city' | 'salary' | 'nearby';
  weight: number;
  sql: string;
  /** Conditions implied by `sql` that an index can use (the box around the seeker for nearby). */
  hint?: string;
  /** The index to walk for the jobs that have this preference. */
  index?: string;
}

interface Plan {
  /** Filters over `f` (job_facets), the snapshot bound included. */
  where: string[];
  params: SqlParams;
  /** distance_m when the query has a position. */
  columns: string[];
  /** FTS queries of the keyword: every hit, and the hits of exactly each relevance tier (null: none can be). */
  keyword: { any: string; tiers: [number, string | null][] } | null;
  preferences: Preference[];
  cityCode?: string;
}

/** Statements are prepared once per SQL text and database. */
const statementCache = new WeakMap<Database, Map<string, Statement>>();

function prepared(db: Database, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size > 500) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

const ACTIVE = '(f.hr_last_active_at >= @activeSince)';

/** Filters, keyword and computed columns over job_facets; the snapshot bounds every page. Null: nothing can match. */
function plan(params: JobSearchParams, snapshot: { maxJobId: number; snapshotAt: number }): Plan | null {
  const where = ['f.open = 1', 'f.id <= @maxJobId'];
  const sql: SqlParams = { maxJobId: snapshot.maxJobId, activeSince: inactiveBefore(snapshot.snapshotAt) };
  const columns: string[] = [];

  if (params.cityCode) {
    where.push('f.city_code = @cityCode');
    sql.cityCode = params.cityCode;
  }
  if (params.district) {
    where.push('f.district = @district');
    sql.district = params.district;
  }
  if (params.salaryMin !== undefined) {
    where.push('f.salary_max_month >= @salaryMin');
    sql.salaryMin = params.salaryMin;
  }
  if (params.salaryMax !== undefined) {
    where.push('f.salary_min_month <= @salaryMax');
    sql.salaryMax = params.salaryMax;
  }
  const lists: [keyof JobSearchParams, string][] = [
    ['experience', 'f.experience'],
    ['education', 'f.education'],
    ['jobType', 'f.job_type'],
    ['industry', 'f.industry'],
    ['companySize', 'f.company_size'],
  ];
  for (const [name, column] of lists) {
    const values = params[name] as string[] | undefined;
    if (!values) continue;
    where.push(`${column} IN (SELECT value FROM json_each(@${name}))`);
    sql[name] = JSON.stringify(values);
  }
  if (params.directOnly) where.push('f.direct = 1');

  let keyword: Plan['keyword'] = null;
  if (params.keyword !== undefined) {
    const terms = searchTerms(params.keyword);
    // Nothing searchable (only punctuation or emoji): nothing matches, rather than everything.
    const any = terms.length ? ftsQuery(terms) : null;
    if (any === null) return null;
    const within = TIER_COLUMNS.map(([tier, tierColumns]) => [tier, ftsQuery(terms, tierColumns)] as const);
    const atLeast = (tier: number) => (tier === 0 ? any : (within.find(([t]) => t === tier)?.[1] ?? null));
    const tiers: [number, string | null][] = [3, 2, 1, 0].map((tier) => {
      const here = atLeast(tier);
      const above = tier === 3 ? null : atLeast(tier + 1);
      return [tier, here === null ? null : above === null ? here : `(${here}) NOT (${above})`];
    });
    keyword = { any, tiers };
  }

  if (params.position) {
    sql.lat = params.position.lat;
    sql.lng = params.position.lng;
    columns.push(`${distanceSql('f.lat', 'f.lng')} AS distance_m`);
  }

  const preferences: Preference[] = [];
  if (params.sort === 'match') {
    if (params.prefCategories) {
      preferences.push({
        kind: 'category',
        weight: WEIGHT.category,
        sql: 'f.category IN (SELECT value FROM json_each(@prefCategories))',
      });
      sql.prefCategories = JSON.stringify(params.prefCategories);
    }
    // Expected cities count when the seeker picked no city (a chosen city filters to one anyway).
    if (params.prefCityCodes && !params.cityCode) {
      preferences.push({
        kind: 'city',
        weight: WEIGHT.city,
        sql: 'f.city_code IN (SELECT value FROM json_each(@prefCityCodes))',
        index: 'job_facets_city_feed',
      });
      sql.prefCityCodes = JSON.stringify(params.prefCityCodes);
    }
    if (params.prefSalaryMin !== undefined) {
      preferences.push({ kind: 'salary', weight: WEIGHT.salary, sql: 'f.salary_max_month >= @prefSalaryMin' });
      sql.prefSalaryMin = params.prefSalaryMin;
    }
    // Nearby counts when the seeker picked no city: within a city, `nearest` is the tool.
    if (params.position && !params.cityCode) {
      const box = boundingBox(params.position, NEARBY_METRES);
      Object.assign(sql, {
        nearMinLat: box.minLat,
        nearMaxLat: box.maxLat,
        nearMinLng: box.minLng,
        nearMaxLng: box.maxLng,
      });
      preferences.push({
        kind: 'nearby',
        weight: WEIGHT.nearby,
        sql: `coalesce(${distanceSql('f.lat', 'f.lng')} <= ${NEARBY_METRES}, 0)`,
        hint: 'f.lat BETWEEN @nearMinLat AND @nearMaxLat AND f.lng BETWEEN @nearMinLng AND @nearMaxLng',
        index: 'job_facets_geo',
      });
    }
  }
  return { where, params: sql, columns, keyword, preferences, cityCode: params.cityCode };
}

/** The score of a job of relevance `tier`. */
function scoreSql(p: Plan, tier: number): string {
  const preference = p.preferences.map((pref) => `(CASE WHEN ${pref.sql} THEN ${pref.weight} ELSE 0 END)`);
  return `${tier * WEIGHT.relevance} + (${preference.join(' + ') || '0'}) * ${WEIGHT.preference}
    + (CASE WHEN ${ACTIVE} THEN 1 ELSE 0 END)`;
}

const ORDER: Record<JobSort, { keys: string[]; descending: boolean }> = {
  match: { keys: ['score', 'published_at', 'id'], descending: true },
  latest: { keys: ['published_at', 'id'], descending: true },
  salary: { keys: ['salary_max_month', 'id'], descending: true },
  nearest: { keys: ['distance_m', 'id'], descending: false },
};

/** The ranked part of a result: a job id with its sort keys (and distance when the query has a position). */
interface RankedRow {
  id: number;
  published_at: number;
  salary_max_month: number;
  score?: number;
  distance_m?: number | null;
}

function keysOf(sort: JobSort, row: RankedRow): number[] {
  return ORDER[sort].keys.map((key) => Number(row[key as keyof RankedRow]));
}

function afterCondition(order: JobSort, after: number[], params: SqlParams): string {
  const { keys, descending } = ORDER[order];
  keys.forEach((_key, i) => (params[`after${i}`] = after[i]));
  return `(${keys.map((key) => `r.${key}`).join(', ')}) ${descending ? '<' : '>'} (${keys
    .map((_key, i) => `@after${i}`)
    .join(', ')})`;
}

const feedIndex = (p: Plan) => (p.cityCode ? 'job_facets_city_feed' : 'job_facets_feed');
const salaryIndex = (p: Plan) => (p.cityCode ? 'job_facets_city_salary' : 'job_facets_salary');

interface RankQuery {
  /** An FTS query the rows must match. */
  set?: string;
  /** Read the set whole and sort (small sets); otherwise walk `index`, or let SQLite choose, probing the set. */
  drive?: boolean;
  index?: string;
  where?: string[];
  params?: SqlParams;
  /** SQL of the `score` column (match). */
  score?: string;
  /** Which keys order the rows and `after` holds. */
  order: JobSort;
  after?: number[];
  limit: number;
}

/** One ranked query over job_facets: the filters, the query's conditions, the page after `after`. */
function rank(db: Database, p: Plan, q: RankQuery): RankedRow[] {
  const params: SqlParams = { ...p.params, ...q.params, limit: q.limit };
  const where = [...p.where, ...(q.where ?? [])];
  let withSql = '';
  let from = q.index ? `job_facets f INDEXED BY ${q.index}` : 'job_facets f';
  if (q.set !== undefined) {
    params.set = q.set;
    if (q.drive) {
      withSql = 'WITH s(id) AS MATERIALIZED (SELECT rowid FROM job_search WHERE job_search MATCH @set)';
      // CROSS JOIN keeps SQLite from walking a facets index and probing the set: the set drives.
      from = 's CROSS JOIN job_facets f ON f.id = s.id';
    } else {
      where.push('f.id IN (SELECT rowid FROM job_search WHERE job_search MATCH @set)');
    }
  }
  const { keys, descending } = ORDER[q.order];
  const sql = `${withSql}
    SELECT * FROM (
      SELECT f.id AS id, f.published_at AS published_at, f.salary_max_month AS salary_max_month
        ${[...p.columns, ...(q.score ? [`${q.score} AS score`] : [])].map((column) => `, ${column}`).join('')}
      FROM ${from}
      WHERE ${where.join(' AND ')}
    ) AS r
    ${q.after ? `WHERE ${afterCondition(q.order, q.after, params)}` : ''}
    ORDER BY ${keys.map((key) => `r.${key} ${descending ? 'DESC' : 'ASC'}`).join(', ')}
    LIMIT @limit`;
  return prepared(db, sql).all(params) as RankedRow[];
}

/** How many jobs an FTS query matches (all of them, not just this search's filters: it picks a plan). */
function countMatches(db: Database, query: string, memo: Map<string, number>): number {
  let count = memo.get(query);
  if (count === undefined) {
    count = prepared(db, 'SELECT count(*) FROM job_search WHERE job_search MATCH ?').pluck().get(query) as number;
    memo.set(query, count);
  }
  return count;
}

/**
 * The rows of one relevance tier (all jobs without a keyword) in `match` order, walking the combinations of
 * preferences and HR activity from the best: each a walk down a publish-time index that stops when the page
 * is full, instead of scoring every job. A preferred category's jobs (above all others of the tier) come
 * from the category index and are scored in one go; nearby ones from the coordinate index.
 */
function walkLevels(
  db: Database,
  p: Plan,
  tier: number,
  set: string | undefined,
  after: number[] | undefined,
  limit: number,
): RankedRow[] {
  const rows: RankedRow[] = [];
  const base = tier * WEIGHT.relevance;
  const category = p.preferences.find((pref) => pref.kind === 'category');
  const others = p.preferences.filter((pref) => pref !== category);
  const categoryFloor = category ? base + category.weight * WEIGHT.preference : Infinity;

  if (category && (!after || after[0] >= categoryFloor)) {
    rows.push(
      ...rank(db, p, {
        set,
        index: 'job_facets_category_feed',
        where: [category.sql],
        score: scoreSql(p, tier),
        order: 'match',
        after,
        limit,
      }),
    );
    if (rows.length >= limit) return rows;
  }
  const combinations: { sum: number; parts: boolean[] }[] = [];
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const parts = others.map((_pref, i) => (mask & (1 << i)) !== 0);
    combinations.push({ sum: others.reduce((sum, pref, i) => sum + (parts[i] ? pref.weight : 0), 0), parts });
  }
  combinations.sort((a, b) => b.sum - a.sum);
  for (const combination of combinations) {
    for (const active of [1, 0]) {
      const score = base + combination.sum * WEIGHT.preference + active;
      if (after && after[0] < categoryFloor && score > after[0]) continue;
      const where = [`${ACTIVE} = ${active}`];
      if (category) where.push(`NOT (${category.sql})`);
      let index = feedIndex(p);
      others.forEach((pref, i) => {
        where.push(combination.parts[i] ? `(${pref.sql})` : `NOT (${pref.sql})`);
        if (combination.parts[i] && pref.hint) where.push(pref.hint);
        if (combination.parts[i] && pref.index) index = pref.index;
      });
      rows.push(
        ...rank(db, p, {
          set,
          index,
          where,
          score: String(score),
          order: 'latest',
          after: after && score === after[0] ? [after[1], after[2]] : undefined,
          limit: limit - rows.length,
        }),
      );
      if (rows.length >= limit) return rows;
    }
  }
  return rows;
}

/** `match`: tier by tier (one pass without a keyword); a small tier is sorted whole, a large one walked. */
function rankMatch(db: Database, p: Plan, after: number[] | undefined, limit: number): RankedRow[] {
  if (!p.keyword) return walkLevels(db, p, 0, undefined, after, limit);
  const rows: RankedRow[] = [];
  const afterTier = after ? Math.floor(after[0] / WEIGHT.relevance) : undefined;
  const counts = new Map<string, number>();
  for (const [tier, set] of p.keyword.tiers) {
    if (set === null || (afterTier !== undefined && tier > afterTier)) continue;
    const tierAfter = afterTier === tier ? after : undefined;
    const size = countMatches(db, set, counts);
    if (size === 0) continue;
    rows.push(
      ...(size <= searchTuning.driveMax
        ? rank(db, p, {
            set,
            drive: true,
            score: scoreSql(p, tier),
            order: 'match',
            after: tierAfter,
            limit: limit - rows.length,
          })
        : walkLevels(db, p, tier, set, tierAfter, limit - rows.length)),
    );
    if (rows.length >= limit) break;
  }
  return rows;
}

/**
 * `nearest` without a city (a city's jobs are few enough to sort): candidates from a box around the seeker
 * on the (lat, lng) index, growing until it holds a full page. Rows within the radius are all inside the
 * box, so the page is exact.
 */
function rankNearest(
  db: Database,
  p: Plan,
  position: { lat: number; lng: number },
  set: string | undefined,
  after: number[] | undefined,
  limit: number,
): RankedRow[] {
  let radius = (after ? after[0] : 0) + NEAREST_FIRST_RADIUS_M;
  for (;;) {
    const box = boundingBox(position, radius);
    const rows = rank(db, p, {
      set,
      index: 'job_facets_geo',
      where: [
        'f.lat BETWEEN @minLat AND @maxLat AND f.lng BETWEEN @minLng AND @maxLng',
        `${distanceSql('f.lat', 'f.lng')} <= @radius`,
      ],
      params: { radius, ...box },
      order: 'nearest',
      after,
      limit,
    });
    if (rows.length >= limit || radius >= NEAREST_MAX_RADIUS_M) return rows;
    radius = Math.min(NEAREST_MAX_RADIUS_M, radius * 4);
  }
}

function rankRows(
  db: Database,
  params: JobSearchParams,
  p: Plan,
  after: number[] | undefined,
  limit: number,
): RankedRow[] {
  if (params.sort === 'match') return rankMatch(db, p, after, limit);
  const hits = p.keyword?.any;
  const large = hits !== undefined && countMatches(db, hits, new Map()) > searchTuning.driveMax;
  if (params.sort === 'nearest' && params.position && !params.cityCode && (hits === undefined || large)) {
    return rankNearest(db, p, params.position, hits, after, limit);
  }
  if (hits === undefined || !large) {
    return rank(db, p, { set: hits, drive: hits !== undefined, order: params.sort, after, limit });
  }
  // A large hit set: walk the sort's own index, probing the hits.
  const index = params.sort === 'latest' ? feedIndex(p) : params.sort === 'salary' ? salaryIndex(p) : undefined;
  return rank(db, p, { set: hits, drive: index === undefined, index, order: params.sort, after, limit });
}

/** The full summaries of a page's jobs, in the page's order. */
export function summaries(
  db: Database,
  ranked: { id: number; distance_m?: number | null }[],
  now: number,
): JobSummary[] {
  if (!ranked.length) return [];
  const rows = prepared(
    db,
    `SELECT ${JOB_SUMMARY_COLUMNS} FROM jobs j ${JOB_JOINS} WHERE j.id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(ranked.map((row) => row.id)) }) as JobSummaryRow[];
  const byId = new Map(rows.map((row) => [row.job_id, row]));
  return ranked.flatMap((rank) => {
    const row = byId.get(rank.id);
    return row ? [toJobSummary({ ...row, distance_m: rank.distance_m }, now)] : [];
  });
}

/** What makes two requests the same search: everything but the page position. */
function fingerprintOf(params: JobSearchParams): string {
  return queryFingerprint({ ...params, cursor: undefined, limit: undefined });
}

/**
 * GET /jobs: filters, keyword, sort and a cursor that pins a snapshot (see `SearchCursor`). `now` is the
 * backend clock, used on the first page only.
 */
export function searchJobs(db: Database, params: JobSearchParams, now: number): CursorPage<JobSummary> {
  const fingerprint = fingerprintOf(params);
  const cursor: SearchCursor | undefined = params.cursor
    ? decodeSearchCursor(params.cursor, params.sort, fingerprint)
    : undefined;
  const snapshot = cursor ?? {
    maxJobId: db.prepare('SELECT coalesce(max(id), 0) FROM job_facets').pluck().get() as number,
    snapshotAt: now,
  };
  const p = plan(params, snapshot);
  if (!p) return { items: [], nextCursor: null };

  const rows = rankRows(db, params, p, cursor?.after, params.limit + 1);
  const hasMore = rows.length > params.limit;
  const page = hasMore ? rows.slice(0, params.limit) : rows;
  const last = page[page.length - 1];
  return {
    items: summaries(db, page, snapshot.snapshotAt),
    nextCursor:
      hasMore && last
        ? encodeSearchCursor({
            sort: params.sort,
            fingerprint,
            maxJobId: snapshot.maxJobId,
            snapshotAt: snapshot.snapshotAt,
            after: keysOf(params.sort, last),
          })
        : null,
  };
}
