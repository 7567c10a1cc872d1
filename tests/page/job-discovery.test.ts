import { startMockServer, setFaults } from '../support/mock-server';
import { createFakeMy } from '../../runtime/harness/fake-my';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';
import type { JobCardView } from '../../view-models/job-view';

interface JobsData {
  status: string;
  jobs: JobCardView[];
  keyword: string;
  cityText: string;
  sort: string;
  filterCount: number;
  errorMessage: string;
  sheetVisible: boolean;
  draft: { salaryBand: string; jobType: string[]; directOnly: boolean };
}

type Stores = {
  search: typeof import('../../stores/job-search');
  favorites: typeof import('../../stores/favorites');
  recent: typeof import('../../stores/recent-views');
};

let server: Awaited<ReturnType<typeof startMockServer>>;
let rt: Runtime;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 400, seed: 'discovery-tests' } });
});
afterAll(() => server.stop());

function launch(storage?: Record<string, unknown>, authUser = `seeker${Date.now()}`) {
  jest.resetModules();
  rt = createRuntime({
    my: createFakeMy({ authUser, storage }),
    globals: { __API_BASE_URL__: server.url },
  });
  rt.mountApp();
  return rt;
}
const stores = (): Stores => ({
  search: rt.requireFromRoot('stores/job-search'),
  favorites: rt.requireFromRoot('stores/favorites'),
  recent: rt.requireFromRoot('stores/recent-views'),
});
const lastJobsQuery = () => {
  const request = [...rt.fake.requests].reverse().find((r) => new URL(r.url).pathname === '/jobs');
  return Object.fromEntries(new URL(request!.url).searchParams);
};

afterEach(async () => {
  await setFaults(server, { errorRate: 0 });
  rt.dispose();
});

