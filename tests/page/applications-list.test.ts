import type { ApplicationDetail } from '../../services/contracts/applications';
import type { Runtime } from '../../runtime/harness/runtime';
import { makeReadyToApply, setFaults, startMockServer } from '../support/mock-server';
import type { ApplicationDetailView, ApplicationRowView } from '../../view-models/application-view';
import {
  applyDirect,
  call,
  employerAct,
  launchSeeker,
  openJobs,
  storedApplications,
  type TestServer,
} from './applications-support';

interface ListData {
  tabIndex: number;
  emptyTitle: string;
  status: string;
  rows: ApplicationRowView[];
  hasMore: boolean;
  errorMessage: string;
}

interface DetailData {
  status: string;
  application: ApplicationDetailView | null;
  errorMessage: string;
}

const LIST = 'subpackages/applications/pages/list/index';
const DETAIL = 'subpackages/applications/pages/detail/index';

let server: TestServer;
let rt: Runtime;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 200, seed: 'application-list-tests' } });
});
afterAll(() => server.stop());
afterEach(async () => {
  await setFaults(server, { errorRate: 0 });
  rt?.dispose();
});

const statusQueries = () =>
  rt.fake.requests
    .map((r) => new URL(r.url))
    .filter((url) => url.pathname === '/applications')
    .map((url) => url.searchParams.get('status'));

/** A seeker with applications in four states: submitted, viewed, interview, rejected (newest first). */
async function seekerWithApplications(skip: number) {
  const seeker = await launchSeeker(server);
  rt = seeker.rt;
  await makeReadyToApply(server, seeker.token);
  const jobs = await openJobs(server, 4, skip);
  const applied: ApplicationDetail[] = [];
  for (const job of jobs) applied.push(await applyDirect(server, seeker.token, job.id));
  const [rejected, interview, viewed, submitted] = applied;
  await employerAct(server, viewed, 'view');
  await employerAct(server, interview, 'view');
  await employerAct(server, interview, 'invite', { note: '周三下午两点来公司面试' });
  await employerAct(server, rejected, 'reject', { reason: '岗位要求有相关工作经验' });
  return { ...seeker, submitted, viewed, interview, rejected };
}

describe('我的投递 list', () => {
  it('filters each tab by status, with an empty state per tab', async () => {
    const { submitted, viewed, interview, rejected } = await seekerWithApplications(0);
    const page = rt.mountPage<ListData>(LIST);
    await rt.flush();
    expect(page.data.tabIndex).toBe(0);
    expect(page.data.rows.map((r) => r.id)).toEqual([submitted.id, viewed.id, interview.id, rejected.id]);
    const [submittedRow, , , rejectedRow] = page.data.rows;
    expect(submittedRow).toMatchObject({
      jobTitle: submitted.job.title,
      companyName: submitted.job.company.name,
      statusText: '已投递',
      tone: 'waiting',
      dueText: '预计3天内反馈',
      dueWarn: false,
    });
    expect(submittedRow.salaryText).toMatch(/K|元/);
    expect(submittedRow.replyRateText).toMatch(/^HR回复率 \d+%$/);
    expect(rejectedRow).toMatchObject({ statusText: '不合适', dueText: '岗位要求有相关工作经验', dueWarn: true });

    const expected: Array<[number, string | null, string[]]> = [
      [1, 'submitted', [submitted.id]],
      [2, 'viewed', [viewed.id]],
      [3, 'interview', [interview.id]],
      [4, 'offer,hired', []],
      [5, 'rejected,closed', [rejected.id]],
    ];
    for (const [index, status, ids] of expected) {
      page.call('onTabChange', index);
      await rt.flush();
      expect(statusQueries().at(-1)).toBe(status);
      expect(page.data.status).toBe('ready');
      expect(page.data.rows.map((r) => r.id)).toEqual(ids);
    }
    expect(page.data.tabIndex).toBe(5);
    page.call('onTabChange', 4);
    await rt.flush();
    expect(page.data.emptyTitle).toBe('还没有录用通知');
    expect(page.data.rows).toEqual([]);

    // A link with ?status= opens that tab.
    const linked = rt.mountPage<ListData>(LIST, { status: 'interview' });
    await rt.flush();
    expect(linked.data.tabIndex).toBe(3);
    expect(linked.data.rows.map((r) => r.statusText)).toEqual(['面试']);
  });

  it('pages with infinite scroll, and keeps the rows when a refresh fails', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const jobs = await openJobs(server, 23, 10);
    for (const job of jobs) await applyDirect(server, seeker.token, job.id);
    const page = rt.mountPage<ListData>(LIST);
    expect(page.data.status).toBe('loading');
    await rt.flush();
    expect(page.data.rows).toHaveLength(20);
    expect(page.data.hasMore).toBe(true);
    page.reachBottom();
    await rt.flush();
    expect(page.data.rows).toHaveLength(23);
    expect(page.data.hasMore).toBe(false);

    await setFaults(server, { errorRate: 1 });
    page.pullDownRefresh();
    await rt.flush();
    expect(page.data.errorMessage).toBe('服务暂时不可用，请稍后重试');
    expect(page.data.rows).toHaveLength(23);
    expect(rt.fake.ui.some((u) => u.api === 'stopPullDownRefresh')).toBe(true);

    await setFaults(server, { errorRate: 0 });
    page.tap('onRetry');
    await rt.flush();
    expect(page.data.errorMessage).toBe('');
    expect(page.data.rows).toHaveLength(20);
  });

  it('says why the first page failed and loads it on retry', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await setFaults(server, { errorRate: 1 });
    const page = rt.mountPage<ListData>(LIST);
    await rt.flush();
    expect(page.data.status).toBe('error');
    expect(page.data.errorMessage).toBe('服务暂时不可用，请稍后重试');
    await setFaults(server, { errorRate: 0 });
    page.tap('onRetry');
    await rt.flush();
    expect(page.data.status).toBe('ready');
    expect(page.data.emptyTitle).toBe('还没有投递记录');
  });
});

