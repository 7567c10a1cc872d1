import type { Database } from 'better-sqlite3';
import type { CompanySize } from '../../services/contracts/jobs';
import { writeMeta } from '../db/database';
import { cityCentroid } from '../jobs/job-geo';
import { finishSeedIndex, prepareJobIndexer, searchFieldsOf } from '../jobs/search-index';
import { loadCities, type CityRecord } from './cities';
import { JOB_WEIGHT_BY_TIER } from './city-tiers';
import { ALL_INDUSTRIES, DEFAULT_COMPANY_SIZES } from './job-catalog';
import { draftJob, type Employer, type JobRow } from './job-factory';
import { companyName, hrTitle, personName } from './people';
import { createRandom, createWeightedTable, type Random } from './prng';

export interface SeedOptions {
  /** How many jobs to create. */
  jobs: number;
  /** Same seed (with the same jobs count and reference time) gives the same rows. */
  seed: string;
  /** Epoch ms the seed counts back from: jobs are published in the 60 days before it. */
  referenceTime: number;
}

export interface SeedReport {
  seed: string;
  referenceTime: number;
  cities: number;
  companies: number;
  hrs: number;
  jobs: number;
  ms: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const PUBLISH_WINDOW_MS = 60 * DAY_MS;
/** Bigger companies publish more jobs. */
const JOBS_WEIGHT_BY_SIZE: Record<CompanySize, number> = {
  lt20: 1,
  '20_99': 2,
  '100_499': 3,
  '500_999': 4,
  '1000_9999': 6,
  gt10000: 8,
};

/** Today's start (UTC): the default reference time, so reseeding the same day gives the same rows. */
export function startOfUtcDay(time = Date.now()): number {
  return time - (time % DAY_MS);
}

export function cityJobWeight(city: CityRecord): number {
  return JOB_WEIGHT_BY_TIER[city.tier];
}

/** Fills an empty database with cities, companies, HRs and jobs, in one transaction. */
export function seedDatabase(db: Database, options: SeedOptions): SeedReport {
  const started = performance.now();
  const random = createRandom(options.seed);
  const cities = loadCities();
  const pickCity = createWeightedTable(cities, cityJobWeight);
  const cityByCode = new Map(cities.map((city) => [city.code, city]));
  const companyCount = Math.max(30, Math.round(options.jobs / 8));
  let hrCount = 0;

  const insertCity = db.prepare('INSERT INTO cities (code, name, province, tier, lat, lng) VALUES (?, ?, ?, ?, ?, ?)');
  const insertDistrict = db.prepare('INSERT INTO districts (city_code, code, name) VALUES (?, ?, ?)');
  const insertCompany = db.prepare(
    'INSERT INTO companies (id, name, verified, size, industry, city_code, is_agency) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertHr = db.prepare(
    'INSERT INTO hrs (id, company_id, name, title, last_active_at, reply_rate) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertJob = prepareJobInsert(db, { bulk: true });

  db.transaction(() => {
    for (const city of cities) {
      const centre = cityCentroid(city.code);
      insertCity.run(city.code, city.name, city.province, city.tier, centre?.lat ?? null, centre?.lng ?? null);
      for (const district of city.districts) insertDistrict.run(city.code, district.code, district.name);
    }

    const employers: Employer[] = [];
    for (let companyId = 1; companyId <= companyCount; companyId++) {
      const city = pickCity(random);
      const industry = random.weighted(ALL_INDUSTRIES.map((i) => [i, i.weightByTier[city.tier]] as const));
      const size = random.weighted(industry.sizes ?? DEFAULT_COMPANY_SIZES);
      const name = companyName(random, city.name, random.pick(industry.companySuffixes));
      const verified = random.chance(industry.agency ? 0.6 : 0.8);
      insertCompany.run(companyId, name, verified ? 1 : 0, size, industry.name, city.code, industry.agency ? 1 : 0);
      const hrIds: number[] = [];
      const hrsHere = size === 'lt20' ? 1 : size === '20_99' ? random.int(1, 2) : random.int(1, 3);
      for (let i = 0; i < hrsHere; i++) {
        const hrId = ++hrCount;
        const activity = draftHrActivity(random, options.referenceTime);
        insertHr.run(
          hrId,
          companyId,
          personName(random),
          hrTitle(random, size),
          activity.lastActiveAt,
          activity.replyRate,
        );
        hrIds.push(hrId);
      }
      employers.push({
        companyId,
        companyName: name,
        industry: industry.name,
        isAgency: !!industry.agency,
        size,
        cityCode: city.code,
        hrIds,
      });
    }

    const pickEmployer = createWeightedTable(employers, (e) => JOBS_WEIGHT_BY_SIZE[e.size]);
    for (let i = 0; i < options.jobs; i++) {
      const employer = pickEmployer(random);
      const city = jobCity(random, employer, cityByCode, pickCity);
      // Skewed towards recent days, like a live board.
      const publishedAt = options.referenceTime - Math.floor(random.next() ** 1.3 * PUBLISH_WINDOW_MS);
      insertJob(draftJob(random, employer, city, publishedAt));
    }

    finishSeedIndex(db);
    writeMeta(db, 'seed', options.seed);
    writeMeta(db, 'seed.reference_time', String(options.referenceTime));
    writeMeta(db, 'seed.jobs', String(options.jobs));
  })();

  return {
    seed: options.seed,
    referenceTime: options.referenceTime,
    cities: cities.length,
    companies: companyCount,
    hrs: hrCount,
    jobs: options.jobs,
    ms: Math.round(performance.now() - started),
  };
}

/** Share of a company's jobs outside its home city: chains and large companies hire across the country. */
const ELSEWHERE_BY_SIZE: Record<CompanySize, number> = {
  lt20: 0.02,
  '20_99': 0.05,
  '100_499': 0.15,
  '500_999': 0.3,
  '1000_9999': 0.5,
  gt10000: 0.6,
};

/** Most jobs are in the company's own city. */
export function jobCity(
  random: Random,
  employer: Employer,
  cityByCode: Map<string, CityRecord>,
  pickCity: (random: Random) => CityRecord,
): CityRecord {
  const elsewhere = ELSEWHERE_BY_SIZE[employer.size];
  if (random.chance(elsewhere)) return pickCity(random);
  const home = cityByCode.get(employer.cityCode);
  return home ?? pickCity(random);
}

/**
 * Most HRs were active recently and answer most applicants; about one in seven has not logged in for
 * one to six months and rarely answers: their jobs are the ghost jobs a seeker should learn to spot.
 */
function draftHrActivity(random: Random, referenceTime: number): { lastActiveAt: number; replyRate: number } {
  const kind = random.weighted([
    ['today', 45],
    ['week', 25],
    ['month', 15],
    ['ghost', 15],
  ] as const);
  const hoursAgo =
    kind === 'today'
      ? random.next() * 12
      : kind === 'week'
        ? 12 + random.next() * 6 * 24
        : kind === 'month'
          ? 7 * 24 + random.next() * 23 * 24
          : 30 * 24 + random.next() * 150 * 24;
  const replyRate =
    kind === 'ghost' ? random.next() * 0.15 : kind === 'month' ? 0.3 + random.next() * 0.4 : 0.6 + random.next() * 0.38;
  return { lastActiveAt: referenceTime - Math.floor(hoursAgo * HOUR_MS), replyRate: Math.round(replyRate * 100) / 100 };
}

/**
 * Inserts a job with its search fields (category, pinyin, coordinates) and indexes it for search; `bulk`
 * (the seed) leaves the suggestion counts to `finishSeedIndex`.
 */
export function prepareJobInsert(db: Database, options: { bulk?: boolean } = {}): (row: JobRow) => number {
  const statement = db.prepare(`
    INSERT INTO jobs (title, company_id, hr_id, city_code, district, address, lat, lng, job_type, hiring_mode,
      salary_min, salary_max, salary_unit, salary_months, experience, education, tags, benefits, description,
      requirements, published_at, category, title_pinyin)
    VALUES (@title, @company_id, @hr_id, @city_code, @district, @address, @lat, @lng, @job_type, @hiring_mode,
      @salary_min, @salary_max, @salary_unit, @salary_months, @experience, @education, @tags, @benefits, @description,
      @requirements, @published_at, @category, @title_pinyin)`);
  const index = prepareJobIndexer(db, options);
  return (row) => {
    const stored = { ...row, ...searchFieldsOf(row) };
    const id = Number(statement.run(stored).lastInsertRowid);
    index(id, stored);
    return id;
  };
}
