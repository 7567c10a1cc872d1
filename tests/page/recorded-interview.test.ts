import type { EmployerRecordedInterview } from '../../services/contracts/recorded-interviews';
import { createFakeMy } from '../../runtime/harness/fake-my';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';
import { makeReadyToApply, startMockServer } from '../support/mock-server';
import { applyDirect, call, launchSeeker, openJobs, type TestServer } from './applications-support';

/**
 * The recorded interview page, on the runtime model's camera (`my.createCameraContext`): the harness turns
 * each recording into a local file (`rt.fake.camera`); `<camera>`'s events are the page's handlers, tapped.
 */

const ANSWER = 'subpackages/recorded-interview/pages/answer/index';
const CAMERA = 'answer-camera';
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, ...new Array(3000).fill(5)]);

interface AnswerData {
  step: string;
  title: string;
  company: string;
  rules: string[];
  checks: { name: string; state: string; text: string }[];
  deviceReady: boolean;
  practiceRecording: boolean;
  practiceVideo: string;
  question: { index: number; text: string; limits: string } | null;
  notice: string;
  answeredCount: number;
  thinkingLeft: number;
  takeInfo: string;
  canRetake: boolean;
  errorMessage: string;
  doneMessage: string;
}

let server: TestServer;
let rt: Runtime;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 200, seed: 'recorded-page-tests' } });
});
afterAll(() => server.stop());
beforeEach(() => {
  // The page ticks every second while it shows: the tests move time themselves.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'Date', 'hrtime', 'performance'] });
});
afterEach(() => {
  rt?.dispose();
  jest.useRealTimers();
});

let jobsUsed = 0;

/** A seeker who applied to a job whose HR sent a recorded interview with these questions. */
async function interviewFor(
  token: string,
  questions: { text: string; thinkingSeconds: number; answerSeconds: number }[],
  retakes: number,
) {
  const [job] = await openJobs(server, 1, jobsUsed++);
  await makeReadyToApply(server, token);
  const application = await applyDirect(server, token, job.id);
  const hr = { 'x-hr-id': job.hr.id };
  await call(server, 'PUT', `/employer/jobs/${job.id}/recorded-interview`, {
    headers: hr,
    body: { questions, retakes },
  });
  const sent = await call<EmployerRecordedInterview>(
    server,
    'POST',
    `/employer/applications/${application.id}/recorded-interview`,
    { headers: hr, body: { deadlineDays: 3 } },
  );
  expect(sent.status).toBe(201);
  const asHr = async () =>
    (
      await call<EmployerRecordedInterview>(
        server,
        'GET',
        `/employer/applications/${application.id}/recorded-interview`,
        { headers: hr },
      )
    ).body;
  return { interview: sent.body, application, asHr };
}

const second = async () => {
  jest.advanceTimersByTime(1000);
  await rt.flush();
};

