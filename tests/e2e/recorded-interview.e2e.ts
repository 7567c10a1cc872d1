/**
 * The recorded video interview from the HR's side: the HR sets the job's questions in the console and sends
 * them to an applicant; the answers are real WebM videos recorded with MediaRecorder from headless
 * Chromium's fake camera and uploaded as `my.uploadFile` sends them; the console plays each answer to the
 * end (duration > 0), rates it and sends the offer. Screenshots: artifacts/e2e/recorded-interview/.
 */
import type { TokenPair } from '../../services/contracts/auth';
import type {
  RecordedInterview,
  RecordedInterviewList,
  RecordedTake,
} from '../../services/contracts/recorded-interviews';
import { makeReadyToApply } from '../support/mock-server';
import { ConsoleApp } from './support/console-app';
import { FAKE_CAMERA_ARGS, publishJobsIn, SimApp, startStack, type PublishedJob, type Stack } from './support/stack';

const SEEKER = 'e2e-recorded';
const SEEKER_NAME = '韩梅梅';
const QUESTIONS = ['请用一分钟介绍你自己', '说一次你解决难题的经历'];

let stack: Stack;
let hr: ConsoleApp;
let job: PublishedJob;
let hrInfo: { id: number; name: string; company: string };
let seekerToken: string;
let applicationId: string;

beforeAll(async () => {
  stack = await startStack({ chromiumArgs: FAKE_CAMERA_ARGS });
  [job] = publishJobsIn(stack.mock, {
    titleLike: '前端',
    cityCode: '330100',
    district: '西湖区',
    salaries: [[12_000, 16_000]],
  });
  hrInfo = stack.mock.db
    .prepare(
      `SELECT h.id, h.name, co.name AS company FROM jobs j JOIN hrs h ON h.id = j.hr_id
       JOIN companies co ON co.id = j.company_id WHERE j.id = ?`,
    )
    .get(Number(job.id)) as typeof hrInfo;
  const login = await fetch(`${stack.mock.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authCode: `u_${SEEKER}.setup${Date.now().toString(36)}` }),
  });
  seekerToken = ((await login.json()) as TokenPair).accessToken;
  await makeReadyToApply(stack.mock, seekerToken, { name: SEEKER_NAME, gender: 'female' });
  const applied = await seeker(
    'POST',
    '/applications',
    { jobId: job.id },
    { 'idempotency-key': `e2e-recorded-${Date.now()}` },
  );
  applicationId = ((await applied.json()) as { id: string }).id;
  hr = await ConsoleApp.open(stack, 'recorded-interview');
});

afterAll(async () => {
  await hr?.close();
  await stack?.stop();
});

function seeker(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stack.mock.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${seekerToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Records `ms` of the fake camera and microphone with MediaRecorder in a page of the journey's browser. */
async function recordWebm(ms: number): Promise<Buffer> {
  const context = await stack.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${stack.mock.url}/console/`);
    // Runs in the page (DOM code, given as text: this file is type-checked against Node's libs).
    const base64 = (await page.evaluate(`(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
      const chunks = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start();
      await new Promise((resolve) => setTimeout(resolve, ${ms}));
      recorder.stop();
      await stopped;
      stream.getTracks().forEach((track) => track.stop());
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    })()`)) as string;
    return Buffer.from(base64, 'base64');
  } finally {
    await context.close();
  }
}

