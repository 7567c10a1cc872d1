import type { CityDetail, CityList } from '../../services/contracts/cities';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { JobDetail, JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { startTestBackend, type TestBackend } from './mock-fixture';

type JobPage = CursorPage<JobSummary>;

function isNewestFirst(items: JobSummary[]): boolean {
  return items.every((job, i) => i === 0 || items[i - 1].publishedAt >= job.publishedAt);
}

describe('mock backend jobs', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend.close());

  it('lists jobs newest first without a token, 20 by default', async () => {
    const page = await backend.request<JobPage>('GET', '/jobs');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(20);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expect(isNewestFirst(page.body.items)).toBe(true);
    const job = page.body.items[0];
    expect(job).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      cityCode: expect.stringMatching(/^\d{6}$/),
      company: { name: expect.any(String), verified: expect.any(Boolean) },
      hr: { name: expect.any(String), replyRate: expect.any(Number) },
    });
  });

  it.each([
    ['limit=0', 'query.limit'],
    ['limit=51', 'query.limit'],
    ['limit=abc', 'query.limit'],
    ['limit=1&limit=2', 'query.limit'],
    [`keyword=${encodeURIComponent('前'.repeat(51))}`, 'query.keyword'],
    ['cityCode=hangzhou', 'query.cityCode'],
    ['cursor=not-a-cursor', 'query.cursor'],
  ])('answers 400 with the field path for %s', async (query, path) => {
    const response = await backend.request<ApiErrorBody>('GET', `/jobs?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_input');
    expect(response.body.error.fields?.map((f) => f.path)).toContain(path);
    expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('pages through every job exactly once while new jobs are published between pages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const query: string = cursor ? `?limit=37&cursor=${encodeURIComponent(cursor)}` : '?limit=37';
      const page: { body: JobPage } = await backend.request<JobPage>('GET', `/jobs${query}`);
      seen.push(...page.body.items.map((job) => job.id));
      cursor = page.body.nextCursor;
      const published = await backend.request<{ ids: string[] }>('POST', '/__admin/jobs', { body: { count: 3 } });
      expect(published.status).toBe(201);
      inserted += 3;
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(300);
    const fresh = await backend.request<JobPage>('GET', '/jobs?limit=50');
    expect(fresh.body.items.slice(0, inserted).every((job) => Number(job.id) > 300)).toBe(true);
  });

  it('filters by city and by a plain keyword on title or company', async () => {
    const first = (await backend.request<JobPage>('GET', '/jobs?limit=1')).body.items[0];
    const inCity = await backend.request<JobPage>('GET', `/jobs?cityCode=${first.cityCode}&limit=50`);
    expect(inCity.body.items.length).toBeGreaterThan(0);
    expect(inCity.body.items.every((job) => job.cityCode === first.cityCode)).toBe(true);

    const keyword = first.company.name.slice(0, 4);
    const byKeyword = await backend.request<JobPage>('GET', `/jobs?keyword=${encodeURIComponent(keyword)}&limit=50`);
    expect(byKeyword.body.items.map((job) => job.id)).toContain(first.id);
    expect(byKeyword.body.items.every((job) => job.title.includes(keyword) || job.company.name.includes(keyword))).toBe(
      true,
    );

    const wildcard = await backend.request<JobPage>('GET', `/jobs?keyword=${encodeURIComponent("%_' OR 1=1 --")}`);
    expect(wildcard.status).toBe(200);
    expect(wildcard.body.items).toHaveLength(0);
  });

  it('serves a job detail, and 404 for an unknown or malformed id', async () => {
    const first = (await backend.request<JobPage>('GET', '/jobs?limit=1')).body.items[0];
    const detail = await backend.request<JobDetail>('GET', `/jobs/${first.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ ...first, lat: expect.any(Number), lng: expect.any(Number), favorited: false });
    expect(detail.body.description).toContain('岗位职责');
    expect(detail.body.requirements.length).toBeGreaterThan(0);
    expect(detail.body.address).toContain(first.district);

    expect((await backend.request<ApiErrorBody>('GET', '/jobs/999999')).body.error.code).toBe('not_found');
    expect((await backend.request('GET', '/jobs/abc')).status).toBe(404);
  });

  it('lists cities of every tier, with districts per city', async () => {
    const cities = await backend.request<CityList>('GET', '/cities');
    const tiers = new Set(cities.body.items.map((city) => city.tier));
    expect([...tiers].sort()).toEqual(['new_tier1', 'tier1', 'tier2', 'tier3', 'tier4', 'tier5']);
    expect(cities.body.items.find((city) => city.name === '北京市')).toMatchObject({ code: '110000', tier: 'tier1' });
    expect(cities.body.items.length).toBeGreaterThan(300);

    const hangzhou = await backend.request<CityDetail>('GET', '/cities/330100');
    expect(hangzhou.body).toMatchObject({ name: '杭州市', tier: 'new_tier1' });
    expect(hangzhou.body.districts).toContain('西湖区');
    expect((await backend.request('GET', '/cities/999999')).status).toBe(404);
  });

  it('answers CORS preflight for any origin and sets the origin on answers, errors included', async () => {
    const preflight = await backend.request('OPTIONS', '/applications', {
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);

    const failed = await backend.request('GET', '/jobs?limit=0', { headers: { origin: 'http://localhost:9000' } });
    expect(failed.headers.get('access-control-allow-origin')).toBe('http://localhost:9000');
  });
});
