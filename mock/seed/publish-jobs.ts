import type { Database } from 'better-sqlite3';
import type { CompanySize } from '../../services/contracts/jobs';
import { loadCities } from './cities';
import { draftJob, type Employer } from './job-factory';
import { createRandom, createWeightedTable } from './prng';
import { cityJobWeight, jobCity, prepareJobInsert } from './seed-database';

/**
 * Publishes `count` new jobs at `now` from the seeded companies, the way employers keep posting: QA and
 * tests use it to add jobs between two pages of a list. Deterministic for a given database state.
 */
export function publishJobs(db: Database, options: { count: number; seed: string; now: number }): string[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.industry, c.is_agency, c.size, c.city_code, group_concat(h.id) AS hr_ids
       FROM companies c JOIN hrs h ON h.company_id = c.id GROUP BY c.id ORDER BY c.id`,
    )
    .all() as {
    id: number;
    name: string;
    industry: string;
    is_agency: number;
    size: CompanySize;
    city_code: string;
    hr_ids: string;
  }[];
  if (rows.length === 0) return [];
  const employers: Employer[] = rows.map((row) => ({
    companyId: row.id,
    companyName: row.name,
    industry: row.industry,
    isAgency: row.is_agency === 1,
    size: row.size,
    cityCode: row.city_code,
    hrIds: row.hr_ids.split(',').map(Number),
  }));
  const lastJobId = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM jobs').get() as { id: number }).id;
  const random = createRandom(`${options.seed}:publish:${lastJobId}`);
  const cities = loadCities();
  const cityByCode = new Map(cities.map((city) => [city.code, city]));
  const pickCity = createWeightedTable(cities, cityJobWeight);
  const pickEmployer = createWeightedTable(employers, () => 1);
  const insertJob = prepareJobInsert(db);
  return db.transaction(() => {
    const ids: string[] = [];
    for (let i = 0; i < options.count; i++) {
      const employer = pickEmployer(random);
      const city = jobCity(random, employer, cityByCode, pickCity);
      ids.push(String(insertJob(draftJob(random, employer, city, options.now))));
    }
    return ids;
  })();
}
