import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EDUCATION_LABELS, type EducationLevel, type JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { openDatabase } from '../../mock/db/database';
import { readMigrations } from '../../mock/db/migrations';
import { seedDatabase } from '../../mock/seed/seed-database';
import { startTestBackend, TEST_REFERENCE_TIME } from './mock-fixture';

async function firstPage(seed: string): Promise<JobSummary[]> {
  const backend = await startTestBackend({ seed: { seed } });
  try {
    return (await backend.request<CursorPage<JobSummary>>('GET', '/jobs?limit=50')).body.items;
  } finally {
    await backend.close();
  }
}

function withTempDatabase<T>(run: (dbPath: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-seed-'));
  try {
    return run(path.join(dir, 'seed.db'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('mock seed generator', () => {
  it('gives the same first page for the same seed and a different one for another seed', async () => {
    const a = await firstPage('same');
    const b = await firstPage('same');
    const c = await firstPage('other');
    expect(b).toEqual(a);
    expect(c.map((job) => job.title + job.company.name)).not.toEqual(a.map((job) => job.title + job.company.name));
  });

  it('spreads jobs over every city tier, with plenty in 4th/5th-tier cities, over the last 60 days', () => {
    withTempDatabase((dbPath) => {
      const db = openDatabase(dbPath);
      seedDatabase(db, { jobs: 2000, seed: 'spread', referenceTime: TEST_REFERENCE_TIME });
      const byTier = Object.fromEntries(
        (
          db
            .prepare('SELECT c.tier, count(*) AS n FROM jobs j JOIN cities c ON c.code = j.city_code GROUP BY c.tier')
            .all() as { tier: string; n: number }[]
        ).map((row) => [row.tier, row.n]),
      );
      expect(Object.keys(byTier).sort()).toEqual(['new_tier1', 'tier1', 'tier2', 'tier3', 'tier4', 'tier5']);
      expect((byTier.tier4 + byTier.tier5) / 2000).toBeGreaterThan(0.25);

      const span = db.prepare('SELECT min(published_at) AS oldest, max(published_at) AS newest FROM jobs').get() as {
        oldest: number;
        newest: number;
      };
      expect(span.newest).toBeLessThanOrEqual(TEST_REFERENCE_TIME);
      expect(span.oldest).toBeGreaterThanOrEqual(TEST_REFERENCE_TIME - 60 * 24 * 3600 * 1000);

      const kinds = db.prepare('SELECT DISTINCT job_type, salary_unit FROM jobs').all() as {
        job_type: string;
        salary_unit: string;
      }[];
      const unitOf = Object.fromEntries(kinds.map((k) => [k.job_type, k.salary_unit]));
      expect(unitOf).toEqual({ full_time: 'month', part_time: 'hour', intern: 'day', daily_gig: 'day' });
      const modes = db.prepare('SELECT DISTINCT hiring_mode AS mode FROM jobs ORDER BY 1').all() as { mode: string }[];
      expect(modes.map((m) => m.mode)).toEqual(['agency', 'direct']);
      const ghosts = db
        .prepare('SELECT count(*) AS n FROM hrs WHERE last_active_at < ?')
        .get(TEST_REFERENCE_TIME - 30 * 24 * 3600 * 1000) as { n: number };
      expect(ghosts.n).toBeGreaterThan(0);
      db.close();
    });
  });

  it("states each job's education once in its requirements, as its education filter says", () => {
    withTempDatabase((dbPath) => {
      const db = openDatabase(dbPath);
      seedDatabase(db, { jobs: 2000, seed: 'education', referenceTime: TEST_REFERENCE_TIME });
      const rows = db.prepare('SELECT education, requirements FROM jobs').all() as {
        education: EducationLevel;
        requirements: string;
      }[];
      for (const row of rows) {
        const stated = (JSON.parse(row.requirements) as string[])
          .join('\n')
          .match(/(初中|高中|中专|大专|本科|硕士|博士)[^，\n]*(及以上|及以下)/g);
        // '高中/中专及以上' for high_school; junior_high's label is '初中及以下' already.
        const label = EDUCATION_LABELS[row.education];
        const expected = row.education === 'any' ? null : [row.education === 'junior_high' ? label : `${label}及以上`];
        expect({ education: row.education, stated }).toEqual({ education: row.education, stated: expected });
      }
      db.close();
    });
  });

  it('records applied migrations and does not apply them twice', () => {
    withTempDatabase((dbPath) => {
      openDatabase(dbPath).close();
      const db = openDatabase(dbPath);
      const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      expect(applied).toEqual(readMigrations().map(({ version, name }) => ({ version, name })));
      db.close();
    });
  });
});
