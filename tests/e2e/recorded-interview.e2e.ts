/**
 * The recorded video interview from the HR's side: the HR sets the job's questions in the console and sends
 * them to an applicant; the seeker answers every question in the simulator, whose `<camera>` records
 * headless Chromium's fake camera with MediaRecorder; the console plays each answer to the end (duration > 0),
 * rates it and sends the offer. The seeker opens the interview from its card in the chat, which then shows it
 * done, as does the application's page. Screenshots: artifacts/e2e/recorded-interview/ and recorded-interview-seeker/.
 */
import type { TokenPair } from '../../services/contracts/auth';
import type { RecordedInterviewList } from '../../services/contracts/recorded-interviews';
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
let conversationId: string;

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
  const applied = await seeker_(
    'POST',
    '/applications',
    { jobId: job.id },
    { 'idempotency-key': `e2e-recorded-${Date.now()}` },
  );
  ({ id: applicationId, conversationId } = (await applied.json()) as { id: string; conversationId: string });
  hr = await ConsoleApp.open(stack, 'recorded-interview');
});

afterAll(async () => {
  await hr?.close();
  await stack?.stop();
});

function seeker_(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
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
      // Corrected fields lose their errors.
      await dialog.locator('.ant-form-item-explain-error').first().waitFor({ state: 'detached' });
    });
    await hr.step('题目：字段错误', async () => {
      const dialog = hr.page.locator('.ant-modal', { hasText: '视频面试题目' });
      const thinking = dialog.getByLabel('思考时间（秒）').first();
      await thinking.fill('61');
      await dialog.locator('textarea').nth(1).fill('   ');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.locator('.ant-form-item-explain-error', { hasText: '思考时间为0–60秒' }).waitFor();
      await dialog.locator('.ant-form-item-explain-error', { hasText: '请填写题目' }).waitFor();
      // What was typed stays as typed: no silent change to 60.
      expect(await thinking.inputValue()).toBe('61');
      await thinking.fill('30');
      await dialog.locator('textarea').nth(1).fill(QUESTIONS[1]);
      // Corrected fields lose their errors.
      await dialog.locator('.ant-form-item-explain-error').first().waitFor({ state: 'detached' });
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
      // No live interview yet: the card offers a first one, not "再次".
      await hr.page.locator('.interview-card').getByRole('button', { name: '邀请面试' }).waitFor();
    });
  });

  it('the applicant answers every question in the simulator, on the fake camera', async () => {
    const seeker = await SimApp.open(stack, 'recorded-interview-seeker', {
      authUser: SEEKER,
      launch: `subpackages/chat/pages/conversation/index?id=${conversationId}`,
    });
    const page = () => seeker.frame();
    const card = () => page().locator('.chat-card-recorded_interview').last();
    try {
      await seeker.step('聊天中的录制面试卡片', async () => {
        await seeker.waitForRoute('subpackages/chat/pages/conversation/index');
        await card().locator('.chat-card-state', { hasText: '待作答' }).waitFor();
        await card().locator('.chat-card-line', { hasText: '共2道题，有空时用手机录制回答' }).waitFor();
        await card().scrollIntoViewIfNeeded();
      });
      await seeker.step('录制面试须知', async () => {
        await card().locator('.ant-button', { hasText: '去作答' }).click();
        await seeker.waitForRoute('subpackages/recorded-interview/pages/answer/index');
        await page().locator('.rule', { hasText: '每题最多可以重录1次' }).waitFor();
        expect(await page().locator('.header-meta').innerText()).toMatch(/^共2道题 · .+前完成$/);
      });
      await seeker.step('设备检测：摄像头正常', async () => {
        await page().getByText('开始设备检测').click();
        await page().locator('.check-ok', { hasText: '摄像头和麦克风' }).waitFor({ timeout: 15_000 });
        await page().locator('.check-ok', { hasText: '存储空间' }).waitFor();
        // The preview shows the fake camera's picture.
        await page().locator('sim-camera video.sim-camera-preview').waitFor();
      });
      await seeker.step('练习录制', async () => {
        await page().getByText('录一段练习').click();
        await page().locator('.recording-badge').waitFor();
        await seeker.page.waitForTimeout(1200);
        await page().getByText('停止练习').click();
        await page().locator('.practice video').waitFor();
      });
      for (const [index, text] of QUESTIONS.entries()) {
        await seeker.step(`第${index + 1}题：思考`, async () => {
          if (index === 0) await page().getByText('开始答题').click();
          await page().locator('.question-text', { hasText: text }).waitFor();
          await page().locator('.countdown-number').waitFor();
        });
        if (index === 0) {
          await seeker.step('录制中切到后台：这次录制作废，不计重录次数', async () => {
            await page().getByText('我准备好了，现在开始').click();
            await page().locator('.recording-badge').waitFor();
            await seeker.page.waitForTimeout(600);
            // The runtime model stops the camera of a page that hides (<camera onStop>).
            await seeker.backgroundAndReturn();
            await page().locator('.notice', { hasText: '录制被中断（App切到了后台）' }).waitFor();
            await page().locator('.recording-badge').waitFor({ state: 'detached' });
          });
        }
        await seeker.step(`第${index + 1}题：录制中`, async () => {
          await page()
            .getByText(index === 0 ? '开始录制' : '我准备好了，现在开始')
            .click();
          await page().locator('.recording-badge').waitFor();
          await seeker.page.waitForTimeout(1800);
        });
        await seeker.step(`第${index + 1}题：回看`, async () => {
          await page().getByText('结束录制').click();
          await page().locator('.preview-box video').waitFor();
          expect(await page().locator('.take-info').innerText()).toMatch(/^时长 \d+秒 · 还可以重录1次$/);
        });
        await seeker.step(`第${index + 1}题：已提交`, async () => {
          await page().getByText('提交这段回答').click();
          if (index < QUESTIONS.length - 1) {
            await page()
              .locator('.question-text', { hasText: QUESTIONS[index + 1] })
              .waitFor();
            // Said before the next question's countdown runs on.
            await page()
              .locator('.notice', { hasText: `第${index + 1}题已提交` })
              .waitFor();
          } else await page().getByText('已完成全部作答').waitFor({ timeout: 15_000 });
        });
      }
      await seeker.back();
      await seeker.step('聊天卡片：已完成', async () => {
        await card().locator('.chat-card-state', { hasText: '已完成' }).waitFor();
        expect(await card().locator('.ant-button').count()).toBe(0);
        await card().scrollIntoViewIfNeeded();
      });
      await seeker.step('投递详情：录制面试已完成', async () => {
        await page().getByText('查看投递进度').click();
        await seeker.waitForRoute('subpackages/applications/pages/detail/index');
        await page().locator('.recorded-invite-status', { hasText: '已完成，等待HR查看' }).waitFor();
        await page().locator('.recorded-invite .section-title', { hasText: '录制面试' }).waitFor();
      });
      expect(await seeker.simulatorErrors()).toEqual([]);
      expect(await seeker.unsupported()).toEqual([]);
    } finally {
      await seeker.close();
    }
    const list = (await (await seeker_('GET', '/recorded-interviews')).json()) as RecordedInterviewList;
    expect(list.items[0].status).toBe('completed');
    expect(list.items[0].questions.map((q) => [q.answer?.mimeType, (q.answer?.durationMs ?? 0) > 1000])).toEqual([
      ['video/webm', true],
      ['video/webm', true],
    ]);
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
      // The offer is sent from the 录用与入职 tab (issue 15's offer form).
      await hr.page
        .locator('.decision-actions')
        .getByRole('button', { name: /发放录用/ })
        .click();
      await hr.page.locator('.offer-form').waitFor();
      await hr.page.getByLabel('金额（元）').fill('8000');
      await hr.page.getByLabel('纬度').fill('30.27');
      await hr.page.getByLabel('经度').fill('120.15');
      await hr.page.getByLabel('报到联系人').fill('王经理');
      await hr.page.getByLabel('联系人手机').fill('13800138000');
      await hr.page.getByRole('button', { name: '发送录用通知' }).click();
      await hr.page.locator('.candidate-head .status-tag', { hasText: '录用' }).waitFor();
    });
    const ratings = stack.mock.db
      .prepare(
        'SELECT q.rating FROM recorded_questions q JOIN recorded_interviews r ON r.id = q.interview_id WHERE r.application_id = ?',
      )
      .pluck()
      .all(Number(applicationId));
    expect(ratings).toEqual([4, 4]);
    const detail = (await (await seeker_('GET', `/applications/${applicationId}`)).json()) as { status: string };
    expect(detail.status).toBe('offer');
    expect(hr.consoleErrors).toEqual([]);
  });
});
