/**
 * What a page shows when there is nothing to show: a job or an application that does not exist (a stale
 * link, a job taken down) says so and offers a way on, instead of a 重新加载 that can never help; a network
 * failure offers 重新加载 and loads by itself once the network is back; an empty list offers 去看看职位. The
 * same holds for interviews, the video room, a recorded interview, the onboarding pages and a conversation.
 */
import { startMockServer } from '../support/mock-server';
import type { Runtime } from '../../runtime/harness/runtime';
import { launchSeeker, openJobs } from './applications-support';

interface StateData {
  status?: string;
  stage?: string;
  step?: string;
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

/** `clock`: the page keeps a timer running (the recorded interview's countdown clock). */
async function open(route: string, query: Record<string, string>, clock = false) {
  const page = rt.mountPage<StateData>(route, query);
  await rt.flush({ waitForTimers: !clock });
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

const INTERVIEWS = 'subpackages/interviews/pages/list/index';

describe('an interview that does not exist', () => {
  it('shows 面试不存在 on the detail page, and 查看我的面试 opens the list in its place', async () => {
    ({ rt } = await launchSeeker(server));
    const page = await open('subpackages/interviews/pages/detail/index', { id: 'iv_does_not_exist' });
    expect(page.data).toMatchObject({ status: 'missing', errorMessage: '这场面试不存在，或已被取消' });
    await page.tap('onOpenList');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'redirectTo', url: `/${INTERVIEWS}` });
  });

  it('offline, the detail page offers 重新加载', async () => {
    ({ rt } = await launchSeeker(server));
    rt.fake.setOffline(true);
    const page = await open('subpackages/interviews/pages/detail/index', { id: 'iv_does_not_exist' });
    expect(page.data.status).toBe('error');
  });

  it('shows 面试不存在 in the video room, with the way to 我的面试', async () => {
    ({ rt } = await launchSeeker(server));
    const page = await open('subpackages/interviews/pages/room/index', { id: 'iv_does_not_exist' });
    expect(page.data.stage).toBe('missing');
    await page.tap('onOpenList');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'redirectTo', url: `/${INTERVIEWS}` });
  });

  it('offline, the video room says it cannot be entered now', async () => {
    ({ rt } = await launchSeeker(server));
    rt.fake.setOffline(true);
    const page = await open('subpackages/interviews/pages/room/index', { id: 'iv_does_not_exist' });
    expect(page.data.stage).toBe('refused');
  });

  it('shows 录制面试不存在 for a recorded interview, with the way to 我的投递', async () => {
    ({ rt } = await launchSeeker(server));
    const page = await open('subpackages/recorded-interview/pages/answer/index', { id: 'rec_does_not_exist' }, true);
    expect(page.data.step).toBe('missing');
    await page.tap('onOpenList');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'redirectTo', url: `/${LIST}` });
  });
});

describe('onboarding pages of an application that does not exist', () => {
  it.each(['offer', 'sign', 'checklist', 'first-day', 'shifts'])(
    '%s shows 投递记录不存在, and 查看我的投递 opens the list in its place',
    async (name) => {
      ({ rt } = await launchSeeker(server));
      const page = await open(`subpackages/onboarding/pages/${name}/index`, { applicationId: 'app_does_not_exist' });
      expect(page.data.status).toBe('missing');
      await page.tap('onOpenApplications');
      expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'redirectTo', url: `/${LIST}` });
    },
  );

  it('offline, the offer page offers 重新加载', async () => {
    ({ rt } = await launchSeeker(server));
    rt.fake.setOffline(true);
    const page = await open('subpackages/onboarding/pages/offer/index', { applicationId: 'app_does_not_exist' });
    expect(page.data.status).toBe('error');
  });
});

describe('a conversation that does not exist', () => {
  it('shows 会话不存在, and 查看全部消息 opens the 消息 tab', async () => {
    ({ rt } = await launchSeeker(server));
    const page = await open('subpackages/chat/pages/conversation/index', { id: '999999' });
    expect(page.data.status).toBe('missing');
    await page.tap('onOpenMessages');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'switchTab', url: '/pages/messages/index' });
  });

  it('offline, shows 会话加载失败 with 重新加载', async () => {
    ({ rt } = await launchSeeker(server));
    rt.fake.setOffline(true);
    const page = await open('subpackages/chat/pages/conversation/index', { id: '999999' });
    expect(page.data.status).toBe('error');
  });
});