describe('recorded interview page', () => {
  it('shows the rules, checks the device with a practice take, then asks, records, retakes and uploads each answer', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    rt.fake.camera.setVideo({ seconds: 4, bytes: WEBM });
    const { interview, application, asHr } = await interviewFor(
      seeker.token,
      [
        { text: '请用一分钟介绍你自己', thinkingSeconds: 2, answerSeconds: 60 },
        { text: '你最大的优点是什么？', thinkingSeconds: 5, answerSeconds: 90 },
      ],
      1,
    );

    // The entry on the application's page.
    const detail = rt.mountPage<{ recordedInvite: { id: string; text: string; action: string } | null }>(
      'subpackages/applications/pages/detail/index',
      { id: application.id },
    );
    await rt.flush();
    expect(detail.data.recordedInvite).toMatchObject({ id: interview.id, action: '去作答' });
    expect(detail.data.recordedInvite?.text).toMatch(/^待作答 · 还剩2题 · .+截止$/);

    const page = rt.mountPage<AnswerData>(ANSWER, { id: interview.id });
    await rt.flush();
    expect(page.data.step).toBe('rules');
    // The job title alone on its line, the company under it.
    expect(page.data).toMatchObject({ title: interview.jobTitle, company: interview.companyName });
    expect(page.data.rules).toContain('每题最多可以重录1次；录完可以先回看，满意后再提交');

    page.tap('onStartCheck');
    await rt.flush();
    expect(page.data.step).toBe('check');
    expect(page.data.checks).toEqual([
      { name: '摄像头和麦克风', state: 'pending', text: '检测中…' },
      { name: '存储空间', state: 'ok', text: '充足' },
    ]);
    expect(page.data.deviceReady).toBe(false);
    page.tap('onCameraReady');
    await rt.flush();
    expect(page.data.deviceReady).toBe(true);

    // The practice take plays back here and is never uploaded.
    page.tap('onPracticeTap');
    await rt.flush();
    expect(page.data.practiceRecording).toBe(true);
    page.tap('onPracticeTap');
    await rt.flush();
    expect(page.data.practiceRecording).toBe(false);
    expect(page.data.practiceVideo).toMatch(/^temp:\/\/video-\d+\.mp4$/);
    expect(rt.fake.camera.recordings[0]).toMatchObject({ ended: 'stopped' });
    expect(rt.fake.uploads).toHaveLength(0);

    page.tap('onBegin');
    await rt.flush();
    expect(page.data).toMatchObject({
      step: 'thinking',
      thinkingLeft: 2,
      question: { index: 1, text: '请用一分钟介绍你自己', limits: '思考2秒 · 最长回答1分钟' },
    });
    await second();
    expect(page.data.thinkingLeft).toBe(1);
    await second();
    expect(page.data.step).toBe('recording');
    expect(rt.fake.camera.recordings.at(-1)).toEqual({ cameraId: CAMERA });

    page.tap('onStopRecording');
    await rt.flush();
    expect(page.data).toMatchObject({ step: 'preview', canRetake: true, takeInfo: '时长 4秒 · 还可以重录1次' });
    page.tap('onRetake');
    await rt.flush();
    expect(page.data.step).toBe('recording');
    page.tap('onStopRecording');
    await rt.flush();
    expect(page.data).toMatchObject({ step: 'preview', canRetake: false, takeInfo: '时长 4秒 · 重录次数已用完' });

    page.tap('onUpload');
    await rt.flush();
    expect(rt.fake.uploads).toHaveLength(1);
    expect(rt.fake.uploads[0]).toMatchObject({ name: 'file', formData: { durationMs: '4000' }, status: 200 });
    expect(rt.fake.uploads[0].progress).toEqual([50, 100]);
    expect(new URL(rt.fake.uploads[0].url).pathname).toBe(
      `/recorded-interviews/${interview.id}/questions/${interview.questions[0].id}/takes/2/video`,
    );

    // The next question's thinking time opens with word that the first answer went in.
    expect(page.data).toMatchObject({ step: 'thinking', question: { index: 2 }, notice: '第1题已提交' });
    page.tap('onRecordNow');
    await rt.flush();
    // Recording stops at the time limit.
    expect(page.data).toMatchObject({ step: 'recording', question: { index: 2 }, notice: '' });
    rt.fake.camera.setVideo({ seconds: 90 });
    rt.fake.camera.timeOut(CAMERA);
    await rt.flush();
    expect(page.data.step).toBe('preview');
    page.tap('onUpload');
    await rt.flush();
    expect(page.data.step).toBe('done');
    expect(page.data.doneMessage).toBe('2道题已全部提交，HR查看后会在消息里联系你');

    const seen = await asHr();
    expect(seen.status).toBe('completed');
    expect(seen.questions.map((q) => [q.takesUsed, q.answer?.durationMs])).toEqual([
      [2, 4000],
      [1, 90000],
    ]);
  });

  it('drops a take the background interrupts without spending a retake, and after a restart uploads the unfinished answer, never asking an answered question again', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    rt.fake.camera.setVideo({ bytes: WEBM });
    const { interview, asHr } = await interviewFor(
      seeker.token,
      [
        { text: '第一题', thinkingSeconds: 0, answerSeconds: 30 },
        { text: '第二题', thinkingSeconds: 0, answerSeconds: 30 },
        { text: '第三题', thinkingSeconds: 0, answerSeconds: 30 },
      ],
      0,
    );
    const page = rt.mountPage<AnswerData>(ANSWER, { id: interview.id });
    await rt.flush();
    page.tap('onStartCheck');
    page.tap('onCameraReady');
    await rt.flush();
    page.tap('onBegin');
    await rt.flush();
    expect(page.data.step).toBe('recording');
    expect((await asHr()).questions[0].takesUsed).toBe(1);

    // To the background mid-answer: the runtime model stops the camera (the take is thrown away, onStop fires).
    rt.enterBackground();
    await rt.flush();
    expect(rt.fake.camera.recordings.at(-1)).toEqual({ cameraId: CAMERA, ended: 'interrupted' });
    expect(page.data.step).toBe('ready');
    expect(page.data.notice).toBe('录制被中断（App切到了后台），这次不计入重录次数，请重新录制');
    expect((await asHr()).questions[0].takesUsed).toBe(0);
    rt.enterForeground();
    await rt.flush();

    // With no retakes allowed, the question can still be recorded: the interrupted take did not count.
    page.tap('onRecordNow');
    await rt.flush();
    page.tap('onStopRecording');
    await rt.flush();
    expect(page.data).toMatchObject({ step: 'preview', canRetake: false });
    page.tap('onUpload');
    await rt.flush();
    expect(page.data.question?.index).toBe(2);

    page.tap('onRecordNow');
    await rt.flush();
    page.tap('onStopRecording');
    await rt.flush();
    rt.fake.setOffline(true);
    page.tap('onUpload');
    await rt.flush();
    expect(page.data.step).toBe('upload-failed');
    expect(page.data.errorMessage).toBe('网络不给力，上传失败，请稍后重试');
    const recordedPath = rt.fake.uploads.at(-1)?.filePath as string;

    // The app is closed and opened again: the same device storage and files, a new runtime.
    const storage = Object.fromEntries(rt.fake.storage.keys().map((key) => [key, rt.fake.storage.get(key)]));
    rt.dispose();
    jest.resetModules();
    rt = createRuntime({
      my: createFakeMy({ authUser: seeker.user, storage }),
      globals: { __API_BASE_URL__: server.url },
    });
    rt.fake.addFile({ path: recordedPath, bytes: WEBM });
    rt.mountApp();
    await rt.flush();
    const reopened = rt.mountPage<AnswerData>(ANSWER, { id: interview.id });
    await rt.flush();
    expect(rt.fake.uploads.map((u) => u.filePath)).toEqual([recordedPath]);
    expect(rt.fake.uploads[0].status).toBe(200);
    // The camera comes up again; questions 1 and 2 are done: the third is the one asked.
    expect(reopened.data).toMatchObject({ step: 'check', answeredCount: 2, question: null });
    reopened.tap('onCameraReady');
    await rt.flush();
    reopened.tap('onBegin');
    await rt.flush();
    expect(reopened.data).toMatchObject({ step: 'recording', question: { index: 3, text: '第三题' } });
    const seen = await asHr();
    expect(seen.questions.map((q) => q.answer !== null)).toEqual([true, true, false]);
  });

  it('says why an answer is refused after the deadline and keeps nothing pending', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    rt.fake.camera.setVideo({ bytes: WEBM });
    const { interview } = await interviewFor(
      seeker.token,
      [{ text: '唯一的题', thinkingSeconds: 0, answerSeconds: 30 }],
      0,
    );
    const page = rt.mountPage<AnswerData>(ANSWER, { id: interview.id });
    await rt.flush();
    page.tap('onStartCheck');
    page.tap('onCameraReady');
    await rt.flush();
    page.tap('onBegin');
    await rt.flush();
    page.tap('onStopRecording');
    await rt.flush();
    await call(server, 'POST', '/__admin/autopilot/tick', { body: { minutes: 3 * 24 * 60 + 1 } });
    page.tap('onUpload');
    await rt.flush();
    expect(page.data.step).toBe('closed');
    expect(page.data.notice).toMatch(/^录制面试已于.+截止，无法再作答$/);
    expect(rt.fake.storage.keys().filter((key) => key.startsWith('recorded-interview.'))).toEqual([]);
  });
});