describe('search and filters', () => {
  it('restores keyword, city, filters and sort from a shared link', async () => {
    launch();
    const page = rt.mountPage<JobsData>('pages/jobs/index', {
      keyword: '司机',
      cityCode: '330100',
      cityName: '杭州市',
      jobType: 'full_time,daily_gig',
      salary: '5000-8000',
      sort: 'latest',
    });
    await rt.flush();
    expect(page.data).toMatchObject({ keyword: '司机', cityText: '杭州市', sort: 'latest', filterCount: 2 });
    expect(lastJobsQuery()).toMatchObject({
      keyword: '司机',
      cityCode: '330100',
      jobType: 'full_time,daily_gig',
      salaryMin: '5000',
      salaryMax: '8000',
      sort: 'latest',
    });
    const share = (await page.shareAppMessage()) as { path: string };
    expect(share.path).toContain('keyword=%E5%8F%B8%E6%9C%BA');
    expect(share.path).toContain('cityCode=330100');
    expect(share.path).toContain('sort=latest');
  });

  it('applies the filter sheet in one go, and the badge counts active groups', async () => {
    launch();
    const page = rt.mountPage<JobsData>('pages/jobs/index');
    await rt.flush();
    page.tap('onFilterTap');
    expect(page.data.sheetVisible).toBe(true);
    page.call('onFilterChange', 'daily_gig'.split(','), [], { currentTarget: { dataset: { group: 'jobType' } } });
    page.call('onFilterChange', '3000-5000', {}, { currentTarget: { dataset: { group: 'salaryBand' } } });
    page.call('onDirectOnlyChange', true);
    expect(rt.fake.requests.filter((r) => r.url.includes('/jobs?')).length).toBe(1);
    page.tap('onFilterConfirm');
    await rt.flush();
    expect(page.data.sheetVisible).toBe(false);
    expect(page.data.filterCount).toBe(3);
    expect(lastJobsQuery()).toMatchObject({
      jobType: 'daily_gig',
      salaryMin: '3000',
      salaryMax: '5000',
      directOnly: '1',
    });
    expect(page.data.jobs.length).toBeGreaterThan(0);
    for (const card of page.data.jobs) expect(card.requirementTags).toContain('日结');
  });

  it("offers the chosen city's districts and narrows the list to one", async () => {
    launch();
    const listed = (await (await fetch(`${server.url}/jobs?limit=50`)).json()) as {
      items: Array<{ cityCode: string; cityName: string; district: string }>;
    };
    const { cityCode, cityName, district } = listed.items[0];
    const page = rt.mountPage<JobsData & { districtOptions: Array<{ value: string }> }>('pages/jobs/index', {
      cityCode,
      cityName,
    });
    await rt.flush();
    page.tap('onFilterTap');
    await rt.flush();
    expect(page.data.districtOptions.map((d) => d.value)).toContain(district);
    page.call('onFilterChange', district, {}, { currentTarget: { dataset: { group: 'district' } } });
    page.tap('onFilterConfirm');
    await rt.flush();
    expect(lastJobsQuery()).toMatchObject({ cityCode, district });
    expect(page.data.jobs.length).toBeGreaterThan(0);
    for (const card of page.data.jobs) expect(card.locationText).toContain(district);
    const share = (await page.shareAppMessage()) as { path: string };
    expect(share.path).toContain(`district=${encodeURIComponent(district)}`);
  });

  it('picks 北京 from the hot cities as Alipay answers it (110100) and lists its jobs; 全国 clears the city', async () => {
    launch();
    const page = rt.mountPage<JobsData>('pages/jobs/index');
    await rt.flush();
    rt.fake.answerChooseCity({ city: '北京', adCode: '110100' });
    page.tap('onCityTap');
    await rt.flush();
    const picker = rt.fake.ui.find((entry) => entry.api === 'chooseCity') as unknown as {
      hotCities: { city: string; adCode: string }[];
      cities: { city: string; adCode: string; spell: string }[];
    };
    expect(picker.hotCities[0]).toMatchObject({ city: '全国', adCode: '100000' });
    for (const city of ['北京', '上海', '天津', '重庆']) {
      expect(picker.cities).toContainEqual(expect.objectContaining({ city, spell: expect.stringMatching(/^[a-z]+$/) }));
    }
    expect(page.data.cityText).toBe('北京');
    expect(lastJobsQuery().cityCode).toBe('110000');
    expect(page.data.jobs.length).toBeGreaterThan(0);
    for (const card of page.data.jobs) expect(card.locationText).toContain('北京');

    rt.fake.answerChooseCity({ city: '全国', adCode: '100000' });
    page.tap('onCityTap');
    await rt.flush();
    expect(page.data.cityText).toBe('全国');
    expect(lastJobsQuery().cityCode).toBeUndefined();
  });

  it('offline, a new city keeps the last results under a notice, and lists its jobs by itself once back online', async () => {
    launch();
    const page = rt.mountPage<JobsData>('pages/jobs/index');
    await rt.flush();
    const before = page.data.jobs.map((job) => job.id);
    rt.fake.setOffline(true);
    rt.fake.answerChooseCity({ city: '北京', adCode: '110100' });
    page.tap('onCityTap');
    await rt.flush();
    expect(page.data).toMatchObject({ cityText: '北京', errorMessage: '网络不给力，请检查网络后重试' });
    expect(page.data.jobs.map((job) => job.id)).toEqual(before);

    rt.fake.setOffline(false);
    await rt.flush();
    expect(page.data).toMatchObject({ status: 'ready', errorMessage: '' });
    expect(page.data.jobs.length).toBeGreaterThan(0);
    for (const card of page.data.jobs) expect(card.locationText).toContain('北京');
  });

  it('shows the empty state that offers to widen the search, and widening works', async () => {
    launch();
    const page = rt.mountPage<JobsData>('pages/jobs/index', {
      keyword: '宇航员驾驶舱维修',
      cityCode: '330100',
      cityName: '杭州市',
    });
    await rt.flush();
    expect(page.data.status).toBe('ready');
    expect(page.data.jobs).toEqual([]);
    page.fire('onWidenSearch', { detail: {} });
    await rt.flush();
    expect(page.data.cityText).toBe('全国');
    expect(lastJobsQuery().cityCode).toBeUndefined();
  });

  it('shows the server message for a refused keyword and keeps the previous results', async () => {
    launch();
    const page = rt.mountPage<JobsData>('pages/jobs/index');
    await rt.flush();
    const before = page.data.jobs.map((j) => j.id);
    await stores().search.jobSearchStore.update({ keyword: 'x'.repeat(50) + '"*' });
    await rt.flush();
    expect(page.data.errorMessage).toMatch(/关键词/);
    expect(page.data.jobs.map((j) => j.id)).toEqual(before);
  });

  it('asks for the position for 附近 and shows distances', async () => {
    launch();
    const page = rt.mountPage<JobsData>('pages/jobs/index');
    await rt.flush();
    rt.fake.setLocation({ latitude: 30.2741, longitude: 120.1551 });
    page.tap('onSortTap', { dataset: { sort: 'nearest' } });
    await rt.flush();
    expect(page.data.sort).toBe('nearest');
    expect(lastJobsQuery()).toMatchObject({ sort: 'nearest', lat: '30.27410', lng: '120.15510' });
    expect(page.data.jobs[0].locationText).toMatch(/\d+(\.\d)?(m|km)$/);
  });

  it('keeps the sort and says why when the position is refused', async () => {
    launch();
    const page = rt.mountPage<JobsData>('pages/jobs/index');
    await rt.flush();
    rt.fake.setLocation({ error: 2001, errorMessage: '用户拒绝授权' });
    page.tap('onSortTap', { dataset: { sort: 'nearest' } });
    await rt.flush();
    expect(page.data.sort).toBe('match');
    expect(rt.fake.lastToast()).toMatchObject({ content: expect.stringContaining('定位') });
  });
});

