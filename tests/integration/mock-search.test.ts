import type { ApiErrorBody } from '../../services/contracts/errors';
import {
  monthlyEquivalent,
  type JobDetail,
  type JobFilterOptions,
  type JobSuggestList,
  type JobSummary,
  type SimilarJobList,
} from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { distanceMetres } from '../../mock/jobs/job-geo';
import { categoryOfTitle } from '../../mock/jobs/job-categories';
import { searchTuning } from '../../mock/jobs/job-search';
import { startOfUtcDay } from '../../mock/seed/seed-database';
import { startTestBackend, type TestBackend } from './mock-fixture';

type JobPage = CursorPage<JobSummary>;

/** Today as the reference time: HR activity is then recent or stale relative to the real clock, as in use. */
const SEED = { jobs: 1500, seed: 'search-test', referenceTime: startOfUtcDay() };
const HANGZHOU = { lat: 30.2741, lng: 120.1551 };

describe('mock backend job search', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ seed: SEED });
  });
  afterAll(() => backend.close());

  async function jobs(query: Record<string, string | number>): Promise<JobPage> {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
    const response = await backend.request<JobPage>('GET', `/jobs?${search}`);
    if (response.status !== 200) throw new Error(`${search}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function allPages(
    query: Record<string, string | number>,
    between?: () => Promise<void>,
  ): Promise<JobSummary[]> {
    const items: JobSummary[] = [];
    let cursor: string | null = null;
    do {
      const page: JobPage = await jobs({ ...query, limit: 50, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor;
      if (between) await between();
    } while (cursor);
    return items;
  }

  describe('keyword relevance', () => {
    it.each([
      ['厨', '厨'],
      ['工', '工'],
      ['司机', '司机'],
      ['会计', '会计'],
      ['前端', '前端'],
      ['前端开发', '前端开发'],
      ['qianduan', '前端'],
      ['qd', '前端'],
      ['siji', '司机'],
      ['kuaiji', '会计'],
      ['java', 'Java'],
    ])('%s puts jobs titled with %s first', async (keyword, inTitle) => {
      const page = await jobs({ keyword, limit: 10 });
      expect(page.items.length).toBeGreaterThanOrEqual(2);
      for (const job of page.items.slice(0, 3)) expect(job.title).toContain(inTitle);
    });

    it('finds a 1-character keyword in titles, companies or tags only', async () => {
      const items = await allPages({ keyword: '厨' });
      expect(items.length).toBeGreaterThan(0);
      for (const job of items) expect(job.title + job.company.name + job.tags.join('')).toContain('厨');
    });

    it('finds a 1-character keyword in every title that holds it, two-character titles (厨师) included', async () => {
      const titles = new Set((await allPages({ keyword: '厨' })).map((job) => job.title));
      expect(titles).toContain('厨师');
      expect(titles).toContain('兼职帮厨');
      expect(new Set((await allPages({ keyword: '焊' })).map((job) => job.title))).toContain('焊工');
    });

    it('ranks title hits above company, tag and description hits', async () => {
      const items = await allPages({ keyword: '服务' });
      const firstNonTitle = items.findIndex((job) => !job.title.includes('服务'));
      expect(firstNonTitle).toBeGreaterThan(0);
      expect(items.slice(firstNonTitle).every((job) => !job.title.includes('服务'))).toBe(true);
    });

    it('matches 3+ characters as a phrase, not as scattered characters', async () => {
      const items = await allPages({ keyword: '前端开发' });
      expect(items.length).toBeGreaterThan(0);
      for (const job of items.slice(0, 20)) {
        const detail = (await backend.request<JobDetail>('GET', `/jobs/${job.id}`)).body;
        expect(
          [detail.title, detail.company.name, ...detail.tags, detail.description, ...detail.requirements].join(),
        ).toContain('前端开发');
      }
      expect((await jobs({ keyword: '端前发开' })).items).toHaveLength(0);
    });

    it('needs every term of a keyword with several words', async () => {
      const page = await jobs({ keyword: '服务员 兼职', limit: 50 });
      expect(page.items.length).toBeGreaterThan(0);
      for (const job of page.items) expect(job.title + job.tags.join('')).toMatch(/兼职/);
    });
  });

  describe('filters', () => {
    it('filters by city and district', async () => {
      const [first] = (await jobs({ limit: 1, sort: 'latest' })).items;
      const inCity = await allPages({ cityCode: first.cityCode });
      expect(inCity.every((job) => job.cityCode === first.cityCode)).toBe(true);
      const inDistrict = await allPages({ cityCode: first.cityCode, district: first.district });
      expect(inDistrict.map((job) => job.id)).toContain(first.id);
      expect(inDistrict.every((job) => job.district === first.district)).toBe(true);
    });

    it('filters by monthly-equivalent salary overlap', async () => {
      const items = await allPages({ salaryMin: 8000, salaryMax: 12000 });
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((job) => job.salary.unit)).size).toBeGreaterThan(1);
      for (const job of items) {
        expect(monthlyEquivalent(job.salary.max, job.salary.unit)).toBeGreaterThanOrEqual(8000 - 0.5);
        expect(monthlyEquivalent(job.salary.min, job.salary.unit)).toBeLessThanOrEqual(12000 + 0.5);
      }
    });

    it.each([
      ['experience', '1_3,3_5', (job: JobSummary) => ['1_3', '3_5'].includes(job.experience)],
      ['education', 'bachelor', (job: JobSummary) => job.education === 'bachelor'],
      ['jobType', 'daily_gig,intern', (job: JobSummary) => ['daily_gig', 'intern'].includes(job.jobType)],
      ['industry', '餐饮,制造业', (job: JobSummary) => ['餐饮', '制造业'].includes(job.company.industry)],
      ['companySize', 'gt10000', (job: JobSummary) => job.company.size === 'gt10000'],
      ['directOnly', '1', (job: JobSummary) => job.hiringMode === 'direct'],
    ])('filters by %s=%s', async (name, value, holds) => {
      const items = await allPages({ [name]: value });
      expect(items.length).toBeGreaterThan(0);
      expect(items.every(holds)).toBe(true);
      expect(items.length).toBeLessThan(SEED.jobs);
    });

    it('lists the industries and categories the data uses', async () => {
      const filters = (await backend.request<JobFilterOptions>('GET', '/job-filters')).body;
      expect(filters.industries).toEqual(expect.arrayContaining(['餐饮', '互联网/IT', '人力资源服务']));
      expect(filters.categories).toEqual(expect.arrayContaining(['厨师', '前端开发工程师', '货车司机']));
      expect(filters.categories).not.toContain('兼职服务员');
    });

    it('groups the categories by industry, each category once', async () => {
      const { categories, categoryGroups } = (await backend.request<JobFilterOptions>('GET', '/job-filters')).body;
      const grouped = categoryGroups.reduce<string[]>((all, group) => all.concat(group.categories), []);
      expect([...grouped].sort()).toEqual([...categories].sort());
      const industryOf = (category: string) => categoryGroups.find((g) => g.categories.includes(category))?.industry;
      expect(industryOf('前端开发工程师')).toBe('互联网/IT');
      expect(industryOf('厨师')).toBe('餐饮');
      expect(categoryGroups.length).toBeGreaterThan(5);
    });
  });

  describe('sorts and distance', () => {
    it('sorts latest first', async () => {
      const items = (await jobs({ sort: 'latest', limit: 50 })).items;
      expect(items.every((job, i) => i === 0 || items[i - 1].publishedAt >= job.publishedAt)).toBe(true);
    });

    it('sorts by monthly-equivalent pay, highest first', async () => {
      const items = (await jobs({ sort: 'salary', limit: 50 })).items;
      const pay = items.map((job) => monthlyEquivalent(job.salary.max, job.salary.unit));
      expect(pay.every((value, i) => i === 0 || pay[i - 1] >= value - 0.5)).toBe(true);
    });

    it('gives every item a distance when a position is sent, and null otherwise', async () => {
      expect((await jobs({ limit: 5 })).items.every((job) => job.distanceKm === null)).toBe(true);
      const withPosition = (await jobs({ limit: 20, ...HANGZHOU })).items;
      expect(withPosition.every((job) => typeof job.distanceKm === 'number' && job.distanceKm >= 0)).toBe(true);
    });

    it('sorts nearest first, across pages, and the distance matches the job coordinates', async () => {
      const items = await allPages({ sort: 'nearest', ...HANGZHOU });
      expect(items).toHaveLength(SEED.jobs);
      const km = items.map((job) => job.distanceKm as number);
      expect(km.every((value, i) => i === 0 || km[i - 1] <= value)).toBe(true);
      expect(km[0]).toBeLessThan(30);
      const detail = (await backend.request<JobDetail>('GET', `/jobs/${items[0].id}`)).body;
      const metres = distanceMetres(HANGZHOU, { lat: detail.lat as number, lng: detail.lng as number });
      expect(Math.abs(metres / 1000 - km[0])).toBeLessThan(0.11);
    });

    it('sorts nearest within a city with a keyword', async () => {
      const items = await allPages({ sort: 'nearest', ...HANGZHOU, cityCode: '330100', keyword: '服务' });
      expect(items.every((job) => job.cityCode === '330100')).toBe(true);
      const km = items.map((job) => job.distanceKm as number);
      expect(km.every((value, i) => i === 0 || km[i - 1] <= value)).toBe(true);
    });

    it('ranks jobs of long-inactive HRs after active ones in the default feed', async () => {
      const items = await allPages({});
      const firstGhost = items.findIndex((job) => job.hrInactive);
      expect(firstGhost).toBeGreaterThan(20);
      expect(items.slice(firstGhost).every((job) => job.hrInactive)).toBe(true);
      const active = items.slice(0, firstGhost);
      expect(active.every((job, i) => i === 0 || active[i - 1].publishedAt >= job.publishedAt)).toBe(true);
      const inactiveHr = items[firstGhost].hr.lastActiveAt;
      expect(Date.now() - Date.parse(inactiveHr)).toBeGreaterThan(14 * 24 * 3600 * 1000);
    });

    it('ranks the seeker’s categories and pay first when no keyword is given', async () => {
      const page = await jobs({ prefCategories: '厨师,帮厨', prefSalaryMin: 4000, limit: 10 });
      for (const job of page.items) expect(['厨师', '帮厨']).toContain(categoryOfTitle(job.title));
      const all = await allPages({ prefCategories: '厨师,帮厨', prefSalaryMin: 4000 });
      expect(all).toHaveLength(SEED.jobs);
      const firstOther = all.findIndex((job) => !['厨师', '帮厨'].includes(categoryOfTitle(job.title)));
      expect(all.slice(firstOther).every((job) => !['厨师', '帮厨'].includes(categoryOfTitle(job.title)))).toBe(true);
    });
  });

  it('ranks the expected cities after the categories, before pay, across pages', async () => {
    const prefs = { prefCategories: '厨师,帮厨', prefCityCodes: '330100,110100', prefSalaryMin: 4000 };
    const all = await allPages(prefs);
    const rank = (job: JobSummary) =>
      (['厨师', '帮厨'].includes(categoryOfTitle(job.title)) ? 2 : 0) +
      (['330100', '110000'].includes(job.cityCode) ? 1 : 0);
    const ranks = all.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ranks).toContain(3);
    expect(ranks).toContain(1);
    // A chosen city filters; the expected cities then rank nothing.
    const inCity = await jobs({ ...prefs, cityCode: '310000', limit: 5 });
    for (const job of inCity.items) expect(job.cityCode).toBe('310000');
  });

  describe('pagination while jobs are published', () => {
    const publish = async () => {
      const response = await backend.request('POST', '/__admin/jobs', { body: { count: 4 } });
      expect(response.status).toBe(201);
    };

    it.each([
      ['match', {}],
      ['latest', { sort: 'latest' }],
      ['match with a keyword', { keyword: '服务' }],
      ['match with preferences and a position', { prefCategories: '普工', prefSalaryMin: 6000, ...HANGZHOU }],
      ['salary', { sort: 'salary' }],
      ['nearest', { sort: 'nearest', ...HANGZHOU }],
    ])('%s neither repeats nor skips a job', async (_label, query: Record<string, string | number>) => {
      const before = await allPages(query);
      const during = await allPages(query, publish);
      const ids = during.map((job) => job.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(before.map((job) => job.id));
    });

    it.each([
      ['match', { keyword: '服务' }],
      ['match, 1 character', { keyword: '工' }],
      ['match with preferences', { keyword: '服务', prefCategories: '服务员,保洁员', prefSalaryMin: 5000 }],
      ['match with a position', { keyword: 'yuan', ...HANGZHOU, prefSalaryMin: 4500 }],
      ['latest', { keyword: '服务', sort: 'latest' }],
      ['salary', { keyword: '服务', sort: 'salary' }],
      ['nearest', { keyword: '服务', sort: 'nearest', ...HANGZHOU }],
    ])(
      '%s: walking a large hit set gives the order of sorting it',
      async (_label, query: Record<string, string | number>) => {
        const sorted = await allPages(query);
        const saved = searchTuning.driveMax;
        searchTuning.driveMax = 0;
        try {
          expect((await allPages(query)).map((job) => job.id)).toEqual(sorted.map((job) => job.id));
        } finally {
          searchTuning.driveMax = saved;
        }
      },
    );

    it('shows new jobs on a fresh first page', async () => {
      const published = await backend.request<{ ids: string[] }>('POST', '/__admin/jobs', { body: { count: 2 } });
      const latest = await jobs({ sort: 'latest', limit: 2 });
      expect(latest.items.map((job) => job.id).sort()).toEqual(published.body.ids.sort());
    });

    it('refuses a cursor sent with other filters', async () => {
      const page = await jobs({ keyword: '服务', limit: 5 });
      const other = await backend.request<ApiErrorBody>(
        'GET',
        `/jobs?keyword=${encodeURIComponent('司机')}&limit=5&cursor=${page.nextCursor}`,
      );
      expect(other.status).toBe(400);
      expect(other.body.error.fields?.[0].path).toBe('query.cursor');
      const sorted = await backend.request<ApiErrorBody>('GET', `/jobs?sort=latest&cursor=${page.nextCursor}`);
      expect(sorted.status).toBe(400);
    });
  });

  describe('bad queries never fail the server', () => {
    it.each([
      '"',
      '*',
      ':',
      '(',
      ')',
      'NEAR',
      'OR',
      "'",
      '" * : ( ) NEAR OR \'',
      'NEAR(前端 开发)',
      '前端 OR 1=1',
      "'; DROP TABLE jobs; --",
      'title:前端',
      '{title}: 前端',
      '^前端',
      '前端*',
      '😀',
      '😀'.repeat(50),
      '前端😀司机',
      '\u0000\u0001',
      '%_\\',
      '   ',
    ])('searches %j safely', async (keyword) => {
      const response = await backend.request<JobPage>('GET', `/jobs?keyword=${encodeURIComponent(keyword)}`);
      expect(response.status).toBe(200);
      expect(Array.isArray(response.body.items)).toBe(true);
    });

    it('still finds the words inside FTS syntax', async () => {
      const quoted = await jobs({ keyword: '"前端"', limit: 5 });
      expect(quoted.items[0].title).toContain('前端');
      const near = await jobs({ keyword: 'NEAR(前端)', limit: 5 });
      expect(near.items).toHaveLength(0);
    });

    it.each([
      [`keyword=${encodeURIComponent('前'.repeat(51))}`, 'query.keyword'],
      [`keyword=${encodeURIComponent('😀'.repeat(51))}`, 'query.keyword'],
      ['keyword=a&keyword=b', 'query.keyword'],
      ['sort=nearest', 'query.sort'],
      ['sort=closest', 'query.sort'],
      ['lat=30.2', 'query.lat'],
      ['lng=120.1', 'query.lng'],
      ['lat=91&lng=120', 'query.lat'],
      ['lat=abc&lng=120', 'query.lat'],
      ['salaryMin=9000&salaryMax=5000', 'query.salaryMax'],
      ['salaryMin=-1', 'query.salaryMin'],
      ['experience=1_3,expert', 'query.experience'],
      ['education=phd', 'query.education'],
      ['jobType=full_time,,', 'query.jobType'],
      ['companySize=huge', 'query.companySize'],
      ['directOnly=yes', 'query.directOnly'],
      ['prefSalaryMin=lots', 'query.prefSalaryMin'],
      ['cityCode=3301', 'query.cityCode'],
      ['cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
    ])('answers 400 naming the field for %s', async (query, path) => {
      const response = await backend.request<ApiErrorBody>('GET', `/jobs?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_input');
      expect(response.body.error.fields?.map((f) => f.path)).toContain(path);
      expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    });
  });

  describe('suggestions and similar jobs', () => {
    it('suggests titles by prefix, pinyin and initials, most common first', async () => {
      for (const typed of ['前', 'qian', 'qd']) {
        const { items } = (await backend.request<JobSuggestList>('GET', `/jobs/suggest?keyword=${typed}`)).body;
        expect(items.length).toBeGreaterThan(0);
        expect(items.length).toBeLessThanOrEqual(8);
        expect(items[0]).toEqual({ text: expect.stringContaining('前端'), kind: 'title' });
      }
      const drivers = (
        await backend.request<JobSuggestList>('GET', `/jobs/suggest?keyword=${encodeURIComponent('司机')}`)
      ).body.items;
      expect(drivers.map((s) => s.text)).toEqual(expect.arrayContaining(['货车司机']));
      expect(drivers.every((s) => s.text.includes('司机'))).toBe(true);
    });

    it('suggests company names, and nothing for an empty or symbol-only text', async () => {
      const [job] = (await jobs({ limit: 1 })).items;
      const typed = job.company.name.slice(0, 3);
      const { items } = (
        await backend.request<JobSuggestList>('GET', `/jobs/suggest?keyword=${encodeURIComponent(typed)}`)
      ).body;
      expect(items).toEqual(expect.arrayContaining([{ text: job.company.name, kind: 'company' }]));
      for (const typed of ['', '%20', '*', encodeURIComponent('"')]) {
        const response = await backend.request<JobSuggestList>('GET', `/jobs/suggest?keyword=${typed}`);
        expect(response.status).toBe(200);
        expect(response.body.items).toEqual([]);
      }
      const tooLong = await backend.request<ApiErrorBody>('GET', `/jobs/suggest?keyword=${'a'.repeat(51)}`);
      expect(tooLong.body.error.fields?.[0].path).toBe('query.keyword');
    });

    it('lists up to 6 similar jobs: same category, same or nearby city, not the job itself', async () => {
      const [job] = (await jobs({ keyword: '服务员', limit: 1 })).items;
      const detail = (await backend.request<JobDetail>('GET', `/jobs/${job.id}`)).body;
      const { items } = (await backend.request<SimilarJobList>('GET', `/jobs/${job.id}/similar`)).body;
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(6);
      for (const similar of items) {
        expect(similar.id).not.toBe(job.id);
        expect(categoryOfTitle(similar.title)).toBe(categoryOfTitle(job.title));
        if (similar.cityCode !== job.cityCode) {
          const other = (await backend.request<JobDetail>('GET', `/jobs/${similar.id}`)).body;
          const metres = distanceMetres(
            { lat: detail.lat as number, lng: detail.lng as number },
            { lat: other.lat as number, lng: other.lng as number },
          );
          expect(metres).toBeLessThan(150000);
        }
      }
      expect((await backend.request('GET', '/jobs/99999999/similar')).status).toBe(404);
    });
  });
});
