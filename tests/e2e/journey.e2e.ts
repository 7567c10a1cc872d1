/**
 * The seeker's journey through the built app in the simulator, one step per test (they run in order and
 * share the page): silent login → 厨 finds 厨师 → 北京 from the picker's hot cities, 上海 found by pinyin, back to
 * 全国 → 杭州 through my.chooseCity → 前端 typed on the search page → 筛选 by salary
 * → a job's detail → 收藏 (seen under 我的收藏) → 我的简历 → 基本信息 with the Alipay phone → apply
 * (redirectTo the application) → the employer autopilot views it → HR已查看 on the timeline. Every step
 * leaves a screenshot in artifacts/e2e/journey/.
 */
import { mockProfile, publishJobsIn, SimApp, startStack, type PublishedJob, type Stack } from './support/stack';

const USER = 'e2e-journey';

let stack: Stack;
let app: SimApp;
let firstJobTitle = '';
/** 前端 jobs in 杭州: two in the 12-20K band the journey filters on, two below it. */
let hangzhouJobs: PublishedJob[] = [];
const HANGZHOU = '330100';
const BAND = '12-20K';
let jobTitle = '';
let jobCompany = '';
let scoreBefore = 0;
const GREETING = '您好，我有三年前端开发经验，熟悉 React 和小程序。';

/** The resume overview's 完成度 N%. */
async function completeness(): Promise<number> {
  const text = await app.frame().locator('.completeness-score').innerText();
  const match = /(\d+)\s*%/.exec(text);
  if (!match) throw new Error(`no percentage in ${JSON.stringify(text)}`);
  return Number(match[1]);
}

