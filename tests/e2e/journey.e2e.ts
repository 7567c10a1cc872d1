/**
 * The seeker's journey through the built app in the simulator, one step per test (they run in order and
 * share the page). Every step leaves a screenshot in artifacts/e2e/journey/.
 *
 * Steps for search filters, favorites, resume and apply come here as those pages land: add an `it` in
 * order, using `app.frame()` for the page and `app.step(name, …)` for the screenshot.
 */
import { mockProfile, SimApp, startStack, type Stack } from './support/stack';

const USER = 'e2e-journey';

let stack: Stack;
let app: SimApp;
let firstJobTitle = '';

beforeAll(async () => {
  stack = await startStack();
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
      await app.waitForRoute('packages/job/pages/detail/index');
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

  it('met no simulator error on the way', async () => {
    expect(await app.simulatorErrors()).toEqual([]);
    expect(await app.frame().locator('sim-error').count()).toBe(0);
    const stats = await app.stats();
    expect(stats.totals.calls).toBeGreaterThan(0);
  });
});
