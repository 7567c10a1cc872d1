import type { ApplicationDetail } from '../../services/contracts/applications';
import type { ChatMessage, ConversationSummary } from '../../services/contracts/conversations';
import type { EmployerApplicationView } from '../../services/contracts/employer';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { sampleInvitation } from '../support/interview-invitation';
import { startTestBackend, type TestBackend } from './mock-fixture';
import { loginReadyToApply } from './mock-resume-helpers';
import { hireThroughOnboarding, offerInput } from './onboarding-support';

describe('mock backend employer API', () => {
  let backend: TestBackend;
  let jobs: JobSummary[];
  let keyCounter = 0;

  beforeAll(async () => {
    backend = await startTestBackend();
    jobs = (await backend.request<CursorPage<JobSummary>>('GET', '/jobs?limit=50')).body.items;
  });
  afterAll(() => backend.close());

  async function applyAs(userKey: string, job: JobSummary) {
    const { accessToken } = await loginReadyToApply(backend, userKey);
    const created = await backend.request<ApplicationDetail>('POST', '/applications', {
      token: accessToken,
      headers: { 'idempotency-key': `employer-test-${++keyCounter}` },
      body: { jobId: job.id, greeting: '您好' },
    });
    expect(created.status).toBe(201);
    return { accessToken, application: created.body };
  }

  function asHr<T>(hrId: string, method: string, path: string, body?: unknown) {
    return backend.request<T>(method, path, { headers: { 'x-hr-id': hrId }, body });
  }

  /** An HR of another company: to it, this job's applications do not exist. */
  const otherCompanyHrOf = (job: JobSummary) => jobs.find((other) => other.company.id !== job.company.id)!.hr.id;

  it("answers another company's application with 404, a missing HR with 401", async () => {
    const job = jobs[0];
    const { application } = await applyAs('emp-owner', job);

    const mine = await asHr<EmployerApplicationView>(job.hr.id, 'GET', `/employer/applications/${application.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      id: application.id,
      greeting: '您好',
      applicant: { userId: expect.any(String) },
    });

    const theirs = await asHr<ApiErrorBody>(otherCompanyHrOf(job), 'GET', `/employer/applications/${application.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    const act = await asHr<ApiErrorBody>(
      otherCompanyHrOf(job),
      'POST',
      `/employer/applications/${application.id}/reject`,
      {
        reason: '不合适',
      },
    );
    expect(act.status).toBe(404);

    expect((await backend.request('GET', `/employer/applications/${application.id}`)).status).toBe(401);
    expect((await asHr(job.hr.id, 'GET', '/employer/applications/99999')).status).toBe(404);

    const list = await asHr<CursorPage<EmployerApplicationView>>(job.hr.id, 'GET', '/employer/applications');
    expect(list.body.items.map((item) => item.id)).toContain(application.id);
    const otherList = await asHr<CursorPage<EmployerApplicationView>>(
      otherCompanyHrOf(job),
      'GET',
      '/employer/applications',
    );
    expect(otherList.body.items.map((item) => item.id)).not.toContain(application.id);
  });

  it('drives invite → offer, messaging the seeker, and refuses illegal moves with 409', async () => {
    const job = jobs[1];
    const { accessToken, application } = await applyAs('emp-journey', job);
    const path = `/employer/applications/${application.id}`;

    const early = await asHr<ApiErrorBody>(job.hr.id, 'POST', `${path}/offer`, offerInput(backend));
    expect(early.status).toBe(409);
    const noInterviewer = await asHr<ApiErrorBody>(job.hr.id, 'POST', `${path}/invite`, {
      ...sampleInvitation(),
      interviewer: '   ',
    });
    expect(noInterviewer.status).toBe(400);
    expect(noInterviewer.body.error.fields?.[0].path).toBe('interviewer');

    const invited = await asHr<EmployerApplicationView>(job.hr.id, 'POST', `${path}/invite`, sampleInvitation());
    expect(invited.body.status).toBe('interview');
    expect(invited.body.respondBy).toBeNull();
    expect(invited.body.timeline.map((s) => s.status)).toEqual(['submitted', 'viewed', 'interview']);

    const conversation = await backend.request<ConversationSummary>(
      'GET',
      `/conversations/${application.conversationId}`,
      { token: accessToken },
    );
    // 被查看 and the invitation: two cards.
    expect(conversation.body).toMatchObject({
      unreadCount: 2,
      lastMessage: { from: 'hr', text: expect.stringContaining('邀请你参加视频面试') },
    });
    const read = await backend.request<ConversationSummary>(
      'POST',
      `/conversations/${application.conversationId}/read`,
      {
        token: accessToken,
      },
    );
    expect(read.body.unreadCount).toBe(0);

    expect((await asHr(job.hr.id, 'POST', `${path}/offer`, offerInput(backend))).status).toBe(200);
    const offered = await asHr<EmployerApplicationView>(job.hr.id, 'GET', path);
    expect(offered.body.timeline.map((s) => s.status)).toEqual(['submitted', 'viewed', 'interview', 'offer']);
    // 已入职 comes from the seeker's first-day check-in, never from the HR's word.
    expect((await asHr<ApiErrorBody>(job.hr.id, 'POST', `${path}/hire`)).status).toBe(404);

    const rejectOffered = await asHr<ApiErrorBody>(job.hr.id, 'POST', `${path}/reject`, { reason: '岗位已满' });
    expect(rejectOffered.status).toBe(409);
    await hireThroughOnboarding(backend, accessToken, application.id, job.hr.id);
    const withdrawHired = await backend.request<ApiErrorBody>('POST', `/applications/${application.id}/withdraw`, {
      token: accessToken,
    });
    expect(withdrawHired.status).toBe(409);
  });

  it('rejects with a reason the seeker sees', async () => {
    const job = jobs[2];
    const { accessToken, application } = await applyAs('emp-reject', job);
    const missing = await asHr<ApiErrorBody>(job.hr.id, 'POST', `/employer/applications/${application.id}/reject`, {});
    expect(missing.body.error.fields?.[0].path).toBe('reason');
    const wrongType = await asHr<ApiErrorBody>(job.hr.id, 'POST', `/employer/applications/${application.id}/reject`, {
      reason: 12,
    });
    expect(wrongType.body.error.fields).toEqual([{ path: 'reason', message: '不合适的原因格式不正确' }]);
    await asHr(job.hr.id, 'POST', `/employer/applications/${application.id}/reject`, { reason: '经验不太匹配' });
    const seen = await backend.request<ApplicationDetail>('GET', `/applications/${application.id}`, {
      token: accessToken,
    });
    expect(seen.body).toMatchObject({ status: 'rejected', reason: '经验不太匹配' });
    expect(seen.body.timeline.at(-1)).toMatchObject({ status: 'rejected', note: '经验不太匹配' });
    // Ended: the phone is no longer shared with this employer.
    const share = await backend.request<ApiErrorBody>('POST', `/applications/${application.id}/share-phone`, {
      token: accessToken,
    });
    expect(share.status).toBe(409);
    expect(share.body.error.message).toBe('这份投递已结束（不合适），不能再分享手机号');
  });

  it('tells the seeker the offer in the conversation: position, pay, start and the date to answer by', async () => {
    const job = jobs[4];
    const { accessToken, application } = await applyAs('emp-offer-note', job);
    const path = `/employer/applications/${application.id}`;
    await asHr(job.hr.id, 'POST', `${path}/invite`, sampleInvitation());
    await asHr(
      job.hr.id,
      'POST',
      `${path}/offer`,
      offerInput(backend, { startDate: '2031-03-03', expiresAt: '2031-03-01T04:00:00Z' }),
    );
    const conversation = await backend.request<ConversationSummary>(
      'GET',
      `/conversations/${application.conversationId}`,
      { token: accessToken },
    );
    expect(conversation.body.lastMessage).toMatchObject({
      from: 'hr',
      text: `恭喜你通过面试！${job.company.name}向你发出录用通知：仓库分拣员，日结220.50元/天，2031-03-03 09:00 报到。请在2031-03-01前确认。`,
    });
  });

  it('sends HR messages only into its own conversations', async () => {
    const job = jobs[3];
    const { accessToken, application } = await applyAs('emp-chat', job);
    const path = `/employer/conversations/${application.conversationId}/messages`;
    const sent = await asHr<ChatMessage>(job.hr.id, 'POST', path, { text: '你好，方便电话沟通吗？' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ from: 'hr', conversationId: application.conversationId });
    expect((await asHr(otherCompanyHrOf(job), 'POST', path, { text: '你好' })).status).toBe(404);
    expect((await asHr<ApiErrorBody>(job.hr.id, 'POST', path, { text: '' })).status).toBe(400);

    const list = await backend.request<CursorPage<ConversationSummary>>('GET', '/conversations', {
      token: accessToken,
    });
    expect(list.body.items[0]).toMatchObject({ id: application.conversationId, unreadCount: 1 });
  });
});