describe('application detail', () => {
  it('withdraws only after the seeker confirms, and refreshes the list', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const [job] = await openJobs(server, 1, 40);
    const application = await applyDirect(server, seeker.token, job.id);
    const list = rt.mountPage<ListData>(LIST);
    await rt.flush();
    list.tap('onRowTap', { dataset: { id: application.id } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'navigateTo', url: `/${DETAIL}?id=${application.id}` });

    const detail = rt.mountPage<DetailData>(DETAIL, { id: application.id });
    await rt.flush();
    expect(detail.data.application).toMatchObject({
      statusText: '已投递',
      canWithdraw: true,
      resumeText: '在线简历',
      trustBadges: [],
    });
    expect(detail.data.application?.timeline).toMatchObject({ current: 0, ended: false });
    expect(detail.data.application?.timeline.steps.map((s) => s.title)).toEqual([
      '投递成功',
      'HR已查看',
      '邀请面试',
      '发放录用',
      '已入职',
    ]);
    expect(detail.data.application?.timeline.steps[0].timeText).toMatch(/^今天 \d{2}:\d{2}$/);

    const withdrawCalls = () => rt.fake.requests.filter((r) => r.url.endsWith('/withdraw')).length;
    rt.fake.answerConfirm(false);
    detail.tap('onWithdrawTap');
    await rt.flush();
    expect(rt.fake.ui.filter((u) => u.api === 'confirm')).toHaveLength(1);
    expect(withdrawCalls()).toBe(0);
    expect(detail.data.application?.statusText).toBe('已投递');

    rt.fake.answerConfirm(true);
    detail.tap('onWithdrawTap');
    await rt.flush();
    expect(withdrawCalls()).toBe(1);
    expect(detail.data.application).toMatchObject({
      statusText: '已撤回',
      canWithdraw: false,
      dueText: '你已撤回本次投递',
    });
    expect(detail.data.application?.timeline).toMatchObject({ current: 1, ended: true });
    expect(detail.data.application?.timeline.steps.map((s) => s.title)).toEqual(['投递成功', '已撤回']);
    expect(rt.fake.lastToast()).toMatchObject({ content: '已撤回投递', type: 'success' });
    expect(list.data.rows[0]).toMatchObject({ id: application.id, statusText: '已撤回' });
    expect((await storedApplications(server, seeker.token))[0].status).toBe('withdrawn');
  });

  it('shares the phone with the employer only after the seeker agrees', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const [job] = await openJobs(server, 1, 45);
    const application = await applyDirect(server, seeker.token, job.id);
    const employerPhone = async () => {
      const { body } = await call<{ applicantResume: { phone: string | null } }>(
        server,
        'GET',
        `/employer/applications/${application.id}`,
        { headers: { 'x-hr-id': application.job.hr.id } },
      );
      return body.applicantResume.phone;
    };
    const detail = rt.mountPage<DetailData>(DETAIL, { id: application.id });
    await rt.flush();
    expect(detail.data.application?.phoneShared).toBe(false);
    expect(await employerPhone()).toBe('139****5678');

    rt.fake.answerConfirm(false);
    detail.tap('onSharePhoneTap');
    await rt.flush();
    expect(await employerPhone()).toBe('139****5678');

    rt.fake.answerConfirm(true);
    detail.tap('onSharePhoneTap');
    await rt.flush();
    expect(detail.data.application?.phoneShared).toBe(true);
    expect(await employerPhone()).toBe('13912345678');
  });

  it("shows the server's message when withdrawing is no longer allowed", async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const [job] = await openJobs(server, 1, 41);
    const application = await applyDirect(server, seeker.token, job.id);
    const detail = rt.mountPage<DetailData>(DETAIL, { id: application.id });
    await rt.flush();
    // The employer decides while the page is open.
    await employerAct(server, application, 'reject', { reason: '该岗位已招满' });
    rt.fake.answerConfirm(true);
    detail.tap('onWithdrawTap');
    await rt.flush();
    expect(rt.fake.lastToast()).toMatchObject({ content: '投递当前为「不合适」状态，无法撤回', type: 'fail' });
    expect(detail.data.application).toMatchObject({
      statusText: '不合适',
      canWithdraw: false,
      dueText: '该岗位已招满',
    });
    expect(detail.data.application?.timeline.steps.at(-1)).toMatchObject({ title: '不合适', note: '该岗位已招满' });
  });

  it('shows what the employer did while the seeker was away when the page is shown again', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const [job] = await openJobs(server, 1, 42);
    const application = await applyDirect(server, seeker.token, job.id);
    const list = rt.mountPage<ListData>(LIST);
    await rt.flush();
    const detail = rt.mountPage<DetailData>(DETAIL, { id: application.id });
    await rt.flush();
    expect(detail.data.application?.timeline.steps.filter((s) => s.timeText)).toHaveLength(1);

    detail.hide();
    // Two simulated days: the employer views it (and maybe decides); an unanswered one closes at 72 h.
    let status = 'submitted';
    for (let tick = 0; tick < 2 && status === 'submitted'; tick++) {
      await call(server, 'POST', '/__admin/autopilot/tick', { body: { minutes: 60 * 48 } });
      status = (await storedApplications(server, seeker.token))[0].status;
    }
    expect(status).not.toBe('submitted');
    detail.show();
    await rt.flush();

    const server_ = await call<ApplicationDetail>(server, 'GET', `/applications/${application.id}`, {
      token: seeker.token,
    });
    const timeline = detail.data.application!.timeline;
    expect(timeline.steps.filter((s) => s.timeText).map((s) => s.title)).toHaveLength(server_.body.timeline.length);
    expect(timeline.current).toBe(server_.body.timeline.length - 1);
    expect(timeline.steps[timeline.current].timeText).not.toBe('');
    expect(detail.data.application?.statusText).not.toBe('已投递');

    // Back on the list, onShow brings the row up to date too.
    detail.unload();
    list.show();
    await rt.flush();
    expect(list.data.rows[0].statusText).toBe(detail.data.application?.statusText);
  });

  it('refreshes on pull-down, and a page that failed offline loads by itself when the network is back', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const [job] = await openJobs(server, 1, 43);
    const application = await applyDirect(server, seeker.token, job.id);

    rt.fake.setOffline(true);
    const detail = rt.mountPage<DetailData>(DETAIL, { id: application.id });
    await rt.flush();
    expect(detail.data.status).toBe('error');
    expect(detail.data.application).toBeNull();
    rt.fake.setOffline(false);
    await rt.flush();
    expect(detail.data.status).toBe('ready');
    expect(detail.data.application?.statusText).toBe('已投递');

    // The employer looks at it; pulling down shows it and ends the pull.
    await employerAct(server, application, 'view');
    detail.pullDownRefresh();
    await rt.flush();
    expect(detail.data.application?.statusText).toBe('被查看');
    expect(rt.fake.ui.at(-1)).toMatchObject({ api: 'stopPullDownRefresh' });
  });
});
