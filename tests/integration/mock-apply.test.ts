import type {
  ApplicationDetail,
  DuplicateApplicationErrorBody,
  ResumeIncompleteErrorBody,
} from '../../services/contracts/applications';
import type { MessagePage } from '../../services/contracts/conversations';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { CursorPage } from '../../services/contracts/page';
import type { EmployerApplicationWithResume } from '../../services/contracts/employer';
import type { ResumeAttachment } from '../../services/contracts/resume-attachments';
import {
  SUBSCRIPTION_TEMPLATES,
  type SubscriptionConsentList,
  type WouldSendNotificationList,
} from '../../services/contracts/subscriptions';
import { idNumberCheckCharacter } from '../../services/contracts/trust';
import { encryptPhonePayload } from '../../mock/phone/test-keys';
import { sampleInvitation } from '../support/interview-invitation';
import { startTestBackend, type TestBackend } from './mock-fixture';
import { hireThroughOnboarding, offerInput } from './onboarding-support';
import {
  apply,
  BASIC,
  fillApplyEssentials,
  newIdempotencyKey,
  openJobs,
  PDF_BYTES,
  twoJobsOfOneCompany,
  upload,
  type OpenJob,
} from './mock-resume-helpers';

const STATUS_TEMPLATE = SUBSCRIPTION_TEMPLATES.applicationStatus.id;
const INTERVIEW_TEMPLATE = SUBSCRIPTION_TEMPLATES.interviewInvite.id;
const OFFER_TEMPLATE = SUBSCRIPTION_TEMPLATES.offer.id;

