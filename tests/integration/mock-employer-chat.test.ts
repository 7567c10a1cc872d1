/**
 * The HR console's side of the chat over HTTP: the conversation list names the candidate, the company's
 * unread total, and downloading the attachment the seeker shared in the chat.
 */
import type { ApplicationDetail } from '../../services/contracts/applications';
import type { ChatMessage, EmployerConversationSummary, UnreadTotal } from '../../services/contracts/conversations';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { CursorPage } from '../../services/contracts/page';
import type { ResumeAttachment } from '../../services/contracts/resume-attachments';
import { startTestBackend, type TestBackend } from './mock-fixture';
import {
  apply,
  fillApplyEssentials,
  openJobs,
  PDF_BYTES,
  twoJobsOfOneCompany,
  upload,
  type OpenJob,
} from './mock-resume-helpers';

describe('mock backend: the HR side of the chat', () => {
  let backend: TestBackend;
  let jobA: OpenJob;
  let jobB: OpenJob;
  let foreignJob: OpenJob;

  beforeAll(async () => {
    backend = await startTestBackend({ seed: { jobs: 80 } });
    [jobA, jobB] = twoJobsOfOneCompany(backend);
    foreignJob = openJobs(backend, 60).find((job) => job.companyId !== jobA.companyId)!;
  });
  afterAll(() => backend.close());

  const asHr = <T>(job: OpenJob, method: string, path: string, body?: unknown) =>
    backend.request<T>(method, path, { headers: { 'x-hr-id': String(job.hrId) }, body });

  let seekers = 0;
  async function seekerApplies(job: OpenJob, name: string) {
    const { accessToken } = await backend.login(`employer-chat-${++seekers}`);
    await fillApplyEssentials(backend, accessToken, '13800002222', {
      name,
      gender: 'female',
      birthYear: 1998,
      cityCode: '330100',
      status: 'unemployed',
    });
    const created = await apply(backend, accessToken, { jobId: job.id });
    expect(created.status).toBe(201);
    return { token: accessToken, conversationId: (created.body as ApplicationDetail).conversationId };
  }

  const seekerSays = (seeker: { token: string; conversationId: string }, text: string) =>
    backend.request<ChatMessage>('POST', `/conversations/${seeker.conversationId}/messages`, {
      token: seeker.token,
      body: { text },
    });

  it('lists the company’s conversations with the candidate’s name, the nickname once the resume is hidden', async () => {
    const seeker = await seekerApplies(jobA, '林小雨');
    const list = await asHr<CursorPage<EmployerConversationSummary>>(jobA, 'GET', '/employer/conversations');
    expect(list.status).toBe(200);
    const row = list.body.items.find((item) => item.id === seeker.conversationId);
    expect(row).toMatchObject({ candidate: { name: '林小雨' }, jobTitle: expect.any(String) });
    const one = await asHr<EmployerConversationSummary>(
      jobA,
      'GET',
      `/employer/conversations/${seeker.conversationId}`,
    );
    expect(one.body.candidate).toEqual({ name: '林小雨' });

    await backend.request('PUT', '/privacy', {
      token: seeker.token,
      body: { hiddenCompanyIds: [String(jobA.companyId)] },
    });
    const hidden = await asHr<EmployerConversationSummary>(
      jobA,
      'GET',
      `/employer/conversations/${seeker.conversationId}`,
    );
    expect(hidden.body.candidate.name).not.toBe('林小雨');
    expect(hidden.body.candidate.name.length).toBeGreaterThan(0);
    // The seeker's own summary carries no candidate.
    const own = await backend.request<Record<string, unknown>>('GET', `/conversations/${seeker.conversationId}`, {
      token: seeker.token,
    });
    expect(own.body).not.toHaveProperty('candidate');
  });

  it('counts the company’s unread seeker messages across its HRs’ jobs, down to zero once read', async () => {
    const before = (await asHr<UnreadTotal>(jobA, 'GET', '/employer/conversations/unread-count')).body.unreadCount;
    const first = await seekerApplies(jobA, '周一');
    const second = await seekerApplies(jobB, '吴二');
    await seekerSays(first, '您好，想了解一下工作时间');
    await seekerSays(first, '另外是否双休？');
    await seekerSays(second, '您好');
    const total = await asHr<UnreadTotal>(jobB, 'GET', '/employer/conversations/unread-count');
    expect(total.status).toBe(200);
    expect(total.body.unreadCount).toBe(before + 3);
    // HR messages and the platform's lines never count for the HR.
    await asHr(jobA, 'POST', `/employer/conversations/${first.conversationId}/messages`, { text: '早九晚六，双休' });
    await asHr(jobA, 'POST', `/employer/conversations/${first.conversationId}/read`, {});
    expect((await asHr<UnreadTotal>(jobA, 'GET', '/employer/conversations/unread-count')).body.unreadCount).toBe(
      before + 1,
    );
    // Another company's HR counts none of these.
    const foreign = await asHr<UnreadTotal>(foreignJob, 'GET', '/employer/conversations/unread-count');
    const foreignCompanyUnread = foreign.body.unreadCount;
    await seekerSays(second, '还在吗？');
    expect((await asHr<UnreadTotal>(foreignJob, 'GET', '/employer/conversations/unread-count')).body.unreadCount).toBe(
      foreignCompanyUnread,
    );
  });

  it('downloads the attachment the seeker shared in this conversation, and nothing else', async () => {
    const seeker = await seekerApplies(jobA, '郑三');
    const uploaded = await upload<ResumeAttachment>(backend, seeker.token, {
      name: '郑三-简历.pdf',
      bytes: PDF_BYTES,
      type: 'application/pdf',
    });
    expect(uploaded.status).toBe(201);
    const path = `/employer/conversations/${seeker.conversationId}/attachments/${uploaded.body.id}`;
    const download = (job: OpenJob, urlPath = path) =>
      fetch(`${backend.url}${urlPath}`, { headers: { 'x-hr-id': String(job.hrId) } });

    // Not shared yet: nothing to download.
    const early = await download(jobA);
    expect(early.status).toBe(404);
    expect(((await early.json()) as ApiErrorBody).error.message).toContain('未在此会话中发送');

    const request = await asHr<ChatMessage>(
      jobA,
      'POST',
      `/employer/conversations/${seeker.conversationId}/consent-requests`,
      {
        subject: 'attachment',
      },
    );
    const answer = await backend.request<ChatMessage>('POST', `/conversations/${seeker.conversationId}/consents`, {
      token: seeker.token,
      body: { subject: 'attachment', agreed: true, requestSeq: request.body.seq },
    });
    expect(answer.body.card).toMatchObject({ attachment: { id: uploaded.body.id, fileName: '郑三-简历.pdf' } });

    const file = await download(jobA);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('郑三-简历.pdf'));
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF_BYTES);
    // A colleague at the same company may; another company may not even see the conversation.
    expect((await download(jobB)).status).toBe(200);
    expect((await download(foreignJob)).status).toBe(404);

    // Another of the seeker's files, never shared here, stays private.
    const other = await upload<ResumeAttachment>(backend, seeker.token, { name: '另一份.pdf', bytes: PDF_BYTES });
    expect(
      (await download(jobA, `/employer/conversations/${seeker.conversationId}/attachments/${other.body.id}`)).status,
    ).toBe(404);

    // Deleted by the seeker afterwards: gone, and said so.
    await backend.request('DELETE', `/resume/attachments/${uploaded.body.id}`, { token: seeker.token });
    const deleted = await download(jobA);
    expect(deleted.status).toBe(404);
    expect(((await deleted.json()) as ApiErrorBody).error.message).toContain('已删除');
  });
});
