/**
 * Layout as the seeker sees it in the simulator (issue 10, items 12 and 14): the tab bar's icons, the
 * filter sheet's chips (only the chosen ones blue), every 我的投递 tab inside the screen, and a long 工作内容
 * shown whole while editing. Screenshots: artifacts/e2e/layout/.
 */
import type { Locator } from 'playwright-core';
import { makeReadyToApply } from '../support/mock-server';
import { SimApp, startStack, type Stack } from './support/stack';

const USER = 'e2e-layout';
const LONG_DESCRIPTION = Array.from(
  { length: 12 },
  (_v, i) => `${i + 1}. 负责门店日常运营与排班，带领团队完成月度销售目标，处理顾客投诉并跟进回访。`,
).join('\n');

let stack: Stack;
let app: SimApp;
let token = '';

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.mock.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  stack = await startStack();
  app = await SimApp.open(stack, 'layout', { authUser: USER });
  await app.waitForRoute('pages/jobs/index');
  const login = await fetch(`${stack.mock.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authCode: `u_${USER}.layout${Date.now().toString(36)}` }),
  });
  token = ((await login.json()) as { accessToken: string }).accessToken;
});

afterAll(async () => {
  await app?.close();
  await stack?.stop();
});

/** The computed text color of an element in the top page. */
function colorOf(locator: Locator): Promise<string> {
  return locator.evaluate(
    (el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color,
  );
}

describe('layout', () => {
  it('draws an icon on every tab, the active one in its own picture', async () => {
    await app.step('底部标签栏图标', async () => {
      const images = app.page.locator('.sim-tab img.sim-tab-image');
      await app.waitUntil(async () => (await images.count()) === 3, 'three tab icons');
      for (let i = 0; i < 3; i++) {
        const loaded = await images.nth(i).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
        expect(loaded).toBe(60);
      }
      const sources = await images.evaluateAll((imgs) => imgs.map((img) => (img as unknown as { src: string }).src));
      expect(sources[0]).toMatch(/jobs-active\.png$/);
      expect(sources[1]).toMatch(/messages\.png$/);
    });
  });

  it('shows chosen filter chips blue and the others not', async () => {
    await app.step('筛选：只有选中的是蓝色', async () => {
      await app.frame().locator('.jobs-filter-button').click();
      await app.animationsDone(app.frame().locator('.ant-popup-content'));
      const sheet = app.frame().locator('.sheet-body');
      const chips = sheet.locator('.ant-selector-item');
      await chips.first().click();
      await app.waitUntil(async () => (await sheet.locator('.ant-selector-item-active').count()) === 1, 'one chosen');
      const chosen = await colorOf(sheet.locator('.ant-selector-item-active .ant-selector-item-text').first());
      const other = await colorOf(
        sheet.locator('.ant-selector-item:not(.ant-selector-item-active) .ant-selector-item-text').first(),
      );
      expect(chosen).toBe('rgb(22, 119, 255)');
      expect(other).not.toBe(chosen);
    });
    await app.frame().locator('.ant-popup-content-header-icon-close').click();
  });

  it('fits every 我的投递 tab on the screen, 不合适 included', async () => {
    await app.step('我的投递：标签都在屏幕内', async () => {
      await app.tab('我的');
      await app.waitForRoute('pages/me/index');
      await app.frame().locator('.me-menu-item', { hasText: '我的投递' }).click();
      await app.waitForRoute('subpackages/applications/pages/list/index');
      const last = app.frame().locator('.ant-tabs-bar-item', { hasText: '不合适' });
      await last.waitFor();
      const width = await app
        .frame()
        .locator('page')
        .evaluate((page) => (page as unknown as { clientWidth: number }).clientWidth);
      const box = await last.evaluate((el) => {
        const rect = (
          el as unknown as { getBoundingClientRect(): { left: number; right: number } }
        ).getBoundingClientRect();
        return { left: rect.left, right: rect.right };
      });
      expect(box.right).toBeLessThanOrEqual(width);
    });
    await app.back();
    await app.waitForRoute('pages/me/index');
  });

  it('shows a long 工作内容 whole while editing it', async () => {
    const resume = await api<{ workExperiences: Array<{ id: string }> }>('POST', '/resume/work-experiences', {
      company: '杭州某某餐饮有限公司',
      title: '店长',
      startMonth: '2021-03',
      endMonth: null,
      description: LONG_DESCRIPTION,
    });
    const id = resume.workExperiences[0].id;
    await app.step('工作内容：长文本完整显示', async () => {
      await app.tab('我的');
      await app.waitForRoute('pages/me/index');
      await app.frame().locator('.me-menu-item', { hasText: '我的简历' }).click();
      await app.waitForRoute('subpackages/resume/pages/index/index');
      await app.frame().locator(`.entry[data-id="${id}"], .entry`, { hasText: '店长' }).first().click();
      await app.waitForRoute('subpackages/resume/pages/work/index');
      const box = app.frame().locator('.ant-form-item', { hasText: '工作内容' }).locator('textarea');
      await app.waitUntil(async () => (await box.inputValue()) === LONG_DESCRIPTION, 'the saved description');
      const { scrollHeight, clientHeight } = await box.evaluate((el) => ({
        scrollHeight: (el as unknown as { scrollHeight: number }).scrollHeight,
        clientHeight: (el as unknown as { clientHeight: number }).clientHeight,
      }));
      expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
    });
    expect(await app.simulatorErrors()).toEqual([]);
  });

  it('shows the resume completeness once, not again beside its bar', async () => {
    // From the work page the previous test left open, and back to it for the next.
    await app.back();
    await app.waitForRoute('subpackages/resume/pages/index/index');
    await app.step('完成度：只显示一次', async () => {
      const card = app.frame().locator('.completeness');
      await card.locator('.ant-progress').waitFor();
      const percents = (await card.innerText()).match(/\d+%/g) ?? [];
      expect(percents).toHaveLength(1);
    });
    await app.frame().locator('.entry', { hasText: '店长' }).first().click();
    await app.waitForRoute('subpackages/resume/pages/work/index');
  });

  it('lines up the values of a resume form in one column, picked months as typed names', async () => {
    await app.step('工作经历：取值左对齐', async () => {
      const item = (label: string) => app.frame().locator('.ant-form-item', { hasText: label });
      const typed = await item('公司名称').locator('input').boundingBox();
      const picked = await item('开始时间').locator('.ant-picker-value-text').boundingBox();
      if (!typed || !picked) throw new Error('no company box or start month');
      expect(Math.abs(picked.x - typed.x)).toBeLessThanOrEqual(4);
      const size = (locator: Locator) =>
        locator.evaluate(
          (el) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el)
              .fontSize,
        );
      expect(await size(item('开始时间').locator('.ant-picker-value-text'))).toBe(
        await size(item('公司名称').locator('input')),
      );
    });
  });

  it('groups the 75 categories by industry, with a search, each name on one line', async () => {
    await app.back();
    await app.waitForRoute('subpackages/resume/pages/index/index');
    await app.step('求职期望：按行业分组', async () => {
      await app.frame().locator('.card-head', { hasText: '求职期望' }).click();
      await app.waitForRoute('subpackages/resume/pages/expectations/index');
      await app.frame().locator('.category-industry', { hasText: '互联网/IT' }).click();
      const chip = app.frame().locator('.category-choices .category-chip', { hasText: '前端开发工程师' });
      await chip.waitFor();
      // One line: as tall as a one-word chip of the same list.
      const heights = await app
        .frame()
        .locator('.category-choices .category-chip')
        .evaluateAll((chips) => chips.map((c) => (c as unknown as { offsetHeight: number }).offsetHeight));
      expect(new Set(heights).size).toBe(1);
      expect(await app.frame().locator('.category-choices .category-chip').count()).toBeLessThan(20);
    });
    await app.step('求职期望：搜索 司机', async () => {
      await app.frame().locator('.category-search-input').fill('司机');
      const found = app.frame().locator('.category-choices .category-chip');
      await app.waitUntil(
        async () => (await found.count()) > 0 && (await found.allInnerTexts()).every((t) => t.includes('司机')),
        'only 司机 categories',
      );
      await found.first().click();
      await app.frame().locator('.category-chosen .category-chip', { hasText: '司机' }).waitFor();
    });
    expect(await app.simulatorErrors()).toEqual([]);
  });
  it("fits 已投递 · 查看进度 inside the job detail's apply button", async () => {
    await makeReadyToApply(stack.mock, token);
    const { items } = await api<{ items: Array<{ id: string }> }>('GET', '/jobs?limit=1');
    const jobId = items[0].id;
    const response = await fetch(`${stack.mock.url}/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': 'layout-apply-1',
      },
      body: JSON.stringify({ jobId }),
    });
    expect(response.status).toBe(201);
    const detail = await SimApp.open(stack, 'layout-detail', {
      authUser: USER,
      launch: `subpackages/job/pages/detail/index?id=${jobId}`,
    });
    try {
      await detail.step('职位详情：已投递 · 查看进度 在按钮内', async () => {
        const button = detail.frame().locator('.action-apply', { hasText: '查看进度' });
        await button.waitFor();
        const size = await button.evaluate((el) => {
          const box = el as unknown as {
            scrollWidth: number;
            clientWidth: number;
            scrollHeight: number;
            clientHeight: number;
          };
          return {
            scrollWidth: box.scrollWidth,
            clientWidth: box.clientWidth,
            scrollHeight: box.scrollHeight,
            clientHeight: box.clientHeight,
          };
        });
        expect(size.scrollHeight).toBeLessThanOrEqual(size.clientHeight);
        expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
      });
    } finally {
      await detail.close();
    }
  });
});

