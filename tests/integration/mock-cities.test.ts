import type { CityDetail, CityList } from '../../services/contracts/cities';
import type { JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import type { Resume } from '../../services/contracts/resume';
import { BASIC } from './mock-resume-helpers';
import { startTestBackend, type TestBackend } from './mock-fixture';

describe('cities: codes from any source, current divisions', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ seed: { jobs: 600 } });
  });
  afterAll(() => backend.close());

  it('lists the four municipalities by name with a pinyin spell, as the picker needs', async () => {
    const { body } = await backend.request<CityList>('GET', '/cities');
    for (const [code, name, spell] of [
      ['110000', '北京市', 'beijing'],
      ['120000', '天津市', 'tianjin'],
      ['310000', '上海市', 'shanghai'],
      ['500000', '重庆市', 'chongqing'],
      ['330100', '杭州市', 'hangzhou'],
    ]) {
      expect(body.items).toContainEqual(expect.objectContaining({ code, name, spell }));
    }
  });

  it.each([
    ['110100', '110000'],
    ['310100', '310000'],
    ['120100', '120000'],
    ['500100', '500000'],
  ])('finds the jobs of %s (as Alipay answers it) under %s', async (asked, filed) => {
    const { status, body } = await backend.request<CursorPage<JobSummary>>('GET', `/jobs?cityCode=${asked}&limit=20`);
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    for (const job of body.items) expect(job.cityCode).toBe(filed);
    const city = await backend.request<CityDetail>('GET', `/cities/${asked}`);
    expect(city.status).toBe(200);
    expect(city.body.code).toBe(filed);
  });

  it('takes 全国 (100000) as no city filter', async () => {
    const { status, body } = await backend.request<CursorPage<JobSummary>>('GET', '/jobs?cityCode=100000&limit=50');
    expect(status).toBe(200);
    expect(new Set(body.items.map((job) => job.cityCode)).size).toBeGreaterThan(1);
  });

  it('has 杭州 as it is since 2021: 临平区 and 钱塘区, no 下城区 or 江干区', async () => {
    const { body } = await backend.request<CityDetail>('GET', '/cities/330100');
    expect(body.districts).toEqual(expect.arrayContaining(['上城区', '拱墅区', '临平区', '钱塘区']));
    expect(body.districts).not.toContain('下城区');
    expect(body.districts).not.toContain('江干区');
    const jobs = backend.server.db
      .prepare("SELECT count(*) FROM jobs WHERE city_code = '330100' AND district IN ('下城区', '江干区')")
      .pluck()
      .get();
    expect(jobs).toBe(0);
  });

  it('places every job of a district it has an outline for at that district, and new districts in the city', () => {
    const rows = backend.server.db.prepare("SELECT district, lat, lng FROM jobs WHERE city_code = '330100'").all() as {
      district: string;
      lat: number;
      lng: number;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    // Every 杭州 job lies within the city's bounds, new districts included.
    for (const row of rows) {
      expect(row.lat).toBeGreaterThan(29.1);
      expect(row.lat).toBeLessThan(30.6);
      expect(row.lng).toBeGreaterThan(118.3);
      expect(row.lng).toBeLessThan(120.8);
    }
  });

  it('adds 上海 (310100) to the expected cities and the basic city as 北京 (110100), stored canonically', async () => {
    const { accessToken: token } = await backend.login('city-codes');
    const basic = await backend.request<Resume>('PUT', '/resume/basic', {
      token,
      body: { ...BASIC, cityCode: '110100' },
    });
    expect(basic.status).toBe(200);
    expect(basic.body.basic).toMatchObject({ cityCode: '110000', cityName: '北京市' });
    const saved = await backend.request<Resume>('PUT', '/resume/expectations', {
      token,
      body: {
        categories: ['厨师'],
        cityCodes: ['330100', '310100'],
        salaryMin: 5000,
        salaryMax: 8000,
        jobTypes: ['full_time'],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.expectations?.cityCodes).toEqual(['330100', '310000']);
    const twice = await backend.request<{ error: { fields: { path: string; message: string }[] } }>(
      'PUT',
      '/resume/expectations',
      {
        token,
        body: {
          categories: ['厨师'],
          cityCodes: ['310000', '310100'],
          salaryMin: 5000,
          salaryMax: 8000,
          jobTypes: ['full_time'],
        },
      },
    );
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields).toEqual([{ path: 'cityCodes.1', message: '期望城市不能重复' }]);
  });
});
