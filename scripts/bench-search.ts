/**
 * Job search benchmark: seeds 100,000 jobs into a temporary database, runs a fixed query mix through the
 * search code the server uses (mock/jobs/job-search.ts), then the same mix as a naive scan (`LIKE '%kw%'`
 * with the same filters and order), and prints p50/p95/p99 of both. Ends with one JSON line.
 *
 * Usage: npm run bench:search [-- --jobs 100000 --rounds 5]
 *   BENCH_DB=/tmp/bench.db keeps the seeded database and reuses it on the next run (seeding takes a while).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { JobListQuery } from '../services/contracts/jobs';
import { jobListQueryRules } from '../services/contracts/jobs';
import { validate } from '../services/contracts/validation';
import { openDatabase, readMeta } from '../mock/db/database';
import { distanceSql } from '../mock/jobs/job-geo';
import { JOB_JOINS, JOB_SUMMARY_COLUMNS, inactiveBefore } from '../mock/jobs/job-queries';
import { jobSearchParams, searchJobs, type JobSearchParams } from '../mock/jobs/job-search';
import { ensureSearchIndex } from '../mock/jobs/search-index';
import { searchTerms } from '../mock/jobs/search-tokens';
import { seedDatabase } from '../mock/seed/seed-database';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const JOBS = option('jobs', 100000);
const ROUNDS = option('rounds', 5);
const REFERENCE_TIME = Date.UTC(2026, 0, 15);
/** The search runs as of an hour after the seed's reference time, so HR inactivity is as seeded. */
const NOW = REFERENCE_TIME + 60 * 60 * 1000;

const HANGZHOU = { lat: '30.2741', lng: '120.1551' };
const CHENGDU = { lat: '30.5728', lng: '104.0668' };
const DEZHOU = { lat: '37.4355', lng: '116.3575' };

/** The fixed mix: [label, query]. Each runs with no city and with a city. */
const MIX: [string, JobListQuery][] = [
  ['1 char 厨', { keyword: '厨' }],
  ['1 char 工', { keyword: '工' }],
  ['2 chars 司机', { keyword: '司机' }],
  ['2 chars 会计', { keyword: '会计' }],
  ['2 chars 前端, latest', { keyword: '前端', sort: 'latest' }],
  ['4 chars 前端开发', { keyword: '前端开发' }],
  ['4 chars 货车司机, salary', { keyword: '货车司机', sort: 'salary' }],
  ['pinyin qianduan', { keyword: 'qianduan' }],
  ['pinyin siji', { keyword: 'siji' }],
  ['initials qd', { keyword: 'qd' }],
  ['initials hcsj', { keyword: 'hcsj' }],
  ['keyword + filters', { keyword: '服务员', jobType: 'part_time,daily_gig', salaryMin: '3000' }],
  ['feed (match, no filter)', {}],
  ['filters: 日结', { jobType: 'daily_gig' }],
  ['filters: salary + experience', { salaryMin: '8000', salaryMax: '15000', experience: '1_3,3_5' }],
  ['filters: industry + direct', { industry: '餐饮,零售/商超', directOnly: '1' }],
  [
    'filters: education + size, latest',
    { education: 'bachelor,master', companySize: '1000_9999,gt10000', sort: 'latest' },
  ],
  ['salary sort', { sort: 'salary' }],
  ['match with preferences', { prefCategories: '服务员,厨师,帮厨', prefSalaryMin: '5000' }],
  [
    'match with preferences + cities',
    { prefCategories: '前端开发工程师,UI设计师', prefSalaryMin: '12000', prefCityCodes: '330100,310000' },
  ],
  ['nearest 杭州', { sort: 'nearest', ...HANGZHOU }],
  ['nearest 成都 + filter', { sort: 'nearest', ...CHENGDU, jobType: 'full_time' }],
  ['nearest 德州', { sort: 'nearest', ...DEZHOU }],
  ['nearest + keyword', { sort: 'nearest', ...HANGZHOU, keyword: '司机' }],
];
const CITIES = ['330100', '510100', '371400'];

interface Case {
  label: string;
  query: JobListQuery;
}

function cases(): Case[] {
  const all: Case[] = [];
  MIX.forEach(([label, query], i) => {
    all.push({ label, query });
    all.push({ label: `${label} @city`, query: { ...query, cityCode: CITIES[i % CITIES.length] } });
  });
  return all;
}

