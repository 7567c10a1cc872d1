import fs from 'node:fs';
import path from 'node:path';
import type { ApplicationDetail } from '../../services/contracts/applications';
import type { ApiErrorBody } from '../../services/contracts/errors';
import {
  ANSWER_VIDEO_MAX_BYTES,
  type EmployerRecordedInterview,
  type RecordedInterview,
  type RecordedInterviewList,
  type RecordedQuestionSet,
  type RecordedTake,
} from '../../services/contracts/recorded-interviews';
import type { EmployerSession } from '../../services/contracts/employer';
import type { EmployerServerEvent } from '../../services/contracts/realtime';
import { connectRealtime, startTestBackend, type ApiResponse, type TestBackend } from './mock-fixture';
import { apply, fillApplyEssentials, openJobs, PDF_BYTES, type OpenJob } from './mock-resume-helpers';

/** The EBML header MediaRecorder's WebM starts with, then filler. */
const WEBM_BYTES = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, ...new Array(2000).fill(3)]);
/** An MP4 as phones record it: a `ftyp` box first. */
const MP4_BYTES = new Uint8Array(
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(500, 2)]),
);

const QUESTIONS = [
  { text: '请用一分钟介绍一下你自己', thinkingSeconds: 30, answerSeconds: 60 },
  { text: '你为什么想做这份工作？', thinkingSeconds: 20, answerSeconds: 90 },
];