// ---- issue 10 item 4 helpers (begin) ----
/** Signs the journey's seeker in against the mock directly, for reading and seeding its resume. */
async function seekerToken(user: string): Promise<string> {
  const login = await fetch(`${stack.mock.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authCode: `u_${user}.item4${Date.now().toString(36)}` }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** The label under the open picker's indicator, per wheel column. */
async function wheelSelection(): Promise<string[]> {
  return app
    .frame()
    .locator('.ant-picker-popup picker-view')
    .first()
    .evaluate((view) => {
      const indicator = view.querySelector('sim-picker-indicator') as unknown as {
        getBoundingClientRect(): { top: number; bottom: number };
      };
      const box = indicator.getBoundingClientRect();
      const middle = (box.top + box.bottom) / 2;
      type Box = { getBoundingClientRect(): { top: number; bottom: number }; textContent: string | null };
      type Node = { querySelectorAll(selector: string): ArrayLike<unknown> };
      const columns = Array.from(view.querySelectorAll('picker-view-column')) as unknown as Node[];
      return columns.map((column) => {
        const items = Array.from(column.querySelectorAll('.ant-picker-content-item')) as Box[];
        const hit = items.find((item) => {
          const rect = item.getBoundingClientRect();
          return rect.top <= middle && rect.bottom >= middle;
        });
        return (hit?.textContent ?? '').trim();
      });
    });
}
// ---- issue 10 item 4 helpers (end) ----

beforeAll(async () => {
  // 300 seeded jobs hold 厨师 jobs and jobs in 北京, 上海 and 重庆 (issue 10's steps), still no 杭州 前端 job.
  stack = await startStack({ mock: { seed: { jobs: 300, seed: 'e2e' } } });
  hangzhouJobs = publishJobsIn(stack.mock, {
    titleLike: '前端',
    cityCode: HANGZHOU,
    district: '西湖区',
    replyRate: 1,
    salaries: [
      [13_000, 18_000],
      [5_000, 8_000],
      [14_000, 19_000],
      [6_000, 9_000],
    ],
  });
  app = await SimApp.open(stack, 'journey', { authUser: USER });
});

afterAll(async () => {
  await app?.close();
  await stack?.stop();
});

describe('a job seeker', () => {
  it('signs in silently and sees real jobs on the 职位 tab', async () => {
    await app.step('职位列表（静默登录）', async () => {
      await app.waitForRoute('pages/jobs/index');
      const cards = app.frame().locator('.job-card');
      await cards.first().waitFor({ timeout: 15_000 });
      expect(await cards.count()).toBeGreaterThan(3);
      firstJobTitle = (await cards.first().locator('.job-card-title').innerText()).trim();
      const jobs = (await (await fetch(`${stack.mock.url}/jobs?limit=50`)).json()) as {
        items: Array<{ title: string }>;
      };
      expect(jobs.items.map((job) => job.title)).toContain(firstJobTitle);
    });
  });

  it('scrolls to the bottom and gets more jobs (onReachBottom, $spliceData)', async () => {
    await app.step('上拉加载更多', async () => {
      const cards = app.frame().locator('.job-card');
      const before = await cards.count();
      await app.frame().locator('.list-footer').scrollIntoViewIfNeeded();
      await app.waitUntil(async () => (await cards.count()) > before, 'more job cards after reaching the bottom');
    });
    await app.frame().locator('.job-card').first().scrollIntoViewIfNeeded();
  });

  it('opens a job and sees its detail', async () => {
    await app.step('职位详情', async () => {
      await app.frame().locator('.job-card').first().click();
      await app.waitForRoute('subpackages/job/pages/detail/index');
      await app.frame().getByText(firstJobTitle, { exact: true }).first().waitFor();
      expect(await app.page.locator('.sim-nav-title').innerText()).toBe('职位详情');
      await app.expectNotBlank();
    });
  });

  it('goes back to the list', async () => {
    await app.step('返回职位列表', async () => {
      await app.back();
      await app.waitForRoute('pages/jobs/index');
      await app.frame().locator('.job-card').first().waitFor();
    });
  });

  it('sees the signed-in profile on 我的', async () => {
    const profile = await mockProfile(stack.mock, USER);
    await app.step('我的（已登录）', async () => {
      await app.tab('我的');
      await app.waitForRoute('pages/me/index');
      await app.frame().getByText(profile.nickname).first().waitFor();
      expect(await app.page.locator('.sim-nav-title').innerText()).toBe('我的');
    });
  });

  it('sees the empty state on 消息', async () => {
    await app.step('消息（空）', async () => {
      await app.tab('消息');
      await app.waitForRoute('pages/messages/index');
      const empty = app.frame().locator('.ant-empty');
      await empty.waitFor();
      expect(await empty.innerText()).toContain('还没有消息');
    });
  });

  // ---- issue 10 ★ item 1: a one-character keyword finds two-character titles (厨 → 厨师) ----
  it('★ searches 厨 and finds the 厨师 jobs', async () => {
    await app.step('搜索：厨（找到厨师）', async () => {
      await app.tab('职位');
      await app.waitForRoute('pages/jobs/index');
      await app.frame().locator('.jobs-search').click();
      await app.waitForRoute('subpackages/job/pages/search/index');
      const input = app.frame().locator('.search-bar input');
      await input.waitFor();
      await input.fill('厨');
      await app.waitUntil(async () => (await input.inputValue()) === '厨', 'the typed keyword');
      await app.frame().locator('.search-submit').click();
      await app.waitForRoute('pages/jobs/index');
      await app.frame().locator('.jobs-search-keyword', { hasText: '厨' }).waitFor();
      const titles = app.frame().locator('.job-card-title');
      await titles.first().waitFor();
      await app.waitUntil(async () => (await titles.allInnerTexts()).includes('厨师'), 'a job titled 厨师');
    });
    await app.step('清除关键词', async () => {
      await app.frame().locator('.jobs-search-clear').click();
      await app.frame().locator('.jobs-search-placeholder').waitFor();
    });
  });
  // ---- end of issue 10 item 1 ----

  // ---- issue 10 ★ item 2: 北京/上海 from the picker list their jobs; search by pinyin; 全国 ----
  it('★ picks 北京 from the hot cities and sees its jobs, finds 上海 by pinyin, and goes back to 全国', async () => {
    const cards = app.frame().locator('.job-card');
    const cityJobsShown = async (city: string) => {
      await app.frame().locator('.jobs-city', { hasText: city }).waitFor();
      await app.waitUntil(async () => {
        const places = await cards.locator('.job-card-location').allInnerTexts();
        return places.length > 0 && places.every((place) => place.includes(city));
      }, `only ${city} jobs listed`);
    };
    await app.step('城市选择器：热门城市与全国', async () => {
      await app.frame().locator('.jobs-city').click();
      const hot = app.page.locator('.sim-city-hot .sim-sheet-item');
      await hot.first().waitFor();
      expect((await hot.allInnerTexts()).slice(0, 3)).toEqual(['全国', '北京', '上海']);
    });
    await app.step('城市：北京', async () => {
      await app.page.locator('.sim-city-hot .sim-sheet-item', { hasText: /^北京$/ }).click();
      await cityJobsShown('北京');
    });
    await app.step('城市搜索：shanghai', async () => {
      await app.frame().locator('.jobs-city').click();
      await app.page.locator('.sim-city-search').fill('shanghai');
      const found = app.page.locator('.sim-sheet-item');
      await app.waitUntil(async () => (await found.allInnerTexts()).join() === '上海', 'only 上海 found');
    });
    await app.step('城市：上海', async () => {
      await app.page.locator('.sim-sheet-item', { hasText: '上海' }).click();
      await cityJobsShown('上海');
    });
    await app.step('城市：全国', async () => {
      await app.frame().locator('.jobs-city').click();
      await app.page.locator('.sim-city-hot .sim-sheet-item', { hasText: '全国' }).click();
      await app.frame().locator('.jobs-city', { hasText: '全国' }).waitFor();
      await app.waitUntil(async () => {
        const places = await cards.locator('.job-card-location').allInnerTexts();
        return new Set(places.map((place) => place.split(' · ')[0])).size > 1;
      }, 'jobs of several cities');
    });
  });
  // ---- end of issue 10 item 2 ----

  it('picks 杭州 through my.chooseCity', async () => {
    await app.step('选择城市：杭州', async () => {
      await app.tab('职位');
      await app.waitForRoute('pages/jobs/index');
      await app.frame().locator('.jobs-city').click();
      await app.page.locator('.sim-city-hot .sim-sheet-item', { hasText: /^杭州$/ }).click();
      await app.frame().locator('.jobs-city', { hasText: '杭州' }).waitFor();
      await app.frame().locator('.job-card').first().waitFor();
    });
  });

  it('types 前端 on the search page and submits', async () => {
    await app.step('搜索页：输入 前端', async () => {
      await app.frame().locator('.jobs-search').click();
      await app.waitForRoute('subpackages/job/pages/search/index');
      const input = app.frame().locator('.search-bar input');
      await input.waitFor();
      await input.fill('前端');
      await app.waitUntil(async () => (await input.inputValue()) === '前端', 'the typed keyword');
    });
    await app.step('搜索结果：杭州 前端', async () => {
      await app.frame().locator('.search-submit').click();
      await app.waitForRoute('pages/jobs/index');
      await app.frame().locator('.jobs-search-keyword', { hasText: '前端' }).waitFor();
      const cards = app.frame().locator('.job-card');
      await cards.first().waitFor();
      await app.waitUntil(async () => (await cards.count()) === hangzhouJobs.length, 'the 杭州 前端 jobs only');
      for (const title of await cards.locator('.job-card-title').allInnerTexts()) expect(title).toContain('前端');
    });
  });

  it('filters by salary in the 筛选 sheet', async () => {
    await app.step('筛选：月薪', async () => {
      await app.frame().locator('.jobs-filter-button').click();
      await app.animationsDone(app.frame().locator('.ant-popup-content'));
      const sheet = app.frame().locator('.sheet-body');
      await sheet.getByText(BAND, { exact: true }).click();
      await app.waitUntil(
        async () => (await sheet.locator('.ant-selector-item-active').count()) === 1,
        'the band selected',
      );
    });
    await app.step('筛选结果：12-20K', async () => {
      await app.frame().getByText('查看职位', { exact: true }).click();
      await app.frame().locator('.jobs-filter-button', { hasText: '·1' }).waitFor();
      const cards = app.frame().locator('.job-card');
      const inBand = hangzhouJobs.filter((job) => job.salaryMin >= 12_000);
      await app.waitUntil(async () => (await cards.count()) === inBand.length, `${inBand.length} jobs in the band`);
    });
  });

  it('opens a 杭州 前端 job and favorites it', async () => {
    await app.step('职位详情：杭州 前端', async () => {
      await app.frame().locator('.job-card').first().click();
      await app.waitForRoute('subpackages/job/pages/detail/index');
      await app.frame().locator('.detail-title', { hasText: '前端' }).waitFor();
      jobTitle = (await app.frame().locator('.detail-title').innerText()).trim();
      jobCompany = (await app.frame().locator('.company-name').innerText()).trim();
      expect(await app.frame().locator('.detail-requirement').first().innerText()).toContain('杭州');
    });
    await app.step('收藏职位', async () => {
      const favorite = app.frame().locator('.action-favorite');
      await favorite.click();
      await app.frame().locator('.action-favorite-on', { hasText: '已收藏' }).waitFor();
    });
  });

  it('finds it under 我的 → 我的收藏', async () => {
    await app.back();
    await app.waitForRoute('pages/jobs/index');
    await app.step('我的收藏', async () => {
      await app.tab('我的');
      await app.waitForRoute('pages/me/index');
      await app.frame().locator('.me-menu-item', { hasText: '我的收藏' }).click();
      await app.waitForRoute('subpackages/me/pages/favorites/index');
      const card = app.frame().locator('.job-card', { hasText: jobCompany });
      await card.first().waitFor();
      expect(await card.first().locator('.job-card-title').innerText()).toBe(jobTitle);
    });
    await app.back();
    await app.waitForRoute('pages/me/index');
  });

  it('fills the basic info of the resume; its completeness goes up', async () => {
    await app.step('我的简历（空）', async () => {
      await app.frame().locator('.me-menu-item', { hasText: '我的简历' }).click();
      await app.waitForRoute('subpackages/resume/pages/index/index');
      await app.frame().locator('.completeness-score').waitFor();
      scoreBefore = await completeness();
      expect(await app.frame().locator('.phone-line').innerText()).toContain('未填写手机号');
    });
    await app.step('基本信息（填写）', async () => {
      await app.frame().locator('.card-head', { hasText: '基本信息' }).click();
      await app.waitForRoute('subpackages/resume/pages/basic/index');
      const form = app.frame().locator('.form-card');
      await form.waitFor();
      await form.locator('.ant-form-item', { hasText: '姓名' }).locator('input').fill('林小前');
      await form.locator('.ant-form-item', { hasText: '性别' }).getByText('女', { exact: true }).click();
      await form
        .locator('.ant-form-item', { hasText: '出生年份' })
        .locator('.ant-picker, .ant-picker-children, .ant-form-picker-arrow')
        .first()
        .click();
      // An empty 出生年份 opens where most seekers' birth years are, not on the youngest allowed.
      const typical = `${new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 30}年`;
      await app.waitUntil(async () => (await wheelSelection())[0] === typical, `the wheel on ${typical}`);
      await app.frame().getByText('确定', { exact: true }).click();
      await form
        .locator('.ant-form-item', { hasText: '出生年份' })
        .locator('.ant-picker-value-text', { hasText: typical })
        .waitFor();
      await form.locator('.city-field-single').click();
      await app.page.locator('.sim-city-hot .sim-sheet-item', { hasText: /^杭州$/ }).click();
      await form.locator('.city-field-single', { hasText: '杭州' }).waitFor();
      await form.locator('.ant-form-item', { hasText: '求职状态' }).getByText('离职', { exact: true }).click();
    });
    await app.step('用支付宝手机号', async () => {
      await app.frame().locator('.phone-auth').click();
      await app.page.locator('.sim-sheet-item', { hasText: '允许' }).click();
      await app.frame().locator('.phone-verified', { hasText: '已通过支付宝验证' }).waitFor();
    });
    await app.step('简历完整度提高', async () => {
      await app.frame().getByText('保存', { exact: true }).click();
      await app.waitForRoute('subpackages/resume/pages/index/index');
      await app.frame().locator('.basic-name', { hasText: '林小前' }).waitFor();
      await app.frame().locator('.phone-verified').waitFor();
      await app.waitUntil(async () => (await completeness()) > scoreBefore, 'a higher completeness');
    });
  });

  // ---- issue 10 item 4: a saved month survives its picker (begin) ----
  it('edits a saved work month: the picker opens on it and 确定 keeps it', async () => {
    const token = await seekerToken(USER);
    const added = await fetch(`${stack.mock.url}/resume/work-experiences`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        company: '杭州小前科技有限公司',
        title: '前端开发',
        startMonth: '2023-06',
        endMonth: null,
      }),
    });
    expect(added.status).toBeLessThan(300);
    await app.step('工作经历：已保存 2023.06', async () => {
      await app.pullDownRefresh();
      const entry = app.frame().locator('.entry', { hasText: '前端开发' });
      await entry.locator('.entry-period', { hasText: '2023.06' }).waitFor();
      await entry.click();
      await app.waitForRoute('subpackages/resume/pages/work/index');
      await app.frame().locator('.month-field', { hasText: '2023.06' }).waitFor();
    });
    await app.step('开始时间：选择器停在 2023年6月', async () => {
      await app.frame().locator('.month-field', { hasText: '2023.06' }).click();
      const popup = app.frame().locator('.ant-picker-popup .ant-popup-content');
      await app.animationsDone(popup);
      expect(await popup.innerText()).not.toContain('暂无数据');
      await app.waitUntil(
        async () => JSON.stringify(await wheelSelection()) === JSON.stringify(['2023年', '6月']),
        'the wheel on 2023年 6月',
      );
    });
    await app.step('确定：仍是 2023.06', async () => {
      await app.frame().locator('.ant-picker-header-confirm').click();
      await app.frame().locator('.month-field', { hasText: '2023.06' }).first().waitFor();
      await app.frame().getByText('保存', { exact: true }).click();
      await app.waitForRoute('subpackages/resume/pages/index/index');
      const resume = (await (
        await fetch(`${stack.mock.url}/resume`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { workExperiences: Array<{ title: string; startMonth: string }> };
      expect(resume.workExperiences.find((entry) => entry.title === '前端开发')?.startMonth).toBe('2023-06');
      await app.frame().locator('.entry-period', { hasText: '2023.06' }).waitFor();
    });
    expect(await app.simulatorErrors()).toEqual([]);
  });
  // ---- issue 10 item 4 (end) ----

  it('applies from the job detail', async () => {
    await app.back();
    await app.waitForRoute('pages/me/index');
    await app.step('收藏 → 职位详情', async () => {
      await app.frame().locator('.me-menu-item', { hasText: '我的收藏' }).click();
      await app.waitForRoute('subpackages/me/pages/favorites/index');
      await app.frame().locator('.job-card', { hasText: jobCompany }).first().click();
      await app.waitForRoute('subpackages/job/pages/detail/index');
      await app.frame().locator('.detail-title', { hasText: jobTitle }).waitFor();
      await app.frame().locator('.action-favorite-on').waitFor();
    });
    await app.step('投递页', async () => {
      await app.frame().locator('.action-apply', { hasText: '立即投递' }).click();
      await app.waitForRoute('subpackages/applications/pages/apply/index');
      await app.frame().locator('.resume-option-selected').waitFor();
      await app.frame().locator('textarea.greeting-input').fill(GREETING);
      await app
        .frame()
        .locator('.greeting-counter', { hasText: String(GREETING.length) })
        .waitFor();
    });
    await app.step('投递成功', async () => {
      await app.frame().locator('.submit-bar').getByText('确认投递').click();
      // Right after applying the app asks for progress notifications (my.requestSubscribeMessage): the sheet
      // names each template by its title, as Alipay's does, never by its id.
      const sheet = app.page.locator('.sim-sheet-title', { hasText: '订阅消息' });
      await sheet.getByText('投递进度通知', { exact: false }).waitFor();
      expect(await sheet.textContent()).not.toMatch(/[0-9a-f]{32}/);
      await app.shot('订阅消息授权');
      await app.page.locator('.sim-sheet-item', { hasText: '允许' }).click();
      await app.waitForRoute('subpackages/applications/pages/detail/index');
      // redirectTo replaced the apply page.
      expect(await app.pageStack()).not.toContain('subpackages/applications/pages/apply/index');
      await app.frame().locator('.status-text', { hasText: '已投递' }).waitFor();
      await app.frame().locator('.info-greeting-text', { hasText: GREETING }).waitFor();
    });
  });

  it('sees HR已查看 on the timeline once the employer autopilot views it', async () => {
    await app.step('HR已查看', async () => {
      const tick = await fetch(`${stack.mock.url}/__admin/autopilot/tick`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ minutes: 24 * 60 }),
      });
      expect(tick.ok).toBe(true);
      expect(((await tick.json()) as { changes: number }).changes).toBeGreaterThan(0);
      await app.page.locator('.sim-toast').waitFor({ state: 'detached' });
      // The seeker leaves the app and comes back: the detail reloads on onShow.
      await app.backgroundAndReturn();
      const viewed = app.frame().locator('.ant-steps-item', { hasText: 'HR已查看' });
      await viewed.locator('.timeline-time').waitFor();
      expect(await viewed.getAttribute('class')).toMatch(/ant-steps-item-(finish|active)/);
      expect(await app.frame().locator('.status-text').innerText()).not.toBe('已投递');
    });
  });

  it('met no simulator error on the way', async () => {
    expect(await app.simulatorErrors()).toEqual([]);
    expect(await app.frame().locator('sim-error').count()).toBe(0);
    const stats = await app.stats();
    expect(stats.totals.calls).toBeGreaterThan(0);
  });
});