describe('推荐 ranked by the resume', () => {
  it("passes the seeker's expected categories and salary once the resume is loaded", async () => {
    const user = `pref${Date.now()}`;
    const login = (await (
      await fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ authCode: `u_${user}.setup-1` }),
      })
    ).json()) as { accessToken: string };
    const { categories } = (await (await fetch(`${server.url}/job-filters`)).json()) as { categories: string[] };
    const saved = await fetch(`${server.url}/resume/expectations`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` },
      body: JSON.stringify({
        categories: [categories[0]],
        cityCodes: ['330100'],
        salaryMin: 6000,
        salaryMax: 9000,
        jobTypes: ['full_time'],
      }),
    });
    expect(saved.status).toBe(200);

    launch(undefined, user);
    const page = rt.mountPage<JobsData>('pages/jobs/index');
    await rt.flush();
    expect(lastJobsQuery()).toMatchObject({ sort: 'match', prefCategories: categories[0], prefSalaryMin: '6000' });
    expect(page.data.status).toBe('ready');
  });
});

describe('推荐 after a relaunch', () => {
  it('is ranked by the expected categories, salary and cities from the first request of the next launch', async () => {
    const user = `relaunch${Date.now()}`;
    const login = (await (
      await fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ authCode: `u_${user}.setup-1` }),
      })
    ).json()) as { accessToken: string };
    const saved = await fetch(`${server.url}/resume/expectations`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` },
      body: JSON.stringify({
        categories: ['厨师'],
        cityCodes: ['330100'],
        salaryMin: 5000,
        salaryMax: 9000,
        jobTypes: ['full_time'],
      }),
    });
    expect(saved.status).toBe(200);
    const ranked = { prefCategories: '厨师', prefSalaryMin: '5000', prefCityCodes: '330100' };

    // The first launch ranks the feed once the resume has loaded.
    launch(undefined, user);
    rt.mountPage<JobsData>('pages/jobs/index');
    await rt.flush();
    expect(lastJobsQuery()).toMatchObject(ranked);
    const storage = Object.fromEntries(rt.fake.storage.keys().map((key) => [key, rt.fake.storage.get(key)]));
    rt.dispose();

    // The next launch sends its very first request ranked, before the resume has loaded.
    launch(storage, user);
    const page = rt.mountPage<JobsData>('pages/jobs/index');
    await rt.flush();
    const jobRequests = rt.fake.requests.filter((r) => new URL(r.url).pathname === '/jobs');
    expect(Object.fromEntries(new URL(jobRequests[0].url).searchParams)).toMatchObject(ranked);
    expect(lastJobsQuery()).toMatchObject(ranked);
    expect(page.data.status).toBe('ready');
    // The seed has 厨师 jobs: they come first, 杭州 ones (if any) ahead of the rest.
    expect(page.data.jobs[0].title).toContain('厨');
  });
});