describe('mock backend: the recorded video interview', () => {
  let backend: TestBackend;
  let job: OpenJob;
  const answersDir = () => path.join(path.dirname(backend.server.dbPath), 'recorded-answers');
  const storedFiles = () =>
    fs.existsSync(answersDir()) ? fs.readdirSync(answersDir()).filter((name) => name !== 'incoming') : [];
  const incomingFiles = () =>
    fs.existsSync(path.join(answersDir(), 'incoming')) ? fs.readdirSync(path.join(answersDir(), 'incoming')) : [];

  beforeAll(async () => {
    backend = await startTestBackend();
    [job] = openJobs(backend, 1);
  });
  afterAll(() => backend.close());

  const asHr = <T>(method: string, urlPath: string, body?: unknown, hrId = job.hrId) =>
    backend.request<T>(method, urlPath, { body, headers: { 'x-hr-id': String(hrId) } });

  let seekers = 0;
  async function applicant(jobId = job.id) {
    const { accessToken } = await backend.login(`recorded-${++seekers}`);
    await fillApplyEssentials(backend, accessToken);
    const created = await apply(backend, accessToken, { jobId });
    expect(created.status).toBe(201);
    return { token: accessToken, application: created.body as ApplicationDetail };
  }

  async function sendTo(applicationId: string, deadlineDays = 3) {
    const sent = await asHr<EmployerRecordedInterview>(
      'POST',
      `/employer/applications/${applicationId}/recorded-interview`,
      { deadlineDays },
    );
    expect(sent.status).toBe(201);
    return sent.body;
  }

  async function uploadVideo<T>(
    token: string,
    urlPath: string,
    bytes: Uint8Array,
    fields: Record<string, string> = { durationMs: '4200' },
  ): Promise<ApiResponse<T>> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([bytes], { type: 'video/webm' }), 'answer.webm');
    const response = await fetch(backend.url + urlPath, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  const takePath = (interview: { id: string }, questionId: string) =>
    `/recorded-interviews/${interview.id}/questions/${questionId}/takes`;

  async function startTake(token: string, interview: { id: string }, questionId: string) {
    return backend.request<RecordedTake & ApiErrorBody>('POST', takePath(interview, questionId), { token });
  }

  it('lets the HR set up to 5 questions per job, with limits named per field', async () => {
    const empty = await asHr<RecordedQuestionSet>('GET', `/employer/jobs/${job.id}/recorded-interview`);
    expect(empty.body).toEqual({ jobId: job.id, questions: [], retakes: 1, updatedAt: null });

    const bad = await asHr<ApiErrorBody>('PUT', `/employer/jobs/${job.id}/recorded-interview`, {
      questions: [{ text: '', thinkingSeconds: 61, answerSeconds: 181 }],
      retakes: 3,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'questions.0.text', message: '请填写题目' },
        { path: 'questions.0.thinkingSeconds', message: '思考时间为0–60秒' },
        { path: 'questions.0.answerSeconds', message: '回答时长为15秒到3分钟' },
        { path: 'retakes', message: '重录次数为0–2次' },
      ]),
    );
    const six = await asHr<ApiErrorBody>('PUT', `/employer/jobs/${job.id}/recorded-interview`, {
      questions: new Array(6).fill(QUESTIONS[0]),
      retakes: 1,
    });
    expect(six.body.error.fields).toEqual([{ path: 'questions', message: '请设置1–5道题目' }]);

    const saved = await asHr<RecordedQuestionSet>('PUT', `/employer/jobs/${job.id}/recorded-interview`, {
      questions: QUESTIONS,
      retakes: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ questions: QUESTIONS, retakes: 1, updatedAt: expect.any(String) });

    const foreignHr = backend.server.db
      .prepare('SELECT id FROM hrs WHERE company_id != ? LIMIT 1')
      .pluck()
      .get(job.companyId) as number;
    const foreign = await asHr('GET', `/employer/jobs/${job.id}/recorded-interview`, undefined, foreignHr);
    expect(foreign.status).toBe(404);
  });

  it('sends the interview to an applicant: 面试 with the HR message, once', async () => {
    const { token, application } = await applicant();
    const before = await asHr('GET', `/employer/applications/${application.id}/recorded-interview`);
    expect([before.status, before.body]).toEqual([200, null]);
    const sent = await sendTo(application.id);
    expect(sent).toMatchObject({
      applicationId: application.id,
      status: 'pending',
      retakes: 1,
      questions: [
        { index: 1, text: QUESTIONS[0].text, takesUsed: 0, answer: null, videoUrl: null, rating: null },
        { index: 2, text: QUESTIONS[1].text },
      ],
    });
    const seen = await backend.request<ApplicationDetail>('GET', `/applications/${application.id}`, { token });
    expect(seen.body.status).toBe('interview');
    const messages = await backend.request<{ items: { text: string }[] }>(
      'GET',
      `/conversations/${application.conversationId}/messages`,
      { token },
    );
    expect(messages.body.items.map((m) => m.text).join()).toContain('邀请你参加视频面试（2道题）');
    const again = await asHr<ApiErrorBody>('POST', `/employer/applications/${application.id}/recorded-interview`, {
      deadlineDays: 3,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('已向这位求职者发送过视频面试');
    const list = await backend.request<RecordedInterviewList>('GET', '/recorded-interviews', { token });
    expect(list.body.items.map((i) => i.id)).toEqual([sent.id]);
  });

  it('takes answers streamed to disk, completes with the last, and lets the HR play and rate them', async () => {
    const { token, application } = await applicant();
    const sent = await sendTo(application.id);
    const [q1, q2] = sent.questions;
    const session = await backend.request<EmployerSession>('POST', '/employer/session', {
      body: { hrId: String(job.hrId) },
    });
    const hrSocket = connectRealtime<EmployerServerEvent>(backend.url, session.body.token, '/ws/employer');
    await hrSocket.next('hello');

    const take = await startTake(token, sent, q1.id);
    expect(take.status).toBe(201);
    expect(take.body).toEqual({ take: 1, retakesLeft: 1 });
    const first = await uploadVideo<RecordedInterview>(token, `${takePath(sent, q1.id)}/1/video`, WEBM_BYTES);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('pending');
    expect(first.body.questions[0].answer).toEqual({
      uploadedAt: expect.any(String),
      durationMs: 4200,
      sizeBytes: WEBM_BYTES.length,
      mimeType: 'video/webm',
    });

    const pushed = await hrSocket.next('recorded-interview.updated');
    expect(pushed).toMatchObject({ applicationId: application.id, interview: { id: sent.id, status: 'pending' } });
    expect(pushed.interview.questions[0].videoUrl).toMatch(/\/video$/);
    hrSocket.close();
    // Signing in turned this HR's autopilot off; the autopilot test below needs it on.
    await backend.request('PUT', '/employer/autopilot', {
      token: session.body.token,
      body: { enabled: true },
    });

    expect((await startTake(token, sent, q2.id)).body.take).toBe(1);
    const last = await uploadVideo<RecordedInterview>(token, `${takePath(sent, q2.id)}/1/video`, MP4_BYTES, {
      durationMs: '61000',
    });
    expect(last.body).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect(last.body.questions[1].answer?.mimeType).toBe('video/mp4');

    const review = await asHr<EmployerRecordedInterview>(
      'GET',
      `/employer/applications/${application.id}/recorded-interview`,
    );
    expect(review.body.status).toBe('completed');
    const videoUrl = review.body.questions[0].videoUrl as string;
    const video = await fetch(backend.url + videoUrl, { headers: { 'x-hr-id': String(job.hrId) } });
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('video/webm');
    expect(new Uint8Array(await video.arrayBuffer())).toEqual(WEBM_BYTES);
    const ranged = await fetch(backend.url + videoUrl, {
      headers: { 'x-hr-id': String(job.hrId), range: 'bytes=0-3' },
    });
    expect(ranged.status).toBe(206);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(WEBM_BYTES.slice(0, 4));

    const rated = await asHr<EmployerRecordedInterview>(
      'PUT',
      `/employer/recorded-interviews/${sent.id}/questions/${q1.id}/rating`,
      { rating: 4 },
    );
    expect(rated.body.questions[0].rating).toBe(4);
    const badRating = await asHr<ApiErrorBody>(
      'PUT',
      `/employer/recorded-interviews/${sent.id}/questions/${q1.id}/rating`,
      { rating: 6 },
    );
    expect(badRating.body.error.fields).toEqual([{ path: 'rating', message: '评分为1–5分' }]);
    expect(incomingFiles()).toEqual([]);
  });

  it('refuses wrong types, more takes than allowed, answered questions, after the deadline, others: nothing stored', async () => {
    const { token, application } = await applicant();
    const sent = await sendTo(application.id, 1);
    const [q1, q2] = sent.questions;
    const before = storedFiles();

    expect((await startTake(token, sent, q1.id)).body.take).toBe(1);
    const pdf = await uploadVideo<ApiErrorBody>(token, `${takePath(sent, q1.id)}/1/video`, PDF_BYTES);
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.fields).toEqual([
      { path: 'file', message: '视频格式不支持，请重新录制（支持MP4、MOV、WebM）' },
    ]);
    const noDuration = await uploadVideo<ApiErrorBody>(token, `${takePath(sent, q1.id)}/1/video`, WEBM_BYTES, {});
    expect(noDuration.body.error.fields).toEqual([{ path: 'durationMs', message: '视频时长不正确，请重新录制' }]);

    // The retake allowed, then no more.
    expect((await startTake(token, sent, q1.id)).body).toEqual({ take: 2, retakesLeft: 0 });
    const stale = await uploadVideo<ApiErrorBody>(token, `${takePath(sent, q1.id)}/1/video`, WEBM_BYTES);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe('已经重录过这道题，只能上传最新的一次');
    const third = await startTake(token, sent, q1.id);
    expect(third.status).toBe(409);
    expect(third.body.error.message).toBe('这道题最多重录1次，已用完');

    // Someone else's interview does not exist for this seeker.
    const other = await backend.login('recorded-intruder');
    expect((await startTake(other.accessToken, sent, q2.id)).status).toBe(404);
    const intruder = await uploadVideo<ApiErrorBody>(other.accessToken, `${takePath(sent, q2.id)}/1/video`, WEBM_BYTES);
    expect(intruder.status).toBe(404);
    expect((await backend.request('GET', `/recorded-interviews/${sent.id}`, { token: other.accessToken })).status).toBe(
      404,
    );

    expect((await uploadVideo(token, `${takePath(sent, q1.id)}/2/video`, WEBM_BYTES)).status).toBe(200);
    const answered = await startTake(token, sent, q1.id);
    expect(answered.status).toBe(409);
    expect(answered.body.error.message).toBe('这道题已经回答过了');

    expect((await startTake(token, sent, q2.id)).status).toBe(201);
    await backend.request('POST', '/__admin/autopilot/tick', { body: { minutes: 24 * 60 + 1 } });
    const late = await uploadVideo<ApiErrorBody>(token, `${takePath(sent, q2.id)}/1/video`, WEBM_BYTES);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^录制面试已于.+截止，无法再作答$/);
    // Refused before the body is read: a large answer still gets the reason, not a reset connection.
    const big = new Uint8Array(30 * 1024 * 1024);
    big.set(WEBM_BYTES.slice(0, 9));
    const lateBig = await uploadVideo<ApiErrorBody>(token, `${takePath(sent, q2.id)}/1/video`, big);
    expect(lateBig.status).toBe(409);
    const seen = await backend.request<RecordedInterview>('GET', `/recorded-interviews/${sent.id}`, { token });
    expect(seen.body.status).toBe('expired');
    expect(seen.body.questions[1].answer).toBeNull();

    expect(storedFiles().length).toBe(before.length + 1);
    expect(incomingFiles()).toEqual([]);
  });

  it('refuses answers once the application ended (withdrawn), saying why', async () => {
    const { token, application } = await applicant();
    const sent = await sendTo(application.id);
    expect((await backend.request('POST', `/applications/${application.id}/withdraw`, { token })).status).toBe(200);
    const refused = await startTake(token, sent, sent.questions[0].id);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      reason: 'application_ended',
      message: '这份投递已结束（你已撤回本次投递），无需再作答',
    });
  });

  it('keeps no video file when storing the answer fails', async () => {
    const { token, application } = await applicant();
    const sent = await sendTo(application.id);
    const question = sent.questions[0];
    expect((await startTake(token, sent, question.id)).status).toBe(201);
    const before = storedFiles();
    const { db } = backend.server;
    db.exec(`CREATE TEMP TRIGGER fail_answer_write BEFORE UPDATE OF storage_name ON recorded_questions
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const failed = await uploadVideo(token, `${takePath(sent, question.id)}/1/video`, WEBM_BYTES);
      expect(failed.status).toBe(500);
    } finally {
      db.exec('DROP TRIGGER fail_answer_write');
    }
    expect(storedFiles()).toEqual(before);
    expect(incomingFiles()).toEqual([]);
    // The same take goes through once the database takes writes again.
    const saved = await uploadVideo<RecordedInterview>(token, `${takePath(sent, question.id)}/1/video`, WEBM_BYTES);
    expect(saved.status).toBe(200);
    expect(storedFiles().length).toBe(before.length + 1);
  });

  it('gives back a take interrupted by the app going to the background', async () => {
    const { token, application } = await applicant();
    const sent = await sendTo(application.id);
    const q1 = sent.questions[0];
    expect((await startTake(token, sent, q1.id)).body.take).toBe(1);
    expect((await startTake(token, sent, q1.id)).body.take).toBe(2);
    const interrupted = await backend.request<RecordedTake>('POST', `${takePath(sent, q1.id)}/2/interrupted`, {
      token,
    });
    expect(interrupted.body).toEqual({ take: 1, retakesLeft: 1 });
    expect((await startTake(token, sent, q1.id)).body).toEqual({ take: 2, retakesLeft: 0 });

    // A take that ended long ago (its answer time and more) cannot be given back: no endless retakes.
    backend.server.db
      .prepare('UPDATE recorded_questions SET take_started_at = ? WHERE id = ?')
      .run(Date.now() - (q1.answerSeconds + 31) * 1000, Number(q1.id));
    const late = await backend.request<ApiErrorBody>('POST', `${takePath(sent, q1.id)}/2/interrupted`, { token });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('这次录制已结束，不能再放弃');
  });

  it('refuses a video over 100 MB while it streams, keeping nothing', async () => {
    const { token, application } = await applicant();
    const sent = await sendTo(application.id);
    const q1 = sent.questions[0];
    await startTake(token, sent, q1.id);
    const before = storedFiles();
    const big = new Uint8Array(ANSWER_VIDEO_MAX_BYTES + 1024);
    big.set(WEBM_BYTES.slice(0, 9));
    const answer = await uploadVideo<ApiErrorBody>(token, `${takePath(sent, q1.id)}/1/video`, big);
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toBe('视频不能超过100MB，请缩短回答后重新录制');
    expect(storedFiles()).toEqual(before);
    expect(incomingFiles()).toEqual([]);
    const seen = await backend.request<RecordedInterview>('GET', `/recorded-interviews/${sent.id}`, { token });
    expect(seen.body.questions[0].answer).toBeNull();
  });

  it('has the autopilot review a finished interview for an HR on autopilot and move the application on', async () => {
    const { token, application } = await applicant();
    const sent = await sendTo(application.id);
    for (const question of sent.questions) {
      const { body } = await startTake(token, sent, question.id);
      await uploadVideo(token, `${takePath(sent, question.id)}/${body.take}/video`, WEBM_BYTES);
    }
    await backend.request('POST', '/__admin/autopilot/tick', { body: { minutes: 60 } });
    const early = await asHr<EmployerRecordedInterview>(
      'GET',
      `/employer/applications/${application.id}/recorded-interview`,
    );
    expect(early.body.reviewedAt).toBeNull();
    await backend.request('POST', '/__admin/autopilot/tick', { body: { minutes: 61 } });
    const reviewed = await asHr<EmployerRecordedInterview>(
      'GET',
      `/employer/applications/${application.id}/recorded-interview`,
    );
    expect(reviewed.body.reviewedAt).not.toBeNull();
    const ratings = reviewed.body.questions.map((q) => q.rating as number);
    ratings.forEach((rating) => expect(rating).toBeGreaterThanOrEqual(1));
    const detail = await backend.request<ApplicationDetail>('GET', `/applications/${application.id}`, { token });
    const average = ratings.reduce((a, b) => a + b, 0) / ratings.length;
    expect(detail.body.status).toBe(average >= 3.5 ? 'offer' : 'rejected');
  });
});
