import { SUBSCRIPTION_TEMPLATES, type SubscriptionConsentList } from '../../services/contracts/subscriptions';
import type { Runtime } from '../../runtime/harness/runtime';
import { makeReadyToApply, setFaults, startMockServer } from '../support/mock-server';
import type { ApplicationDetailView, JobApplyBarView, ResumeOptionView } from '../../view-models/application-view';
import {
  answerSubscribe,
  applyDirect,
  call,
  launchSeeker,
  openJobs,
  storedApplications,
  type TestServer,
} from './applications-support';

interface ApplyData {
  job: { id: string; title: string } | null;
  resumeOptions: ResumeOptionView[];
  greeting: string;
  greetingCounter: string;
  sending: boolean;
  applied: boolean;
  errorMessage: string;
  needsResume: boolean;
}

const APPLY = 'subpackages/applications/pages/apply/index';
const DETAIL = 'subpackages/applications/pages/detail/index';
const ALL_TEMPLATES = [
  SUBSCRIPTION_TEMPLATES.applicationStatus.id,
  SUBSCRIPTION_TEMPLATES.interviewInvite.id,
  SUBSCRIPTION_TEMPLATES.offer.id,
];

let server: TestServer;
let rt: Runtime;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 200, seed: 'apply-page-tests' } });
});
afterAll(() => server.stop());
afterEach(async () => {
  await setFaults(server, { errorRate: 0 });
  rt?.dispose();
});

const applicationPosts = () =>
  rt.fake.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/applications');
const idempotencyKeyOf = (request: { headers: Record<string, string> }) => request.headers['idempotency-key'];