/** The naive way: the same filters and order in one SQL statement, the keyword as LIKE '%term%'. */
function naiveSearch(db: Database, params: JobSearchParams): unknown[] {
  const where = ["j.status = 'open'"];
  const sql: Record<string, string | number> = { activeSince: inactiveBefore(NOW) };
  const equal: [keyof JobSearchParams, string][] = [
    ['cityCode', 'j.city_code'],
    ['district', 'j.district'],
  ];
  for (const [name, column] of equal) {
    if (params[name] === undefined) continue;
    where.push(`${column} = @${name}`);
    sql[name] = params[name] as string;
  }
  if (params.salaryMin !== undefined) {
    where.push('j.salary_max_month >= @salaryMin');
    sql.salaryMin = params.salaryMin;
  }
  if (params.salaryMax !== undefined) {
    where.push('j.salary_min_month <= @salaryMax');
    sql.salaryMax = params.salaryMax;
  }
  const lists: [keyof JobSearchParams, string][] = [
    ['experience', 'j.experience'],
    ['education', 'j.education'],
    ['jobType', 'j.job_type'],
    ['industry', 'co.industry'],
    ['companySize', 'co.size'],
  ];
  for (const [name, column] of lists) {
    const values = params[name] as string[] | undefined;
    if (!values) continue;
    where.push(`${column} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`);
  }
  if (params.directOnly) where.push("j.hiring_mode = 'direct'");
  let titleHit = '';
  if (params.keyword) {
    const terms = searchTerms(params.keyword);
    terms.forEach((term, i) => {
      sql[`kw${i}`] = `%${term.text}%`;
      where.push(`(j.title LIKE @kw${i} OR co.name LIKE @kw${i} OR j.tags LIKE @kw${i} OR j.description LIKE @kw${i}
        OR j.requirements LIKE @kw${i} OR j.title_pinyin LIKE @kw${i})`);
    });
    titleHit = `${terms.map((_t, i) => `(j.title LIKE @kw${i} OR j.title_pinyin LIKE @kw${i})`).join(' + ')} DESC, `;
  }
  const distance = params.position ? distanceSql('j.lat', 'j.lng') : 'NULL';
  if (params.position) {
    sql.lat = params.position.lat;
    sql.lng = params.position.lng;
  }
  const order = {
    match: `${titleHit}(h.last_active_at >= @activeSince) DESC, j.published_at DESC, j.id DESC`,
    latest: 'j.published_at DESC, j.id DESC',
    salary: 'j.salary_max_month DESC, j.id DESC',
    nearest: 'distance_m ASC, j.id ASC',
  }[params.sort];
  return db
    .prepare(
      `SELECT ${JOB_SUMMARY_COLUMNS}, ${distance} AS distance_m FROM jobs j ${JOB_JOINS}
       WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${params.limit + 1}`,
    )
    .all(sql);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round2 = (ms: number) => Math.round(ms * 100) / 100;

function summary(times: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: round2(percentile(sorted, 50)),
    p95: round2(percentile(sorted, 95)),
    p99: round2(percentile(sorted, 99)),
  };
}

function seededDatabase(): { db: Database; cleanup: () => void } {
  const keep = process.env.BENCH_DB;
  const dir = keep ? path.dirname(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const dbPath = keep ?? path.join(dir, 'bench.db');
  const db = openDatabase(dbPath);
  if (readMeta(db, 'seed.jobs') !== String(JOBS)) {
    if (readMeta(db, 'seed') !== undefined) throw new Error(`${dbPath} holds another seed; delete it first`);
    const started = performance.now();
    seedDatabase(db, { jobs: JOBS, seed: 'bench', referenceTime: REFERENCE_TIME });
    db.pragma('wal_checkpoint(TRUNCATE)');
    console.log(`seeded ${JOBS} jobs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log(`reusing ${dbPath}`);
  }
  // What the server does on start: the search's page cache (and an index for an older database).
  ensureSearchIndex(db);
  db.pragma('optimize');
  return {
    db,
    cleanup: () => {
      db.close();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const { db, cleanup } = seededDatabase();
  try {
    const all = cases();
    for (const { label, query } of all) {
      const problems = await validate(jobListQueryRules, query);
      if (problems.length) throw new Error(`${label}: ${JSON.stringify(problems)}`);
    }
    // Each case also asks for its second page, as scrolling does.
    const run = (query: JobListQuery) => {
      const first = searchJobs(db, jobSearchParams(query), NOW);
      return first.nextCursor ? { ...query, cursor: first.nextCursor } : null;
    };
    const secondPages = all.flatMap(({ label, query }) => {
      const next = run(query);
      return next ? [{ label: `${label} p2`, query: next }] : [];
    });
    const mix = [...all, ...secondPages];

    const indexed: number[] = [];
    const perCase = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const { label, query } of mix) {
        const started = performance.now();
        searchJobs(db, jobSearchParams(query), NOW);
        const ms = performance.now() - started;
        indexed.push(ms);
        perCase.set(label, [...(perCase.get(label) ?? []), ms]);
      }
    }
    const scan: number[] = [];
    const scanRounds = Math.max(1, Math.min(ROUNDS, 2));
    for (let round = 0; round < scanRounds; round++) {
      for (const { query } of all) {
        const params = jobSearchParams(query);
        const started = performance.now();
        naiveSearch(db, params);
        scan.push(performance.now() - started);
      }
    }

    const slowest = [...perCase]
      .map(([label, times]) => [label, summary(times).p50] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.BENCH_SHOW ?? 8));
    console.log(`query mix: ${all.length} queries + ${secondPages.length} second pages, ${ROUNDS} rounds`);
    console.log('slowest cases (median ms):');
    for (const [label, ms] of slowest) console.log(`  ${ms.toFixed(2).padStart(8)}  ${label}`);
    const ours = summary(indexed);
    const naive = summary(scan);
    console.log(`search index: p50 ${ours.p50} ms, p95 ${ours.p95} ms, p99 ${ours.p99} ms`);
    console.log(`naive scan:   p50 ${naive.p50} ms, p95 ${naive.p95} ms, p99 ${naive.p99} ms (${scan.length} queries)`);
    console.log(
      JSON.stringify({
        jobs: JOBS,
        p50_ms: ours.p50,
        p95_ms: ours.p95,
        p99_ms: ours.p99,
        scan_p95_ms: naive.p95,
        speedup: Math.round((naive.p95 / ours.p95) * 10) / 10,
      }),
    );
  } finally {
    cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
