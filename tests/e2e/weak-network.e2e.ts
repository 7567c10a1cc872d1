/**
 * Weak network (Alipay's review rejects a page that goes white when a request fails, /mini/ide/01d4i2):
 * with the mock failing every request, each page shows an error state with a way to retry; going offline in
 * the simulator's panel fails requests with error 12, and a page that failed loads by itself once back online.
 * Screenshots: artifacts/e2e/weak-network/ and artifacts/e2e/offline/.
 */
import { setFaults, SimApp, startStack, type Stack } from './support/stack';

/** What the user taps to try again: a button, or the list's "…，点此重试" banner (not a message that mentions 重试). */
const RETRY = /^\s*(重新加载|重新登录|重试)\s*$|点此重试/;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

/** A visible retry affordance on the top page (a button or a "点此重试" banner). */
async function expectRetry(app: SimApp): Promise<void> {
  await app.frame().getByText(RETRY).first().waitFor({ timeout: 20_000 });
  await app.expectNotBlank();
}

describe('a slow network (3 s a request)', () => {
  it('shows antd-mini skeletons while the first page loads, then the list', async () => {
    await setFaults(stack.mock, { latencyMs: 3000 });
    const app = await SimApp.open(stack, 'slow-network', { authUser: 'e2e-slow' });
    try {
      await app.step('职位：骨架屏', async () => {
        await app.waitForRoute('pages/jobs/index');
        const skeleton = app.frame().locator('.ant-skeleton').first();
        await skeleton.waitFor({ timeout: 10_000 });
        expect(await app.frame().locator('.ant-skeleton-paragraph-row').count()).toBeGreaterThan(1);
        const box = await skeleton.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThan(20);
      });
      await setFaults(stack.mock, { latencyMs: 0 });
      await app.step('职位：加载完成', async () => {
        await app.frame().locator('.job-card').first().waitFor({ timeout: 20_000 });
      });
    } finally {
      await setFaults(stack.mock, { latencyMs: 0 });
      await app.close();
    }
  });
});

describe('every request failing (mock error rate 1)', () => {
  let app: SimApp;
  let jobId = '';

  beforeAll(async () => {
    const jobs = (await (await fetch(`${stack.mock.url}/jobs?limit=1`)).json()) as { items: Array<{ id: string }> };
    jobId = jobs.items[0].id;
    await setFaults(stack.mock, { errorRate: 1 });
    app = await SimApp.open(stack, 'weak-network', { authUser: 'e2e-weak' });
  });

  afterAll(async () => {
    await setFaults(stack.mock, { errorRate: 0 });
    await app?.close();
  });

  it('职位 shows an error state with retry', async () => {
    await app.step('职位：加载失败', async () => {
      await app.waitForRoute('pages/jobs/index');
      await expectRetry(app);
    });
  });

  it('消息 shows an error state with retry', async () => {
    await app.step('消息：加载失败', async () => {
      await app.tab('消息');
      await app.waitForRoute('pages/messages/index');
      await expectRetry(app);
    });
  });

  it('我的 shows the failed sign-in with retry', async () => {
    await app.step('我的：登录失败', async () => {
      await app.tab('我的');
      await app.waitForRoute('pages/me/index');
      await expectRetry(app);
    });
  });

  it('a job detail opened by link shows an error state with retry', async () => {
    const detail = await SimApp.open(stack, 'weak-network-detail', {
      launch: `subpackages/job/pages/detail/index?id=${jobId}`,
    });
    try {
      await detail.step('职位详情：加载失败', async () => {
        await detail.waitForRoute('subpackages/job/pages/detail/index');
        await expectRetry(detail);
      });
    } finally {
      await detail.close();
    }
  });

  it('retry works once the backend recovers', async () => {
    await app.step('职位：恢复后重试成功', async () => {
      await setFaults(stack.mock, { errorRate: 0 });
      await app.tab('职位');
      await app.waitForRoute('pages/jobs/index');
      await app.frame().getByText(RETRY).first().click();
      await app.frame().locator('.job-card').first().waitFor({ timeout: 20_000 });
    });
  });

  it('never showed a simulator error', async () => {
    expect(await app.simulatorErrors()).toEqual([]);
  });
});

describe('offline and back', () => {
  let app: SimApp;

  beforeAll(async () => {
    app = await SimApp.open(stack, 'offline', { authUser: 'e2e-offline' });
    await app.waitForRoute('pages/jobs/index');
    await app.frame().locator('.job-card').first().waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows an error with retry for a page opened while offline', async () => {
    await app.step('离线：打开职位详情失败', async () => {
      await app.setOffline(true);
      expect(await app.page.locator('.sim-offline-badge').isVisible()).toBe(true);
      await app.frame().locator('.job-card').nth(1).click();
      await app.waitForRoute('subpackages/job/pages/detail/index');
      await expectRetry(app);
    });
  });

  it('loads the page by itself once back online', async () => {
    await app.step('恢复网络：自动重新加载', async () => {
      await app.setOffline(false);
      await app.frame().getByText('职位描述').first().waitFor({ timeout: 20_000 });
      expect(await app.frame().getByText(RETRY).count()).toBe(0);
    });
  });

  it('pull-down refresh while offline keeps the list and says what failed', async () => {
    await app.step('离线：下拉刷新', async () => {
      await app.back();
      await app.waitForRoute('pages/jobs/index');
      await app.setOffline(true);
      await app.pullDownRefresh();
      await app.frame().getByText(RETRY).first().waitFor({ timeout: 20_000 });
      expect(await app.frame().locator('.job-card').count()).toBeGreaterThan(0);
    });
    await app.setOffline(false);
  });
});
