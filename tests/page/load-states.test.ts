/**
 * What a page shows when there is nothing to show: a job or an application that does not exist (a stale
 * link, a job taken down) says so and offers a way on, instead of a 重新加载 that can never help; a network
 * failure offers 重新加载 and loads by itself once the network is back; an empty list offers 去看看职位.
 */
import { startMockServer } from '../support/mock-server';
import type { Runtime } from '../../runtime/harness/runtime';
import { launchSeeker, openJobs } from './applications-support';

interface StateData {
  status?: string;
  jobStatus?: string;
  errorMessage?: string;
  jobError?: string;
}

const JOB = 'subpackages/job/pages/detail/index';
const APPLY = 'subpackages/applications/pages/apply/index';
const APPLICATION = 'subpackages/applications/pages/detail/index';
const LIST = 'subpackages/applications/pages/list/index';

let server: Awaited<ReturnType<typeof startMockServer>>;
let rt: Runtime;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 20, seed: 'not-found-tests' } });
});
afterAll(() => server.stop());
afterEach(() => rt.dispose());

async function open(route: string, query: Record<string, string>) {
  const page = rt.mountPage<StateData>(route, query);
  await rt.flush();
  return page;
}

describe('a job that does not exist', () => {
  it('shows 职位不存在或已下线 on the detail page, and 看看其他职位 goes to the 职位 tab', async () => {
    ({ rt } = await launchSeeker(server));
    const page = await open(JOB, { id: 'job_does_not_exist' });
    expect(page.data.status).toBe('missing');
    await page.tap('onOtherJobs');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'switchTab', url: '/pages/jobs/index' });
  });

  it('offline, the detail page offers 重新加载 instead, and loads the job by itself once back online', async () => {
    ({ rt } = await launchSeeker(server));
    const [job] = await openJobs(server, 1);
    rt.fake.setOffline(true);
    const page = await open(JOB, { id: job.id });
    expect(page.data.status).toBe('error');
    expect(page.data.errorMessage).not.toBe('');
    rt.fake.setOffline(false);
    await rt.flush();
    expect(page.data.status).toBe('ready');
  });

  it('shows 职位不存在或已下线 on the apply page, with the way to other jobs', async () => {
    ({ rt } = await launchSeeker(server));
    const page = await open(APPLY, { jobId: 'job_does_not_exist' });
    expect(page.data.jobStatus).toBe('missing');
    await page.tap('onOtherJobs');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'switchTab', url: '/pages/jobs/index' });
  });

  it('offline, the apply page offers 重新加载', async () => {
    ({ rt } = await launchSeeker(server));
    const [job] = await openJobs(server, 1, 1);
    rt.fake.setOffline(true);
    const page = await open(APPLY, { jobId: job.id });
    expect(page.data.jobStatus).toBe('error');
  });
});

describe('empty lists', () => {
  it.each([
    ['subpackages/me/pages/favorites/index'],
    ['subpackages/me/pages/recent/index'],
    ['subpackages/applications/pages/list/index'],
    ['pages/messages/index'],
  ])('%s offers 去看看职位, which opens the 职位 tab', async (route) => {
    ({ rt } = await launchSeeker(server));
    const page = await open(route, {});
    expect(page.data).toMatchObject({ browseJobsButton: { list: [{ text: '去看看职位' }] } });
    await page.tap('onBrowseJobs');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'switchTab', url: '/pages/jobs/index' });
  });

  it('我的收藏 that failed offline loads by itself once back online', async () => {
    ({ rt } = await launchSeeker(server));
    rt.fake.setOffline(true);
    const page = await open('subpackages/me/pages/favorites/index', {});
    page.show();
    await rt.flush();
    expect(page.data.status).toBe('error');
    rt.fake.setOffline(false);
    await rt.flush();
    expect(page.data.status).toBe('ready');
  });
});

describe('an application that does not exist', () => {
  it('shows 投递记录不存在, and 查看我的投递 opens the list in its place', async () => {
    ({ rt } = await launchSeeker(server));
    const page = await open(APPLICATION, { id: 'app_does_not_exist' });
    expect(page.data.status).toBe('missing');
    await page.tap('onOpenList');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'redirectTo', url: `/${LIST}` });
  });

  it('offline, shows 加载失败 with 重新加载', async () => {
    ({ rt } = await launchSeeker(server));
    rt.fake.setOffline(true);
    const page = await open(APPLICATION, { id: 'app_does_not_exist' });
    expect(page.data.status).toBe('error');
  });
});