describe('the recorded video interview in the console', () => {
  it('sets the job’s questions and sends them to the applicant', async () => {
    await hr.step('登录并选择投递', async () => {
      await hr.signIn(hrInfo.name, hrInfo.company);
      await hr.page.locator('.application-row', { hasText: SEEKER_NAME }).click();
      await hr.page.locator('.candidate-name', { hasText: SEEKER_NAME }).waitFor();
      await hr.page.locator('[data-pane="recorded-interview"]').getByText('还没有题目').waitFor();
    });
    await hr.step('设置题目', async () => {
      const pane = hr.page.locator('[data-pane="recorded-interview"]');
      await pane.getByRole('button', { name: '设置题目' }).click();
      const dialog = hr.page.locator('.ant-modal', { hasText: '视频面试题目' });
      await dialog.waitFor();
      await dialog.locator('textarea').first().fill(QUESTIONS[0]);
      await dialog.getByRole('button', { name: /添加一题/ }).click();
      await dialog.locator('textarea').nth(1).fill(QUESTIONS[1]);
    });
    await hr.step('题目已保存', async () => {
      await hr.page
        .locator('.ant-modal')
        .getByRole('button', { name: /保\s*存/ })
        .click();
      await hr.page.locator('.ant-modal').waitFor({ state: 'detached' });
      await hr.page.locator('.recorded-questions li', { hasText: QUESTIONS[1] }).waitFor();
    });
    await hr.step('发送视频面试', async () => {
      await hr.page.locator('[data-pane="recorded-interview"]').getByRole('button', { name: '发送视频面试' }).click();
      await hr.page.locator('.recorded-answer', { hasText: QUESTIONS[0] }).getByText('等待求职者作答').waitFor();
      await hr.page.locator('.candidate-head .status-tag', { hasText: '面试' }).waitFor();
    });
  });

  it('the applicant finds it on the application and reads the rules in the simulator', async () => {
    const seeker = await SimApp.open(stack, 'recorded-interview-seeker', {
      authUser: SEEKER,
      launch: `packages/applications/pages/detail/index?id=${applicationId}`,
    });
    try {
      await seeker.step('投递详情：视频面试入口', async () => {
        await seeker.waitForRoute('packages/applications/pages/detail/index');
        await seeker.frame().locator('.recorded-invite', { hasText: '去作答' }).waitFor();
        expect(await seeker.frame().locator('.recorded-invite-status').innerText()).toMatch(/^待作答 · 还剩2题 · /);
      });
      await seeker.step('视频面试须知', async () => {
        await seeker.frame().locator('.recorded-invite').click();
        await seeker.waitForRoute('packages/recorded-interview/pages/answer/index');
        await seeker.frame().locator('.rule', { hasText: '每题最多可以重录1次' }).waitFor();
        expect(await seeker.frame().locator('.header-meta').innerText()).toMatch(/^共2题 · .+前完成$/);
      });
    } finally {
      await seeker.close();
    }
  });

  it('the applicant answers every question with video from the fake camera', async () => {
    const list = (await (await seeker('GET', '/recorded-interviews')).json()) as RecordedInterviewList;
    const [interview] = list.items;
    expect(interview.questions.map((q) => q.text)).toEqual(QUESTIONS);
    let latest: RecordedInterview = interview;
    for (const question of interview.questions) {
      const takes = `/recorded-interviews/${interview.id}/questions/${question.id}/takes`;
      const { take } = (await (await seeker('POST', takes)).json()) as RecordedTake;
      const video = await recordWebm(1500);
      const form = new FormData();
      form.append('durationMs', '1500');
      form.append('file', new Blob([new Uint8Array(video)], { type: 'video/webm' }), 'answer.webm');
      const answer = await fetch(`${stack.mock.url}${takes}/${take}/video`, {
        method: 'POST',
        headers: { authorization: `Bearer ${seekerToken}` },
        body: form,
      });
      expect(answer.status).toBe(200);
      latest = (await answer.json()) as RecordedInterview;
    }
    expect(latest.status).toBe('completed');
    expect(latest.questions.every((q) => q.answer?.mimeType === 'video/webm')).toBe(true);
  });

  it('plays each answer to the end, rates it and sends the offer', async () => {
    const pane = hr.page.locator('[data-pane="recorded-interview"]');
    await hr.step('回答实时到达', async () => {
      // Pushed over the console's socket as each answer arrived: no reload.
      await pane.locator('.ant-tag', { hasText: '已完成' }).waitFor();
      expect(await pane.locator('video.recorded-video').count()).toBe(QUESTIONS.length);
    });
    for (const [index] of QUESTIONS.entries()) {
      await hr.step(`播放第${index + 1}题回答`, async () => {
        const video = pane.locator(`video[data-question="${index + 1}"]`);
        await video.scrollIntoViewIfNeeded();
        // Before playing: the player knows the length (MediaRecorder's WebM carries none) and sits at 0.
        await hr.page.waitForFunction(
          `(() => {
            const element = document.querySelector('video[data-question="${index + 1}"]');
            return !!element && Number.isFinite(element.duration) && element.duration > 1 && element.currentTime === 0;
          })()`,
        );
        const played = (await video.evaluate(
          (element) =>
            new Promise((resolve, reject) => {
              const player = element as unknown as {
                muted: boolean;
                duration: number;
                currentTime: number;
                error: { code: number } | null;
                onended: () => void;
                onerror: () => void;
                play(): Promise<void>;
              };
              player.muted = true;
              player.onended = () => resolve({ duration: player.duration, currentTime: player.currentTime });
              player.onerror = () => reject(new Error(`video error ${player.error?.code}`));
              void player.play();
            }),
        )) as { duration: number; currentTime: number };
        expect(played.duration).toBeGreaterThan(0);
        expect(Number.isFinite(played.duration)).toBe(true);
        expect(played.currentTime).toBeGreaterThan(0.5);
      });
      await hr.step(`第${index + 1}题评分`, async () => {
        const answer = pane.locator('.recorded-answer').nth(index);
        await answer.locator('.ant-rate-star').nth(3).click();
        await hr.page.locator('.ant-message', { hasText: '评分已保存' }).last().waitFor();
      });
    }
    await hr.step('发放录用', async () => {
      await hr.page.locator('.decision-actions').getByRole('button', { name: '发放录用' }).click();
      await hr.page.locator('.decision-dialog').getByRole('button', { name: '发放录用' }).click();
      await hr.page.locator('.candidate-head .status-tag', { hasText: '录用' }).waitFor();
    });
    const ratings = stack.mock.db
      .prepare(
        'SELECT q.rating FROM recorded_questions q JOIN recorded_interviews r ON r.id = q.interview_id WHERE r.application_id = ?',
      )
      .pluck()
      .all(Number(applicationId));
    expect(ratings).toEqual([4, 4]);
    const detail = (await (await seeker('GET', `/applications/${applicationId}`)).json()) as { status: string };
    expect(detail.status).toBe('offer');
    expect(hr.consoleErrors).toEqual([]);
  });
});
