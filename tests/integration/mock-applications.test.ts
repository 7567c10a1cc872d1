import type {
  ApplicationDetail,
  ApplicationSummary,
  DuplicateApplicationErrorBody,
} from '../../services/contracts/applications';
import type { ConversationSummary, MessagePage } from '../../services/contracts/conversations';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { startTestBackend, type TestBackend } from './mock-fixture';
import { loginReadyToApply } from './mock-resume-helpers';

let keyCounter = 0;
const newKey = () => `test-key-${Date.now()}-${++keyCounter}`;

describe('mock backend applications', () => {
  let backend: TestBackend;
  let jobs: JobSummary[];

  beforeAll(async () => {
    backend = await startTestBackend({ dailyApplicationCap: 5 });
    jobs = (await backend.request<CursorPage<JobSummary>>('GET', '/jobs?limit=50')).body.items;
  });
  afterAll(() => backend.close());

  function apply(token: string, jobId: string, key = newKey(), greeting?: string) {
    return backend.request<ApplicationDetail>('POST', '/applications', {
      token,
      headers: { 'idempotency-key': key },
      body: { jobId, ...(greeting !== undefined ? { greeting } : {}) },
    });
  }

  it('creates exactly one application for two requests with the same Idempotency-Key', async () => {
    const { accessToken, userId } = await loginReadyToApply(backend, 'idem');
    const key = newKey();
    const first = await apply(accessToken, jobs[0].id, key, '你好，我对这个岗位很感兴趣');
    const second = await apply(accessToken, jobs[0].id, key, '你好，我对这个岗位很感兴趣');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const rows = backend.server.db
      .prepare('SELECT count(*) AS n FROM applications WHERE user_id = ? AND job_id = ?')
      .get(userId, Number(jobs[0].id)) as { n: number };
    expect(rows.n).toBe(1);

    expect(first.body).toMatchObject({ status: 'submitted', greeting: '你好，我对这个岗位很感兴趣', reason: null });
    expect(first.body.job.id).toBe(jobs[0].id);
    expect(first.body.timeline).toEqual([{ status: 'submitted', at: first.body.createdAt, note: null }]);
    const respondIn = Date.parse(first.body.respondBy ?? '') - Date.parse(first.body.createdAt);
    expect(respondIn).toBe(72 * 3600 * 1000);
  });

  it('needs an Idempotency-Key and a valid body, naming the fields', async () => {
    const { accessToken } = await loginReadyToApply(backend, 'needs-key');
    const noKey = await backend.request<ApiErrorBody>('POST', '/applications', {
      token: accessToken,
      body: { jobId: jobs[1].id },
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.fields?.[0].path).toBe('headers.idempotency-key');

    const badBody = await apply(accessToken, 'abc', newKey(), 'x'.repeat(201));
    expect(badBody.status).toBe(400);
    const paths = (badBody.body as unknown as ApiErrorBody).error.fields?.map((f) => f.path).sort();
    expect(paths).toEqual(['greeting', 'jobId']);

    const unknownJob = await apply(accessToken, '987654');
    expect(unknownJob.status).toBe(404);
    const anonymous = await backend.request<ApiErrorBody>('POST', '/applications', { body: { jobId: jobs[1].id } });
    expect(anonymous.status).toBe(401);
  });

  it('answers 409 with the existing application id when applying to the same job again', async () => {
    const { accessToken } = await loginReadyToApply(backend, 'dup');
    const first = await apply(accessToken, jobs[2].id);
    const again = await backend.request<DuplicateApplicationErrorBody>('POST', '/applications', {
      token: accessToken,
      headers: { 'idempotency-key': newKey() },
      body: { jobId: jobs[2].id },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', applicationId: first.body.id });
  });

  it('withdraws once and refuses an illegal second transition with 409', async () => {
    const { accessToken } = await loginReadyToApply(backend, 'withdraw');
    const created = await apply(accessToken, jobs[3].id);
    const withdrawn = await backend.request<ApplicationDetail>('POST', `/applications/${created.body.id}/withdraw`, {
      token: accessToken,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.respondBy).toBeNull();
    expect(withdrawn.body.timeline.map((step) => step.status)).toEqual(['submitted', 'withdrawn']);

    const again = await backend.request<ApiErrorBody>('POST', `/applications/${created.body.id}/withdraw`, {
      token: accessToken,
      headers: { 'content-type': 'application/json' },
      rawBody: '',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已撤回');
  });

  it("never shows one user another user's application or conversation", async () => {
    const alice = await loginReadyToApply(backend, 'owner-a');
    const bob = await loginReadyToApply(backend, 'owner-b');
    const created = await apply(alice.accessToken, jobs[4].id, newKey(), '您好');
    const { id, conversationId } = created.body;

    for (const path of [
      `/applications/${id}`,
      `/conversations/${conversationId}`,
      `/conversations/${conversationId}/messages`,
    ]) {
      const response = await backend.request<ApiErrorBody>('GET', path, { token: bob.accessToken });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    const withdraw = await backend.request('POST', `/applications/${id}/withdraw`, { token: bob.accessToken });
    expect(withdraw.status).toBe(404);
    const read = await backend.request('POST', `/conversations/${conversationId}/read`, { token: bob.accessToken });
    expect(read.status).toBe(404);
    const bobsList = await backend.request<CursorPage<ApplicationSummary>>('GET', '/applications', {
      token: bob.accessToken,
    });
    expect(bobsList.body.items).toEqual([]);

    expect((await backend.request('GET', `/applications/${id}`, { token: alice.accessToken })).status).toBe(200);
  });

  it('lists applications by status and opens a conversation with the greeting first', async () => {
    const { accessToken } = await loginReadyToApply(backend, 'lister');
    const withGreeting = await apply(accessToken, jobs[5].id, newKey(), '您好，可以聊聊吗？');
    await apply(accessToken, jobs[6].id);
    await backend.request('POST', `/applications/${withGreeting.body.id}/withdraw`, { token: accessToken });

    const all = await backend.request<CursorPage<ApplicationSummary>>('GET', '/applications', { token: accessToken });
    expect(all.body.items.map((a) => a.job.id)).toEqual([jobs[6].id, jobs[5].id]);
    const submitted = await backend.request<CursorPage<ApplicationSummary>>('GET', '/applications?status=submitted', {
      token: accessToken,
    });
    expect(submitted.body.items.map((a) => a.job.id)).toEqual([jobs[6].id]);
    const either = await backend.request<CursorPage<ApplicationSummary>>(
      'GET',
      '/applications?status=submitted,withdrawn',
      { token: accessToken },
    );
    expect(either.body.items.map((a) => a.job.id)).toEqual([jobs[6].id, jobs[5].id]);
    const forJob = await backend.request<CursorPage<ApplicationSummary>>('GET', `/applications?jobId=${jobs[5].id}`, {
      token: accessToken,
    });
    expect(forJob.body.items.map((a) => a.id)).toEqual([withGreeting.body.id]);
    const oneBad = await backend.request<ApiErrorBody>('GET', '/applications?status=submitted,lost', {
      token: accessToken,
    });
    expect(oneBad.body.error.fields?.[0].path).toBe('query.status');
    const badStatus = await backend.request<ApiErrorBody>('GET', '/applications?status=lost', { token: accessToken });
    expect(badStatus.body.error.fields?.[0].path).toBe('query.status');

    const conversations = await backend.request<CursorPage<ConversationSummary>>('GET', '/conversations', {
      token: accessToken,
    });
    expect(conversations.body.items).toHaveLength(2);
    const withoutGreeting = conversations.body.items.find((c) => c.applicationId !== withGreeting.body.id);
    expect(withoutGreeting).toMatchObject({
      unreadCount: 0,
      lastMessage: { from: 'system', card: { kind: 'status', status: 'submitted' } },
    });
    // The platform line carries a status card, so the HR's console can word it for the HR.
    const firstLine = await backend.request<MessagePage>('GET', `/conversations/${withoutGreeting?.id}/messages`, {
      token: accessToken,
    });
    expect(firstLine.body.items[0]).toMatchObject({
      from: 'system',
      text: expect.stringMatching(/^你投递了「.+」，HR预计.+内反馈$/),
      card: { kind: 'status', status: 'submitted', note: expect.stringMatching(/^HR预计.+内反馈$/) },
    });
    const greeted = conversations.body.items.find((c) => c.applicationId === withGreeting.body.id);
    expect(greeted).toMatchObject({
      jobId: jobs[5].id,
      jobTitle: jobs[5].title,
      companyName: jobs[5].company.name,
      hr: { id: jobs[5].hr.id, name: jobs[5].hr.name },
      lastMessage: { text: '投递状态更新为「已撤回」：你已撤回本次投递', from: 'system' },
      unreadCount: 0,
    });
    const messages = await backend.request<MessagePage>(
      'GET',
      `/conversations/${withGreeting.body.conversationId}/messages`,
      { token: accessToken },
    );
    expect(messages.body.items.map((m) => m.text)).toEqual([
      '您好，可以聊聊吗？',
      '投递状态更新为「已撤回」：你已撤回本次投递',
    ]);
  });

  it('caps applications per day with 429 and a clear Chinese message', async () => {
    const { accessToken } = await loginReadyToApply(backend, 'busy');
    for (let i = 0; i < 5; i++) expect((await apply(accessToken, jobs[10 + i].id)).status).toBe(201);
    const capped = await backend.request<ApiErrorBody>('POST', '/applications', {
      token: accessToken,
      headers: { 'idempotency-key': newKey() },
      body: { jobId: jobs[20].id },
    });
    expect(capped.status).toBe(429);
    expect(capped.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('上限') });
  });
});