describe('a stale link', () => {
  it('to a conversation that does not exist says so, with no 常用语 or input under it', async () => {
    const chat = await SimApp.open(stack, 'missing-conversation', {
      authUser: USER,
      launch: 'subpackages/chat/pages/conversation/index?id=999999',
    });
    try {
      await chat.step('会话不存在：没有输入框和常用语', async () => {
        await chat.frame().getByText('会话不存在', { exact: true }).waitFor();
        await chat.frame().getByText('查看全部消息').waitFor();
        expect(await chat.frame().locator('.chat-input').count()).toBe(0);
        expect(await chat.frame().locator('.chat-quick-toggle').count()).toBe(0);
        expect(await chat.frame().getByText('重新加载').count()).toBe(0);
      });
    } finally {
      await chat.close();
    }
  });
});

describe('typing fast', () => {
  it('keeps every character typed fast into the search box', async () => {
    const search = await SimApp.open(stack, 'typing-search', {
      authUser: USER,
      launch: 'subpackages/job/pages/search/index',
    });
    try {
      await search.step('搜索页：快速输入不丢字', async () => {
        const input = search.frame().locator('.search-bar input');
        await input.waitFor();
        const typed = 'qianduankaifagongchengshi';
        await input.pressSequentially(typed, { delay: 0 });
        // The suggestions come after a pause in typing: any echo of an older value has landed by then.
        await search.frame().locator('.suggestion').first().waitFor();
        expect(await input.inputValue()).toBe(typed);
      });
      await search.step('搜索页：✕ 清空输入框', async () => {
        await search.frame().locator('.search-clear').click();
        await search.frame().locator('.search-clear').waitFor({ state: 'detached' });
        await search.waitUntil(
          async () => (await search.frame().locator('.search-bar input').inputValue()) === '',
          'an empty box',
        );
      });
    } finally {
      await search.close();
    }
  });
});
