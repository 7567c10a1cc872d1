import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, writeMeta, type Database } from '../../mock/db/database';
import { jobSearchParams, searchJobs } from '../../mock/jobs/job-search';
import { ensureSearchIndex } from '../../mock/jobs/search-index';
import { indexTokens } from '../../mock/jobs/search-tokens';
import { seedDatabase } from '../../mock/seed/seed-database';
import { TEST_REFERENCE_TIME } from './mock-fixture';

describe('search index of a database indexed with older tokens', () => {
  let dir: string;
  let db: Database;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-upgrade-'));
    db = openDatabase(path.join(dir, 'mock.db'));
    seedDatabase(db, { jobs: 400, seed: 'upgrade', referenceTime: TEST_REFERENCE_TIME });
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const titlesFor = (keyword: string) =>
    new Set(searchJobs(db, jobSearchParams({ keyword, limit: '50' }), TEST_REFERENCE_TIME).items.map((j) => j.title));

  it('is rebuilt on start, so 厨 finds 厨师 there too', () => {
    // What version 1 indexed for a two-character title: the bigram alone.
    expect(indexTokens('厨师', true)).toBe('厨 师 厨师');
    const oldTitles = db.prepare("SELECT id FROM jobs WHERE title = '厨师'").pluck().all() as number[];
    expect(oldTitles.length).toBeGreaterThan(0);
    const remove = db.prepare('DELETE FROM job_search WHERE rowid = ?');
    const insert = db.prepare(
      "INSERT INTO job_search (rowid, title, company, tags, body, pinyin) VALUES (?, '厨师', '', '', '', '')",
    );
    for (const id of oldTitles) {
      remove.run(id);
      insert.run(id);
    }
    writeMeta(db, 'search.index_version', '1');
    expect(titlesFor('厨')).not.toContain('厨师');

    expect(ensureSearchIndex(db).indexed).toBeGreaterThan(300);
    expect(titlesFor('厨')).toContain('厨师');
    expect(ensureSearchIndex(db).indexed).toBe(0);
  });
});