describe('mock backend: applying with a resume', () => {
  let backend: TestBackend;
  let jobs: OpenJob[];

  beforeAll(async () => {
    backend = await startTestBackend({ dailyApplicationCap: 6 });
    jobs = openJobs(backend, 40);
  });
  afterAll(() => backend.close());

  const employer = <T = EmployerApplicationWithResume>(method: string, path: string, hrId: number, body?: unknown) =>
    backend.request<T>(method, path, { headers: { 'x-hr-id': String(hrId) }, body });

  it('blocks applying until the resume has basic info and an Alipay-verified phone, saying what to fill', async () => {
    const { accessToken: token } = await backend.login('apply-blocked');
    const none = await apply<ResumeIncompleteErrorBody>(backend, token, { jobId: jobs[0].id });
    expect(none.status).toBe(409);
    expect(none.body.error).toEqual({
      code: 'conflict',
      message: '投递前请先完善简历：基本信息、用支付宝验证手机号',
      reason: 'resume_incomplete',
      missing: ['basic', 'phone'],
    });
    await backend.request('PUT', '/resume/basic', { token, body: BASIC });
    const noPhone = await apply<ResumeIncompleteErrorBody>(backend, token, { jobId: jobs[0].id });
    expect(noPhone.body.error).toMatchObject({ message: '投递前请先完善简历：用支付宝验证手机号', missing: ['phone'] });
    // A number typed into basic info is not verified: the employer cannot rely on it.
    const typed = await backend.request<{ phone: string; phoneVerified: boolean }>('PUT', '/resume/basic', {
      token,
      body: { ...BASIC, phone: '13900001111' },
    });
    expect(typed.body).toMatchObject({ phone: '13900001111', phoneVerified: false });
    const unverified = await apply<ResumeIncompleteErrorBody>(backend, token, { jobId: jobs[0].id });
    expect(unverified.status).toBe(409);
    expect(unverified.body.error).toMatchObject({ reason: 'resume_incomplete', missing: ['phone'] });

    // Filling the phone, a retry with the same key now goes through.
    const key = newIdempotencyKey();
    expect((await apply(backend, token, { jobId: jobs[0].id }, key)).status).toBe(409);
    await backend.request('POST', '/resume/phone', { token, body: { response: encryptPhonePayload('13812345678') } });
    const created = await apply(backend, token, { jobId: jobs[0].id }, key);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'submitted',
      resume: { kind: 'online' },
      phoneShared: false,
      trust: { realName: false, workId: false, student: false },
      reason: null,
    });
    expect(created.body.job.hr.replyRate).toEqual(expect.any(Number));
    expect(created.body.respondBy).toEqual(expect.any(String));
  });

  it('applies with an attachment the employer can download; refuses someone else’s attachment', async () => {
    const { accessToken: token } = await backend.login('apply-attachment');
    await fillApplyEssentials(backend, token);
    const uploaded = await upload<ResumeAttachment>(backend, token, { name: '张三-简历.pdf', bytes: PDF_BYTES });
    const body = { jobId: jobs[1].id, resume: { kind: 'attachment', attachmentId: uploaded.body.id } };
    const key = newIdempotencyKey();
    const created = await apply(backend, token, body, key);
    expect(created.status).toBe(201);
    expect(created.body.resume).toEqual({
      kind: 'attachment',
      attachmentId: uploaded.body.id,
      fileName: '张三-简历.pdf',
    });
    // Same key, same body: the same answer; same key, another resume: refused.
    expect((await apply(backend, token, body, key)).body).toEqual(created.body);
    expect((await apply(backend, token, { jobId: jobs[1].id }, key)).status).toBe(409);

    const view = await employer('GET', `/employer/applications/${created.body.id}`, jobs[1].hrId);
    expect(view.body.applicantResume).toMatchObject({ redacted: false, attachment: uploaded.body });
    const file = await fetch(`${backend.url}/employer/applications/${created.body.id}/attachment`, {
      headers: { 'x-hr-id': String(jobs[1].hrId) },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF_BYTES);
    const otherCompany = await fetch(`${backend.url}/employer/applications/${created.body.id}/attachment`, {
      headers: { 'x-hr-id': String(jobs.find((j) => j.companyId !== jobs[1].companyId)?.hrId) },
    });
    expect(otherCompany.status).toBe(404);

    const { accessToken: stranger } = await backend.login('apply-attachment-stranger');
    await fillApplyEssentials(backend, stranger, '13900001111');
    const borrowed = await apply<ApiErrorBody>(backend, stranger, {
      jobId: jobs[1].id,
      resume: { kind: 'attachment', attachmentId: uploaded.body.id },
    });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.error.fields).toEqual([
      { path: 'resume.attachmentId', message: '附件简历不存在，请重新选择' },
    ]);
    const malformed = await apply<ApiErrorBody>(backend, stranger, {
      jobId: jobs[1].id,
      resume: { kind: 'paper' },
    });
    expect(malformed.body.error.fields?.map((f) => f.path)).toEqual(['resume.kind']);
    const noId = await apply<ApiErrorBody>(backend, stranger, { jobId: jobs[1].id, resume: { kind: 'attachment' } });
    expect(noId.body.error.fields?.map((f) => f.path)).toEqual(['resume.attachmentId']);

    // The application keeps naming its attachment after the seeker deletes it; the download is gone.
    await backend.request('DELETE', `/resume/attachments/${uploaded.body.id}`, { token });
    const after = await backend.request<ApplicationDetail>('GET', `/applications/${created.body.id}`, { token });
    expect(after.body.resume).toEqual(created.body.resume);
    const gone = await fetch(`${backend.url}/employer/applications/${created.body.id}/attachment`, {
      headers: { 'x-hr-id': String(jobs[1].hrId) },
    });
    expect(gone.status).toBe(404);
  });

  it('shows the employer a masked phone until the seeker shares it, then tells the HR', async () => {
    const { accessToken: token } = await backend.login('apply-share');
    await fillApplyEssentials(backend, token, '13812345678');
    const created = await apply(backend, token, { jobId: jobs[2].id, greeting: '您好' });
    const before = await employer('GET', `/employer/applications/${created.body.id}`, jobs[2].hrId);
    expect(before.body.applicantResume).toMatchObject({
      redacted: false,
      name: '张三',
      phone: '138****5678',
      email: 'z***@example.com',
      contactShared: false,
    });

    const shared = await backend.request<ApplicationDetail>('POST', `/applications/${created.body.id}/share-phone`, {
      token,
    });
    expect(shared.status).toBe(200);
    expect(shared.body.phoneShared).toBe(true);
    const after = await employer('GET', `/employer/applications/${created.body.id}`, jobs[2].hrId);
    expect(after.body.applicantResume).toMatchObject({
      phone: '13812345678',
      email: 'zhangsan@example.com',
      contactShared: true,
    });
    const messages = await backend.request<MessagePage>(
      'GET',
      `/conversations/${created.body.conversationId}/messages`,
      { token },
    );
    expect(messages.body.items.at(-1)).toMatchObject({
      from: 'seeker',
      card: { kind: 'consent_answer', subject: 'phone', agreed: true, requestSeq: null },
    });
    // Sharing again changes nothing and sends nothing more.
    await backend.request('POST', `/applications/${created.body.id}/share-phone`, { token });
    const again = await backend.request<MessagePage>('GET', `/conversations/${created.body.conversationId}/messages`, {
      token,
    });
    expect(again.body.items).toHaveLength(messages.body.items.length);
  });

  it('redacts the resume for a hidden company and refuses new applications to it', async () => {
    const [first, second] = twoJobsOfOneCompany(backend);
    const { accessToken: token } = await backend.login('apply-hidden');
    await fillApplyEssentials(backend, token);
    const created = await apply(backend, token, { jobId: first.id });
    expect(created.status).toBe(201);
    await backend.request('PUT', '/privacy', { token, body: { hiddenCompanyIds: [String(first.companyId)] } });

    const view = await employer('GET', `/employer/applications/${created.body.id}`, first.hrId);
    expect(view.body.applicantResume).toEqual({ redacted: true, message: '求职者已对贵公司隐藏简历' });
    expect(JSON.stringify(view.body.applicantResume)).not.toContain('张三');
    const list = await employer<CursorPage<EmployerApplicationWithResume>>('GET', '/employer/applications', first.hrId);
    const listed = list.body.items.find((item) => item.id === created.body.id);
    expect(listed?.applicantResume.redacted).toBe(true);

    const refused = await apply<ApiErrorBody & { error: { reason: string } }>(backend, token, { jobId: second.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('company_hidden');
    await backend.request('PUT', '/privacy', { token, body: { hiddenCompanyIds: [] } });
    expect((await apply(backend, token, { jobId: second.id })).status).toBe(201);
  });

  it('shows verified badges on the seeker’s and the employer’s view of applications', async () => {
    const { accessToken: token } = await backend.login('apply-badges');
    await fillApplyEssentials(backend, token);
    const first17 = '11010519910909321';
    await backend.request('POST', '/trust/real-name', {
      token,
      body: { name: '张三', idNumber: first17 + idNumberCheckCharacter(first17) },
    });
    await backend.request('POST', '/__admin/trust/resolve', { body: {} });
    const created = await apply(backend, token, { jobId: jobs[3].id });
    expect(created.body.trust).toEqual({ realName: true, workId: false, student: false });
    const view = await employer('GET', `/employer/applications/${created.body.id}`, jobs[3].hrId);
    expect(view.body.trust.realName).toBe(true);
    expect(view.body.applicantResume).toMatchObject({ trust: { realName: true } });
  });

  it('keeps the existing-application 409 and the daily cap 429 ahead of resume checks where they belong', async () => {
    const { accessToken: token } = await backend.login('apply-cap');
    await fillApplyEssentials(backend, token);
    const created = await apply(backend, token, { jobId: jobs[10].id });
    const dup = await apply<DuplicateApplicationErrorBody>(backend, token, { jobId: jobs[10].id });
    expect(dup.status).toBe(409);
    expect(dup.body.error.applicationId).toBe(created.body.id);
    for (let i = 11; i < 16; i++) expect((await apply(backend, token, { jobId: jobs[i].id })).status).toBe(201);
    const capped = await apply<ApiErrorBody>(backend, token, { jobId: jobs[16].id });
    expect(capped.status).toBe(429);
  });

  describe('subscription messages', () => {
    let token: string;
    let userId: string;
    let application: ApplicationDetail;
    let job: OpenJob;

    beforeAll(async () => {
      ({ accessToken: token, userId } = await backend.login('apply-subscribe'));
      await fillApplyEssentials(backend, token);
      job = jobs[20];
      application = (await apply(backend, token, { jobId: job.id })).body;
    });

    const notifications = async () =>
      (await backend.request<WouldSendNotificationList>('GET', `/__admin/notifications?userId=${userId}`)).body.items;

    it('records the consents my.requestSubscribeMessage granted', async () => {
      const granted = await backend.request<SubscriptionConsentList>('POST', '/subscriptions', {
        token,
        body: { templateIds: [STATUS_TEMPLATE, INTERVIEW_TEMPLATE], applicationId: application.id },
      });
      expect(granted.status).toBe(201);
      expect(granted.body.items.map((c) => [c.templateId, c.applicationId])).toEqual([
        [STATUS_TEMPLATE, application.id],
        [INTERVIEW_TEMPLATE, application.id],
      ]);
    });

    it('uses one consent per status change and records what would be sent', async () => {
      await backend.request('POST', `/employer/applications/${application.id}/view`, {
        headers: { 'x-hr-id': String(job.hrId) },
      });
      let sent = await notifications();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        templateId: STATUS_TEMPLATE,
        applicationId: application.id,
        status: 'viewed',
        page: `subpackages/applications/pages/detail/index?id=${application.id}`,
      });
      expect(sent[0].data.keyword1.value).toBe(application.job.title);
      expect(sent[0].data.keyword3.value).toBe('被查看');

      await backend.request('POST', `/employer/applications/${application.id}/invite`, {
        headers: { 'x-hr-id': String(job.hrId) },
        body: sampleInvitation(),
      });
      sent = await notifications();
      expect(sent).toHaveLength(2);
      expect(sent[1]).toMatchObject({ templateId: INTERVIEW_TEMPLATE, status: 'interview' });
      expect(sent[1].data.keyword3.value).toMatch(/^视频面试：.+，面试官李经理，约30分钟$/);
      expect((await backend.request<SubscriptionConsentList>('GET', '/subscriptions', { token })).body.items).toEqual(
        [],
      );

      // No consent left: the offer changes status but nothing is sent.
      await backend.request('POST', `/employer/applications/${application.id}/offer`, {
        headers: { 'x-hr-id': String(job.hrId) },
        body: offerInput(backend),
      });
      expect(await notifications()).toHaveLength(2);
    });

    it('a general consent serves any application, the offer template fits hires, withdrawals send nothing', async () => {
      await backend.request('POST', '/subscriptions', { token, body: { templateIds: [OFFER_TEMPLATE] } });
      await hireThroughOnboarding(backend, token, application.id, String(job.hrId));
      const sent = await notifications();
      expect(sent[sent.length - 1]).toMatchObject({ templateId: OFFER_TEMPLATE, status: 'hired' });
      expect(sent[sent.length - 1].data.keyword3.value).toBe('已确认入职');

      await backend.request('POST', '/subscriptions', { token, body: { templateIds: [STATUS_TEMPLATE] } });
      const another = (await apply(backend, token, { jobId: jobs[21].id })).body;
      await backend.request('POST', `/applications/${another.id}/withdraw`, { token });
      expect(await notifications()).toHaveLength(sent.length);
      expect(
        (await backend.request<SubscriptionConsentList>('GET', '/subscriptions', { token })).body.items,
      ).toHaveLength(1);
    });

    it('refuses bad consent requests naming the field, and another seeker’s application with 404', async () => {
      const cases: [unknown, string][] = [
        [{ templateIds: [] }, 'templateIds'],
        [{ templateIds: [STATUS_TEMPLATE, INTERVIEW_TEMPLATE, OFFER_TEMPLATE, STATUS_TEMPLATE] }, 'templateIds'],
        [{ templateIds: ['not-a-template'] }, 'templateIds'],
        [{ templateIds: [STATUS_TEMPLATE, STATUS_TEMPLATE] }, 'templateIds'],
        [{ templateIds: STATUS_TEMPLATE }, 'templateIds'],
        [{ templateIds: [STATUS_TEMPLATE], applicationId: 'abc' }, 'applicationId'],
      ];
      for (const [body, field] of cases) {
        const response = await backend.request<ApiErrorBody>('POST', '/subscriptions', { token, body });
        expect(response.status).toBe(400);
        expect(response.body.error.fields?.map((f) => f.path)).toEqual([field]);
      }
      const { accessToken: stranger } = await backend.login('apply-subscribe-stranger');
      const theirs = await backend.request('POST', '/subscriptions', {
        token: stranger,
        body: { templateIds: [STATUS_TEMPLATE], applicationId: application.id },
      });
      expect(theirs.status).toBe(404);
    });
  });

  it('never lets one seeker read, share or withdraw another’s application', async () => {
    const { accessToken: owner } = await backend.login('apply-owner');
    await fillApplyEssentials(backend, owner);
    const created = await apply(backend, owner, { jobId: jobs[30].id });
    const { accessToken: intruder } = await backend.login('apply-intruder');
    const attempts = [
      await backend.request('GET', `/applications/${created.body.id}`, { token: intruder }),
      await backend.request('POST', `/applications/${created.body.id}/share-phone`, { token: intruder }),
      await backend.request('POST', `/applications/${created.body.id}/withdraw`, { token: intruder }),
    ];
    expect(attempts.map((a) => a.status)).toEqual([404, 404, 404]);
    const list = await backend.request<CursorPage<ApplicationDetail>>('GET', '/applications', { token: intruder });
    expect(list.body.items).toEqual([]);
    const mine = await backend.request<ApplicationDetail>('GET', `/applications/${created.body.id}`, { token: owner });
    expect(mine.body).toMatchObject({ status: 'submitted', phoneShared: false });
  });
});