describe('apply page', () => {
  it('shows why a job the company closed takes no application, and stays on the job', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    const [job] = await openJobs(server, 1, 3);
    server.db.prepare("UPDATE jobs SET status = 'closed' WHERE id = ?").run(Number(job.id));
    rt.mountOnNavigate = true;

    const jobPage = rt.mountPage<{ applyBar: JobApplyBarView }>('subpackages/job/pages/detail/index', { id: job.id });
    await rt.flush();
    expect(jobPage.data.applyBar).toEqual({
      applicationId: '',
      text: '已关闭',
      closedMessage: '该职位已关闭，不再接受投递',
      banner: '该职位已关闭，不再接受投递',
    });
    const navigations = rt.fake.navigation.length;
    jobPage.tap('onApplyTap');
    await rt.flush();
    expect(rt.fake.lastToast()).toMatchObject({ content: '该职位已关闭，不再接受投递' });
    expect(rt.fake.navigation).toHaveLength(navigations);
  });

  it('applies once from job detail despite a double tap, records the consents and opens the application', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const [job] = await openJobs(server, 1, 0);
    const subscribeCalls = answerSubscribe(rt, true);
    rt.mountOnNavigate = true;

    const jobPage = rt.mountPage<{ applyBar: JobApplyBarView }>('subpackages/job/pages/detail/index', { id: job.id });
    await rt.flush();
    expect(jobPage.data.applyBar).toEqual({ applicationId: '', text: '立即投递', closedMessage: '', banner: '' });
    jobPage.tap('onApplyTap');
    await rt.flush();
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'navigateTo', url: `/${APPLY}?jobId=${job.id}` });

    const apply = rt.currentPage<ApplyData>()!;
    expect(apply.route).toBe(APPLY);
    expect(apply.data.job).toMatchObject({ id: job.id, title: job.title });
    expect(apply.data.greeting).toContain(job.title);
    expect(apply.data.greetingCounter).toBe(`${apply.data.greeting.length}/200`);
    expect(apply.data.resumeOptions[0]).toMatchObject({ value: 'online', title: '在线简历', selected: true });

    apply.tap('onSubmit');
    apply.tap('onSubmit');
    expect(apply.data.sending).toBe(true);
    await rt.flush();

    const stored = await storedApplications(server, seeker.token);
    expect(stored).toHaveLength(1);
    expect(stored[0].job.id).toBe(job.id);
    // The second tap came while sending: ignored, so one request with one key.
    expect(applicationPosts()).toHaveLength(1);
    expect(idempotencyKeyOf(applicationPosts()[0])).toMatch(/^[0-9a-f]{32}$/);

    // Consent asked once, with every status template (three: one call), and recorded for this application.
    expect(subscribeCalls).toEqual([ALL_TEMPLATES]);
    const consents = await call<SubscriptionConsentList>(server, 'GET', '/subscriptions', { token: seeker.token });
    expect(consents.body.items.map((c) => c.templateId).sort()).toEqual([...ALL_TEMPLATES].sort());
    expect(consents.body.items.every((c) => c.applicationId === stored[0].id)).toBe(true);

    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'redirectTo', url: `/${DETAIL}?id=${stored[0].id}` });
    expect(rt.fake.lastToast()).toMatchObject({ content: '投递成功', type: 'success' });
    const detail = rt.currentPage<{ application: ApplicationDetailView | null }>()!;
    expect(detail.route).toBe(DETAIL);
    expect(detail.data.application).toMatchObject({ statusText: '已投递', dueText: '预计3天内反馈' });
    expect(detail.data.application?.timeline.steps[0]).toMatchObject({ title: '投递成功' });

    // Back on the job, the bar shows where the application stands and opens it.
    expect(jobPage.data.applyBar).toEqual({
      applicationId: stored[0].id,
      text: '已投递 · 查看进度',
      closedMessage: '',
      banner: '',
    });
    jobPage.tap('onApplyTap');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'navigateTo', url: `/${DETAIL}?id=${stored[0].id}` });
    await rt.flush();
  });

  it('creates exactly one application when the answers are lost and the seeker tries again', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const [job] = await openJobs(server, 1, 1);
    answerSubscribe(rt, false);
    // The backend gets every try but the phone never hears back: three tries (one send and its two retries).
    const realRequest = rt.my.request;
    let lose = 3;
    rt.fake.define('request', ((options: Parameters<typeof my.request>[0]) => {
      const lost = options.method === 'POST' && new URL(options.url).pathname === '/applications' && lose-- > 0;
      if (!lost) return realRequest(options);
      const networkError = () => options.fail?.({ error: 12, errorMessage: '网络出错' } as never);
      return realRequest({ ...options, success: networkError, fail: networkError });
    }) as typeof my.request);

    const apply = rt.mountPage<ApplyData>(APPLY, { jobId: job.id });
    await rt.flush();
    apply.fire('onGreetingInput', { detail: { value: '您好，我有三年相关经验，随时可以到岗。' } });
    apply.tap('onSubmit');
    await rt.flush();

    expect(apply.data.errorMessage).toBe('网络不给力，请检查网络后重试');
    expect(apply.data.sending).toBe(false);
    expect(apply.data.greetingCounter).toBe('19/200');
    expect(applicationPosts()).toHaveLength(3);
    expect(await storedApplications(server, seeker.token)).toHaveLength(1);

    apply.tap('onSubmit');
    await rt.flush();
    const stored = await storedApplications(server, seeker.token);
    expect(stored).toHaveLength(1);
    expect(new Set(applicationPosts().map(idempotencyKeyOf)).size).toBe(1);
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'redirectTo', url: `/${DETAIL}?id=${stored[0].id}` });
    const detail = await call<{ greeting: string }>(server, 'GET', `/applications/${stored[0].id}`, {
      token: seeker.token,
    });
    expect(detail.body.greeting).toBe('您好，我有三年相关经验，随时可以到岗。');
  });

  it('keeps the typed greeting after a failed submit and after leaving, and sends it on the next try', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const [job] = await openJobs(server, 1, 2);
    answerSubscribe(rt, false);
    const apply = rt.mountPage<ApplyData>(APPLY, { jobId: job.id });
    await rt.flush();
    apply.fire('onGreetingInput', { detail: { value: '周末也可以面试' } });
    await setFaults(server, { errorRate: 1 });
    apply.tap('onSubmit');
    await rt.flush();
    expect(apply.data.errorMessage).toBe('服务暂时不可用，请稍后重试');
    expect(apply.data.greetingCounter).toBe('7/200');
    await setFaults(server, { errorRate: 0 });
    expect(await storedApplications(server, seeker.token)).toHaveLength(0);

    // Leaving and coming back keeps it too.
    apply.unload();
    const again = rt.mountPage<ApplyData>(APPLY, { jobId: job.id });
    await rt.flush();
    expect(again.data.greeting).toBe('周末也可以面试');
    again.tap('onSubmit');
    await rt.flush();
    const [stored] = await storedApplications(server, seeker.token);
    const detail = await call<{ greeting: string }>(server, 'GET', `/applications/${stored.id}`, {
      token: seeker.token,
    });
    expect(detail.body.greeting).toBe('周末也可以面试');
  });

  it('takes a fast-typed greeting without echoing each key back, and counts it', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    const [job] = await openJobs(server, 1, 6);
    const apply = rt.mountPage<ApplyData>(APPLY, { jobId: job.id });
    await rt.flush();
    apply.clearSetDataCalls();
    const text = '您好'.repeat(25);
    for (let i = 1; i <= text.length; i++) apply.fire('onGreetingInput', { detail: { value: text.slice(0, i) } });
    await rt.flush();
    expect(apply.setDataCalls.filter((call) => 'greeting' in call.payload)).toEqual([]);
    expect(apply.setDataCalls.length).toBeLessThanOrEqual(3);
    expect(apply.data.greetingCounter).toBe('50/200');
  });

  it('names what the resume lacks and offers the resume page; applies once it is filled', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    const [job] = await openJobs(server, 1, 3);
    const subscribeCalls = answerSubscribe(rt, false);
    const apply = rt.mountPage<ApplyData>(APPLY, { jobId: job.id });
    await rt.flush();
    apply.fire('onGreetingInput', { detail: { value: '你好' } });
    apply.tap('onSubmit');
    await rt.flush();
    expect(apply.data.needsResume).toBe(true);
    expect(apply.data.errorMessage).toBe('投递前请先完善简历：基本信息、用支付宝验证手机号');
    expect(apply.data.greetingCounter).toBe('2/200');
    apply.tap('onFillResume');
    await rt.flush();
    expect(rt.fake.navigation.at(-1)).toMatchObject({
      api: 'navigateTo',
      url: '/subpackages/resume/pages/index/index',
    });

    // A phone typed into basic info is not verified: still refused, and the page says what to do.
    const typed = await call(server, 'PUT', '/resume/basic', {
      token: seeker.token,
      body: {
        name: '李雷',
        gender: 'male',
        birthYear: 1998,
        cityCode: '330100',
        status: 'unemployed',
        phone: '13912345678',
      },
    });
    expect(typed.status).toBe(200);
    apply.tap('onSubmit');
    await rt.flush();
    expect(apply.data).toMatchObject({ needsResume: true, applied: false });
    expect(apply.data.errorMessage).toBe('投递前请先完善简历：用支付宝验证手机号');

    await makeReadyToApply(server, seeker.token);
    apply.tap('onSubmit');
    await rt.flush();
    expect(apply.data).toMatchObject({ needsResume: false, applied: true, sending: false, greetingCounter: '2/200' });
    expect(await storedApplications(server, seeker.token)).toHaveLength(1);
    // The seeker refused notifications: nothing recorded, and applying still succeeded.
    expect(subscribeCalls).toHaveLength(1);
    const consents = await call<SubscriptionConsentList>(server, 'GET', '/subscriptions', { token: seeker.token });
    expect(consents.body.items).toEqual([]);
    expect(rt.fake.lastToast()).toMatchObject({ content: '投递成功' });
  });

  it('comes back from the resume up to date: the refusal is gone and the new attachment is offered', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    const [job] = await openJobs(server, 1, 7);
    const apply = rt.mountPage<ApplyData>(APPLY, { jobId: job.id });
    await rt.flush();
    apply.tap('onSubmit');
    await rt.flush();
    expect(apply.data.needsResume).toBe(true);
    expect(apply.data.resumeOptions).toHaveLength(1);

    // Off to the resume: the seeker completes it and uploads an attachment, then comes back.
    apply.tap('onFillResume');
    apply.hide();
    await makeReadyToApply(server, seeker.token);
    const form = new FormData();
    form.append('fileName', '韩梅梅-简历.pdf');
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%test\n')], { type: 'application/pdf' }), 'a.pdf');
    const uploaded = await fetch(`${server.url}/resume/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seeker.token}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    apply.show();
    await rt.flush();

    expect(apply.data.needsResume).toBe(false);
    expect(apply.data.errorMessage).toBe('');
    expect(apply.data.resumeOptions.map((option) => option.title)).toEqual(['在线简历', '韩梅梅-简历.pdf']);
  });

  it('opens the existing application when the seeker applied before', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const [job] = await openJobs(server, 1, 4);
    const existing = await applyDirect(server, seeker.token, job.id);
    const subscribeCalls = answerSubscribe(rt, true);
    const apply = rt.mountPage<ApplyData>(APPLY, { jobId: job.id });
    await rt.flush();
    apply.tap('onSubmit');
    await rt.flush();
    expect(rt.fake.lastToast()).toMatchObject({ content: '你已投递过该职位' });
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'redirectTo', url: `/${DETAIL}?id=${existing.id}` });
    expect(subscribeCalls).toEqual([]);
    expect(await storedApplications(server, seeker.token)).toHaveLength(1);
  });

  it('offers the attachment resumes and sends the chosen one', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    await makeReadyToApply(server, seeker.token);
    const form = new FormData();
    form.append('fileName', '李雷-简历.pdf');
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%test\n')], { type: 'application/pdf' }), '李雷-简历.pdf');
    const uploaded = await fetch(`${server.url}/resume/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seeker.token}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { id: attachmentId } = (await uploaded.json()) as { id: string };
    const [job] = await openJobs(server, 1, 5);
    answerSubscribe(rt, false);
    const apply = rt.mountPage<ApplyData>(APPLY, { jobId: job.id });
    await rt.flush();
    expect(apply.data.resumeOptions).toHaveLength(2);
    expect(apply.data.resumeOptions[1]).toMatchObject({ value: `attachment:${attachmentId}`, title: '李雷-简历.pdf' });
    expect(apply.data.resumeOptions[1].subtitle).toMatch(/^PDF · \d+B · /);
    apply.tap('onResumeTap', { dataset: { value: `attachment:${attachmentId}` } });
    expect(apply.data.resumeOptions.map((o) => o.selected)).toEqual([false, true]);
    apply.tap('onSubmit');
    await rt.flush();
    const [stored] = await storedApplications(server, seeker.token);
    expect(stored.resume).toEqual({ kind: 'attachment', attachmentId, fileName: '李雷-简历.pdf' });
  });
});

describe('apply page: daily cap', () => {
  let capped: TestServer;
  beforeAll(async () => {
    capped = await startMockServer({ seed: { jobs: 60, seed: 'apply-cap-tests' }, dailyApplicationCap: 1 });
  });
  afterAll(() => capped.stop());

  it("shows the server's message and keeps what was typed", async () => {
    const seeker = await launchSeeker(capped);
    rt = seeker.rt;
    await makeReadyToApply(capped, seeker.token);
    const [first, second] = await openJobs(capped, 2);
    await applyDirect(capped, seeker.token, first.id);
    answerSubscribe(rt, true);
    const apply = rt.mountPage<ApplyData>(APPLY, { jobId: second.id });
    await rt.flush();
    apply.fire('onGreetingInput', { detail: { value: '明天再投也行' } });
    apply.tap('onSubmit');
    await rt.flush();
    expect(apply.data.errorMessage).toBe('今天已投递1个职位，达到每日上限，明天再来吧');
    expect(apply.data.needsResume).toBe(false);
    expect(apply.data.greetingCounter).toBe('6/200');
    expect(await storedApplications(capped, seeker.token)).toHaveLength(1);
    expect(rt.fake.navigation.filter((n) => n.api === 'redirectTo')).toEqual([]);
  });
});
