import type { ApplicationDetail } from '../../services/contracts/applications';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { Resume } from '../../services/contracts/resume';
import { startTestBackend, type TestBackend } from './mock-fixture';
import { apply, BASIC, loginReadyToApply, openJobs } from './mock-resume-helpers';

/** Text fields refuse what is not text with a field error, and store nothing of it. */
describe('text fields through the real server', () => {
  let backend: TestBackend;
  let token: string;

  beforeAll(async () => {
    backend = await startTestBackend();
    token = (await loginReadyToApply(backend, 'text-fields')).accessToken;
  });
  afterAll(() => backend.close());

  const fieldsOf = (body: unknown) => (body as ApiErrorBody).error.fields;

  it('refuses a greeting with a control character or a lone surrogate; applies with an emoji family', async () => {
    const [job, other] = openJobs(backend, 2);
    const bell = await apply<ApiErrorBody>(backend, token, { jobId: job.id, greeting: '您好\u0007，期待回复' });
    expect(bell.status).toBe(400);
    expect(fieldsOf(bell.body)).toEqual([{ path: 'greeting', message: '打招呼内容包含无法识别的字符' }]);
    // JSON.stringify writes a lone surrogate as \ud800, which the server parses back to one.
    const broken = await apply<ApiErrorBody>(backend, token, { jobId: job.id, greeting: '您好\ud800' });
    expect(broken.status).toBe(400);
    expect(fieldsOf(broken.body)).toEqual([{ path: 'greeting', message: '打招呼内容包含无法识别的字符' }]);
    const family = await apply<ApplicationDetail>(backend, token, { jobId: other.id, greeting: '一家人👨‍👩‍👧都支持我' });
    expect(family.status).toBe(201);
    expect(family.body.greeting).toBe('一家人👨‍👩‍👧都支持我');
  });

  it('refuses a report with a control character', async () => {
    const [job] = openJobs(backend, 1, 5);
    const response = await backend.request<ApiErrorBody>('POST', `/jobs/${job.id}/reports`, {
      token,
      body: { reason: 'other', text: '要求先交\u001b押金' },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ path: 'text', message: '举报说明包含无法识别的字符' }]);
  });

  it('refuses an HR message with a control character', async () => {
    const [job] = openJobs(backend, 1, 8);
    const created = await apply<ApplicationDetail>(backend, token, { jobId: job.id });
    expect(created.status).toBe(201);
    const response = await backend.request<ApiErrorBody>(
      'POST',
      `/employer/conversations/${created.body.conversationId}/messages`,
      { headers: { 'x-hr-id': String(job.hrId) }, body: { text: '明天\u0000面试' } },
    );
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ path: 'text', message: '消息内容包含无法识别的字符' }]);
  });

  it('refuses a name that is only a zero-width space and keeps the stored one', async () => {
    const response = await backend.request<ApiErrorBody>('PUT', '/resume/basic', {
      token,
      body: { ...BASIC, name: '\u200B' },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual([{ path: 'name', message: '姓名不能只有看不见的字符' }]);
    const stored = await backend.request<Resume>('GET', '/resume', { token });
    expect(stored.body.basic?.name).toBe(BASIC.name);
  });
});
