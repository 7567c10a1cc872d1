import { startMockServer, setFaults } from '../support/mock-server';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';
import type { JobCardView } from '../../view-models/job-view';

interface JobsData {
  status: string;
  jobs: JobCardView[];
  hasMore: boolean;
  errorMessage: string;
  loadMoreError: string;
}

let server: Awaited<ReturnType<typeof startMockServer>>;
let rt: Runtime;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.stop());

beforeEach(() => {
  jest.resetModules();
  rt = createRuntime({ globals: { __API_BASE_URL__: server.url } });
});
afterEach(async () => {
  await setFaults(server, { errorRate: 0, latencyMs: 0 });
  rt.dispose();
});

async function openJobsTab() {
  const page = rt.mountPage<JobsData>('pages/jobs/index');
  await page.flush();
  return page;
}

describe('jobs tab', () => {
  it('shows the skeleton, then the first page of real jobs from the mock', async () => {
    const page = rt.mountPage<JobsData>('pages/jobs/index');
    expect(page.setDataCalls[0].payload).toEqual({ status: 'loading' });
    await page.flush();
    expect(page.data.status).toBe('ready');
    expect(page.data.jobs).toHaveLength(20);
    expect(page.data.hasMore).toBe(true);
    const card = page.data.jobs[0];
    expect(card.title).toEqual(expect.any(String));
    expect(card.salaryText).toMatch(/K|元\/天|元\/时/);
    expect(card.locationText).toContain(' · ');
    expect(card.hrText).toMatch(/活跃/);
  });

  it('appends the next page with one $spliceData transfer, and stops at the end', async () => {
    const page = await openJobsTab();
    const firstPage = page.data.jobs.map((j) => j.id);
    page.clearSetDataCalls();
    page.reachBottom();
    await page.flush();
    // One transfer: the 20 new cards appended, nothing else resent.
    expect(page.setDataCalls).toHaveLength(1);
    const append = page.setDataCalls[0];
    expect(append.kind).toBe('$spliceData');
    const [start, deleteCount, ...items] = (append.payload as { jobs: unknown[] }).jobs;
    expect([start, deleteCount, items.length]).toEqual([20, 0, 20]);
    expect(page.data.jobs.slice(0, 20).map((j) => j.id)).toEqual(firstPage);
    const ids = new Set(page.data.jobs.map((j) => j.id));
    expect(ids.size).toBe(40);

    for (let i = 0; i < 6; i++) {
      page.reachBottom();
      await page.flush();
    }
    expect(page.data.jobs).toHaveLength(120);
    expect(page.data.hasMore).toBe(false);
  });

  it('sends nothing for the list when a refresh brings the same jobs', async () => {
    const page = await openJobsTab();
    page.clearSetDataCalls();
    await page.pullDownRefresh();
    await page.flush();
    expect(page.setDataCalls.every((c) => !('jobs' in (c.payload as object)))).toBe(true);
    expect(rt.fake.ui.some((entry) => entry.api === 'stopPullDownRefresh')).toBe(true);
  });

  it('shows an error with retry when the first page fails, then recovers', async () => {
    await setFaults(server, { errorRate: 1 });
    const page = await openJobsTab();
    expect(page.data.status).toBe('error');
    expect(page.data.jobs).toEqual([]);
    expect(page.data.errorMessage).toBeTruthy();
    // Three tries: the first and two retries with backoff.
    expect(rt.fake.requests.filter((r) => r.url.includes('/jobs')).length).toBe(3);

    await setFaults(server, { errorRate: 0 });
    page.fire('onRetry', { detail: { text: '重新加载' } });
    await page.flush();
    expect(page.data.status).toBe('ready');
    expect(page.data.jobs).toHaveLength(20);
  });

  it('keeps what was shown when the next page fails, and retries on tap', async () => {
    const page = await openJobsTab();
    rt.fake.setOffline(true);
    page.reachBottom();
    await page.flush();
    expect(page.data.jobs).toHaveLength(20);
    expect(page.data.loadMoreError).toBe('网络不给力，请检查网络后重试');

    rt.fake.setOffline(false);
    page.tap('onLoadMore');
    await page.flush();
    expect(page.data.loadMoreError).toBe('');
    expect(page.data.jobs).toHaveLength(40);
  });

  it('opens the job detail in its subpackage when a card is tapped', async () => {
    const page = await openJobsTab();
    const jobId = page.data.jobs[3].id;
    page.call('onJobTap', jobId);
    await page.flush();
    expect(rt.fake.navigation.at(-1)).toMatchObject({
      api: 'navigateTo',
      url: `/subpackages/job/pages/detail/index?id=${encodeURIComponent(jobId)}`,
    });
  });
});