describe('search page', () => {
  it('suggests while typing, remembers 20 keywords at most, and clears them', async () => {
    launch();
    const search = rt.mountPage<{ suggestions: Array<{ text: string }>; history: string[] }>(
      'subpackages/job/pages/search/index',
    );
    search.call('onInput', { detail: { value: '司' } });
    search.call('onInput', { detail: { value: '司机' } });
    await rt.flush();
    expect(rt.fake.requests.filter((r) => r.url.includes('/jobs/suggest')).length).toBe(1);
    expect(search.data.suggestions.length).toBeGreaterThan(0);
    const { jobSearchStore } = stores().search;
    for (let i = 0; i < 25; i++) await jobSearchStore.update({ keyword: `关键词${i}` });
    await rt.flush();
    expect(jobSearchStore.history).toHaveLength(20);
    expect(jobSearchStore.history[0]).toBe('关键词24');
    expect(rt.fake.storage.get('jobs.searchHistory')).toHaveLength(20);
    search.tap('onClearHistory');
    expect(search.data.history).toEqual([]);
    expect(rt.fake.storage.get('jobs.searchHistory')).toBeNull();
  });

  it('opened on its own, a search shows its results on the 职位 tab; over the list it goes back to it', async () => {
    launch();
    const alone = rt.mountPage('subpackages/job/pages/search/index');
    alone.call('onPick', { currentTarget: { dataset: { text: '司机' } } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'switchTab', url: '/pages/jobs/index' });
    expect(stores().search.jobSearchStore.search.keyword).toBe('司机');
    alone.unload();

    rt.mountPage('pages/jobs/index');
    const over = rt.mountPage('subpackages/job/pages/search/index');
    over.call('onPick', { currentTarget: { dataset: { text: '厨师' } } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'navigateBack' });
  });
});

describe('favorites and recently viewed', () => {
  it('stars a job at once, keeps it on the server, and lists it under 我的收藏', async () => {
    launch();
    const jobs = (await (await fetch(`${server.url}/jobs?limit=3`)).json()) as { items: Array<{ id: string }> };
    const detail = rt.mountPage<{ favorited: boolean }>('subpackages/job/pages/detail/index', { id: jobs.items[0].id });
    await rt.flush();
    expect(detail.data.favorited).toBe(false);
    detail.tap('onFavoriteTap');
    expect(detail.data.favorited).toBe(true);
    await rt.flush();
    const favorites = rt.mountPage<{ jobs: JobCardView[] }>('subpackages/me/pages/favorites/index');
    favorites.show();
    await rt.flush();
    expect(favorites.data.jobs.map((j) => j.id)).toEqual([jobs.items[0].id]);
  });

  it('reloads 我的收藏 by itself once back online when a reload failed with the list still shown', async () => {
    launch();
    const jobs = (await (await fetch(`${server.url}/jobs?limit=1`)).json()) as { items: Array<{ id: string }> };
    const detail = rt.mountPage<{ favorited: boolean }>('subpackages/job/pages/detail/index', { id: jobs.items[0].id });
    await rt.flush();
    detail.tap('onFavoriteTap');
    await rt.flush();
    const favorites = rt.mountPage<{ jobs: JobCardView[]; errorMessage: string }>(
      'subpackages/me/pages/favorites/index',
    );
    favorites.show();
    await rt.flush();
    expect(favorites.data.jobs).toHaveLength(1);
    // The reload fails offline: the list shown stays, with the error.
    rt.fake.setOffline(true);
    favorites.show();
    await rt.flush();
    expect(favorites.data.errorMessage).not.toBe('');
    expect(favorites.data.jobs).toHaveLength(1);
    rt.fake.setOffline(false);
    await rt.flush();
    expect(favorites.data.errorMessage).toBe('');
  });

  it('rolls the star back and says why when saving fails', async () => {
    launch();
    const jobs = (await (await fetch(`${server.url}/jobs?limit=1`)).json()) as { items: Array<{ id: string }> };
    const detail = rt.mountPage<{ favorited: boolean }>('subpackages/job/pages/detail/index', { id: jobs.items[0].id });
    await rt.flush();
    await setFaults(server, { errorRate: 1 });
    detail.tap('onFavoriteTap');
    expect(detail.data.favorited).toBe(true);
    await rt.flush();
    expect(detail.data.favorited).toBe(false);
    expect(rt.fake.lastToast()).toMatchObject({ type: 'fail' });
  });

  it('keeps recently viewed jobs on the device, newest first, without duplicates', async () => {
    launch();
    const jobs = (await (await fetch(`${server.url}/jobs?limit=3`)).json()) as { items: Array<{ id: string }> };
    for (const id of [jobs.items[0].id, jobs.items[1].id, jobs.items[0].id]) {
      rt.mountPage('subpackages/job/pages/detail/index', { id });
      await rt.flush();
    }
    const recent = rt.mountPage<{ jobs: JobCardView[] }>('subpackages/me/pages/recent/index');
    expect(recent.data.jobs.map((j) => j.id)).toEqual([jobs.items[0].id, jobs.items[1].id]);
    const stored = rt.fake.storage.get('jobs.recentViews') as Array<{ job: { id: string } }>;
    rt.dispose();
    launch({ 'jobs.recentViews': stored });
    expect(stores().recent.recentViewsStore.entries).toHaveLength(2);
  });
});

describe('report', () => {
  it('names the missing reason, keeps the text when sending fails, and confirms when sent', async () => {
    launch();
    const jobs = (await (await fetch(`${server.url}/jobs?limit=1`)).json()) as { items: Array<{ id: string }> };
    const detail = rt.mountPage<{ reportError: string; reportText: string; reportVisible: boolean; reported: boolean }>(
      'subpackages/job/pages/detail/index',
      { id: jobs.items[0].id },
    );
    await rt.flush();
    detail.tap('onReportTap');
    detail.fire('onReportTextInput', { detail: { value: '要求先交培训费' } });
    await detail.call('onReportSubmit');
    expect(detail.data.reportError).toBe('请选择举报原因');
    detail.call('onReportReasonChange', 'fee');
    // A control character (pasted from somewhere) is named before anything is sent, and the text is kept.
    detail.fire('onReportTextInput', { detail: { value: '要求先交培训费\u0007' } });
    const sentBefore = rt.fake.requests.length;
    detail.clearSetDataCalls();
    await detail.call('onReportSubmit');
    await rt.flush();
    expect(detail.data.reportError).toBe('举报说明包含无法识别的字符');
    // The box keeps what was typed: nothing is sent to it.
    expect(detail.setDataCalls.filter((call) => 'reportText' in call.payload)).toEqual([]);
    expect(rt.fake.requests.length).toBe(sentBefore);
    detail.fire('onReportTextInput', { detail: { value: '要求先交培训费' } });
    await setFaults(server, { errorRate: 1 });
    await detail.call('onReportSubmit');
    await rt.flush();
    expect(detail.data.reportError).not.toBe('');
    // Not echoed back: the box still holds what was typed, and the next try sends it.
    await setFaults(server, { errorRate: 0 });
    await detail.call('onReportSubmit');
    await rt.flush();
    expect(detail.data.reportVisible).toBe(false);
    expect(detail.data.reported).toBe(true);
    expect(rt.fake.lastToast()).toMatchObject({ content: '已收到举报，我们会尽快核实' });
    const sent = rt.fake.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/reports'));
    expect(JSON.parse(String(sent.at(-1)?.body))).toEqual({ reason: 'fee', text: '要求先交培训费' });
    // Opened again: still 已举报, no second report offered.
    const again = rt.mountPage<{ reported: boolean }>('subpackages/job/pages/detail/index', { id: jobs.items[0].id });
    await rt.flush();
    expect(again.data.reported).toBe(true);
  });
});

describe('查看地图', () => {
  it('tells the seeker when the map cannot open, instead of leaving the failure unhandled', async () => {
    launch();
    const jobs = (await (await fetch(`${server.url}/jobs?limit=50`)).json()) as {
      items: Array<{ id: string; lat: number | null }>;
    };
    const job = jobs.items.find((item) => item.lat !== null);
    if (!job) throw new Error('no job with a position');
    const opened: unknown[] = [];
    // As the platform does: the failure goes to `fail`, or, with no callbacks, rejects the returned promise.
    rt.fake.define('openLocation', ((options: { fail?: (failure: unknown) => void }) => {
      opened.push(options);
      const failure = { error: 3, errorMessage: '地图打开失败' };
      if (!options.fail) return Promise.reject(failure);
      setTimeout(() => options.fail?.(failure), 0);
    }) as never);
    const detail = rt.mountPage('subpackages/job/pages/detail/index', { id: job.id });
    await rt.flush();
    await detail.tap('onAddressTap');
    await rt.flush();
    expect(opened).toHaveLength(1);
    expect(rt.fake.lastToast()).toMatchObject({ content: '地图打开失败，请按上方地址前往', type: 'fail' });
  });
});
