/**
 * The interview, both sides at once: the HR invites (video, a slot ten minutes away, so the room is open);
 * the seeker reads the invitation in 我的面试 (two other invitations are rescheduled and declined there, for
 * their screenshots), then accepts a slot on the invitation's card in the chat and enters the room from the
 * card; then the video room: the device check with a live camera preview,
 * 候场 until the HR (the console, the other WebRTC peer) admits, the call with moving video and sound on each
 * side, a dropped connection that rejoins, and hanging up. Chromium runs with a fake camera and microphone.
 * Screenshots: artifacts/e2e/interview-journey/ (seeker) and interview-journey-console/ (HR).
 */
import type { TokenPair } from '../../services/contracts/auth';
import type { InterviewList } from '../../services/contracts/interviews';
import type { CallStats } from '../../services/contracts/rtc';
import { makeReadyToApply } from '../support/mock-server';
import { sampleInvitation, slotIn } from '../support/interview-invitation';
import { ConsoleApp } from './support/console-app';
import { FAKE_CAMERA_ARGS, publishJobsIn, SimApp, startStack, type Stack } from './support/stack';

const SEEKER = 'e2e-interview-seeker';
const MINUTE_MS = 60_000;

let stack: Stack;
let hr: ConsoleApp;
let seeker: SimApp;
let token: string;
let company: string;
const interviewIds: string[] = [];

interface StatsWindow {
  __sim: { rtcStats(): Promise<CallStats>; rtcDrop(): void; keepScreenOn(): boolean };
  __interviewCall?: { stats(): Promise<CallStats> };
}

async function api<T>(method: string, path: string, options: { body?: unknown; hrId?: number } = {}): Promise<T> {
  const response = await fetch(`${stack.mock.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(options.hrId ? { 'x-hr-id': String(options.hrId) } : { authorization: `Bearer ${token}` }),
      'idempotency-key': `e2e-interview-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  stack = await startStack({ chromiumArgs: FAKE_CAMERA_ARGS });
  const jobs = publishJobsIn(stack.mock, {
    titleLike: '前端',
    cityCode: '330100',
    district: '西湖区',
    salaries: [
      [13_000, 18_000],
      [12_000, 16_000],
      [15_000, 20_000],
    ],
  });
  const login = await fetch(`${stack.mock.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authCode: `u_${SEEKER}.setup${Date.now().toString(36)}` }),
  });
  token = ((await login.json()) as TokenPair).accessToken;
  await makeReadyToApply(stack.mock, token);
  const first = stack.mock.db
    .prepare('SELECT j.hr_id, co.name FROM jobs j JOIN companies co ON co.id = j.company_id WHERE j.id = ?')
    .get(Number(jobs[0].id)) as { hr_id: number; name: string };
  company = first.name;
  const now = Date.now();
  for (const [index, job] of jobs.entries()) {
    const application = await api<{ id: string }>('POST', '/applications', { body: { jobId: job.id } });
    const hrId = (stack.mock.db.prepare('SELECT hr_id FROM jobs WHERE id = ?').get(Number(job.id)) as { hr_id: number })
      .hr_id;
    // The first is the call (ten minutes away: its room is open); the others get answered differently.
    const slots =
      index === 0
        ? [new Date(Math.ceil((now + 10 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS).toISOString(), slotIn(26, now)]
        : undefined;
    await api('POST', `/employer/applications/${application.id}/invite`, {
      hrId,
      body: sampleInvitation(
        now,
        slots ? { slots } : index === 2 ? { kind: 'onsite', address: '杭州市西湖区文三路100号' } : {},
      ),
    });
  }
  const list = await api<InterviewList>('GET', '/interviews');
  for (const job of jobs) interviewIds.push(list.items.find((item) => item.job.id === job.id)!.id);

  hr = await ConsoleApp.open(stack, 'interview-journey-console');
  seeker = await SimApp.open(stack, 'interview-journey', {
    authUser: SEEKER,
    launch: 'subpackages/interviews/pages/list/index',
  });
}, 60_000);

afterAll(async () => {
  await seeker?.close();
  await hr?.close();
  await stack?.stop();
});

/** Polls the side's call stats until video frames and audio bytes both grow. */
async function expectMediaFlowing(read: () => Promise<CallStats>, side: string): Promise<void> {
  const before = await read();
  const deadline = Date.now() + 15_000;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await read();
    if (now.videoFramesDecoded > before.videoFramesDecoded + 5 && now.audioBytesReceived > before.audioBytesReceived)
      return;
    if (Date.now() > deadline)
      throw new Error(`${side}: no moving video or sound (${JSON.stringify({ before, now })})`);
  }
}

const seekerStats = () => seeker.page.evaluate(() => (globalThis as unknown as StatsWindow).__sim.rtcStats());
const hrStats = () =>
  hr.page.evaluate(
    () =>
      (globalThis as unknown as StatsWindow).__interviewCall?.stats() ?? {
        videoFramesDecoded: 0,
        audioBytesReceived: 0,
      },
  );

describe('interview journey', () => {
  it('shows the invitations in 我的面试 and answers each: reschedule, decline, accept on the chat card', async () => {
    await seeker.step('我的面试：三个面试邀请', async () => {
      await seeker.frame().locator('.row-title').first().waitFor();
      expect(await seeker.frame().locator('.row').count()).toBe(3);
      await seeker.frame().locator('.calendar-note').waitFor();
    });
    await seeker.step('面试邀请详情', async () => {
      await seeker.frame().locator('.row').first().click();
      await seeker.waitForRoute('subpackages/interviews/pages/detail/index');
      await seeker.frame().locator('.head-status', { hasText: '待回复' }).waitFor();
    });
    await seeker.back();
    await seeker.step('申请改期', async () => {
      await seeker.frame().locator('.row', { hasNotText: company }).click();
      await seeker.frame().locator('.head-status', { hasText: '待回复' }).waitFor();
      await seeker.frame().locator('.action-bar').getByText('申请改期').click();
      await seeker.frame().getByText('+ 添加一个时间').click();
      await seeker.frame().locator('.ant-picker-header-confirm').click();
      await seeker.frame().locator('.proposed').first().waitFor();
      await seeker.frame().getByText('发给HR确认').click();
      await seeker.frame().locator('.head-status', { hasText: '改期待确认' }).waitFor();
    });
    await seeker.back();
    await seeker.step('拒绝面试', async () => {
      await seeker.frame().locator('.row', { hasText: '现场面试' }).click();
      await seeker.frame().locator('.head-kind', { hasText: '现场面试' }).waitFor();
      await seeker.frame().locator('.action-bar').getByText('拒绝').click();
      await seeker.frame().locator('.popup-body .ant-selector-item', { hasText: '时间冲突' }).click();
      await seeker.frame().getByText('告知HR').click();
      await seeker.frame().locator('.head-status', { hasText: '已拒绝' }).waitFor();
    });
    // Launched on 我的面试 (no tab bar there): to the 消息 tab as the user would.
    await seeker.page.evaluate(() =>
      (globalThis as unknown as { __sim: { switchTab(route: string): void } }).__sim.switchTab('pages/messages/index'),
    );
    const card = seeker.frame().locator('.chat-card-interview').last();
    await seeker.step('聊天中的面试邀请卡片', async () => {
      // The video interview's conversation (the declined on-site one is with the same company).
      await seeker
        .frame()
        .locator('.conversation-row', { hasText: company })
        .filter({ hasText: '邀请你参加视频面试' })
        .click();
      await seeker.waitForRoute('subpackages/chat/pages/conversation/index');
      await card.locator('.chat-card-state', { hasText: '待回复' }).waitFor();
      expect(await card.locator('.chat-card-slot').count()).toBe(2);
      await card.locator('.chat-card-line', { hasText: '面试官：李经理 · 约30分钟' }).waitFor();
      await card.scrollIntoViewIfNeeded();
      await seeker.page.locator('.sim-toast').waitFor({ state: 'detached' });
    });
    await seeker.step('在聊天卡片上接受面试', async () => {
      await card.locator('.chat-card-slot').first().click();
      await seeker.page.locator('.sim-dialog-buttons button', { hasText: '接受' }).click();
      // The reminder consent sheet: each reminder needs its own consent.
      await seeker.page.locator('.sim-sheet-item', { hasText: '允许' }).click();
      await card.locator('.chat-card-state', { hasText: '已接受' }).waitFor();
      await card.locator('.ant-button', { hasText: '进入面试间' }).waitFor();
      await seeker.page.locator('.sim-toast').waitFor({ state: 'detached' });
      await card.scrollIntoViewIfNeeded();
    });
  });

  it('checks the devices, waits until the HR admits, and talks with moving video and sound both ways', async () => {
    await hr.step('HR 看到求职者拒绝了面试，再次邀请', async () => {
      await hr.signIn(company, company);
      await hr.page.locator('.application-row').first().click();
      await hr.page.locator('.interview-card .interview-entry', { hasText: '已拒绝' }).waitFor();
      await hr.page.locator('.interview-card', { hasText: '求职者拒绝：时间冲突，无法参加' }).waitFor();
      await hr.page.locator('.interview-card').getByRole('button', { name: '再次邀请' }).click();
      await hr.page.locator('.invite-dialog .ant-radio-button-wrapper-checked', { hasText: '视频面试' }).waitFor();
      await hr.page.locator('.invite-dialog .ant-picker').first().waitFor();
      // The dialog zooms in: let it finish before the screenshot.
      await hr.page.waitForTimeout(400);
    });
    await hr.step('HR 登录，查看面试安排', async () => {
      await hr.page.locator('.invite-dialog').getByRole('button', { name: '取 消' }).click();
      await hr.page.locator('.ant-menu-item', { hasText: '面试' }).click();
      await hr.page.locator(`.interview-item[data-interview="${interviewIds[0]}"]`).waitFor();
      // The declined one has left the schedule.
      await hr.page.locator(`.interview-item[data-interview="${interviewIds[2]}"]`).waitFor({ state: 'detached' });
    });

    await seeker.step('设备检测', async () => {
      // Straight from the invitation's card in the chat.
      await seeker
        .frame()
        .locator('.chat-card-interview')
        .last()
        .locator('.ant-button', { hasText: '进入面试间' })
        .click();
      await seeker.waitForRoute('subpackages/interviews/pages/room/index');
      await seeker.frame().locator('.check-row', { hasText: '摄像头和麦克风' }).locator('.good').waitFor();
      await seeker.frame().locator('.check-row', { hasText: '网络' }).locator('.good', { hasText: '正常' }).waitFor();
      await seeker.waitUntil(
        () =>
          seeker
            .frame()
            .locator('sim-camera video')
            .evaluate((video) => (video as unknown as { videoWidth: number }).videoWidth > 0),
        'the camera preview',
      );
    });
    await seeker.step('候场', async () => {
      await seeker.frame().getByText('进入候场').click();
      await seeker.frame().locator('.phase', { hasText: '候场中' }).waitFor();
    });
    await hr.step('HR 看到候场的求职者', async () => {
      await hr.page.locator(`.waiting-item[data-interview="${interviewIds[0]}"]`).waitFor();
      await hr.page.locator(`.waiting-item[data-interview="${interviewIds[0]}"]`).getByText('去面试间').click();
      await hr.page.getByRole('button', { name: '进入面试间' }).click();
      await hr.page.locator('.call-admit').waitFor();
    });
    await hr.step('HR 让求职者进入，通话中', async () => {
      await hr.page.locator('.call-admit').click();
      await hr.page.locator('.call-room[data-phase="in_call"]').waitFor({ timeout: 15_000 });
      await expectMediaFlowing(hrStats, 'the HR');
    });
    await seeker.step('通话中（求职者）', async () => {
      await seeker.frame().locator('.phase-in_call').waitFor({ timeout: 15_000 });
      await expectMediaFlowing(seekerStats, 'the seeker');
      expect(await seeker.page.evaluate(() => (globalThis as unknown as StatsWindow).__sim.keepScreenOn())).toBe(true);
      await seeker
        .frame()
        .locator('.clock', { hasText: /距开始|已进行/ })
        .waitFor();
    });
    await seeker.step('静音、关摄像头', async () => {
      await seeker.frame().locator('.control', { hasText: '静音' }).click();
      await seeker.frame().locator('.control-off', { hasText: '取消静音' }).waitFor();
      await seeker.frame().locator('.control', { hasText: '关摄像头' }).click();
      await seeker.frame().locator('.control-off', { hasText: '开摄像头' }).waitFor();
      await seeker.frame().locator('.control', { hasText: '开摄像头' }).click();
      await seeker.frame().locator('.control', { hasText: '取消静音' }).click();
    });
  });

  it('rejoins the same room after the connection drops, then hangs up', async () => {
    await seeker.step('断线后重连', async () => {
      await seeker.page.evaluate(() => (globalThis as unknown as StatsWindow).__sim.rtcDrop());
      await seeker
        .frame()
        .locator('.phase-in_call')
        .waitFor({ state: 'detached', timeout: 5_000 })
        .catch(() => undefined);
      await seeker.frame().locator('.phase-in_call').waitFor({ timeout: 20_000 });
      await expectMediaFlowing(seekerStats, 'the seeker after rejoining');
      await expectMediaFlowing(hrStats, 'the HR after the seeker rejoined');
    });
    await hr.shot('求职者重连后，HR 端继续通话');
    await seeker.step('挂断', async () => {
      await seeker.frame().locator('.control-hangup').click();
      await seeker.page.locator('.sim-dialog-buttons button', { hasText: '挂断' }).click();
      await seeker.frame().locator('.phase', { hasText: '面试已结束' }).waitFor();
      expect(await seeker.page.evaluate(() => (globalThis as unknown as StatsWindow).__sim.keepScreenOn())).toBe(false);
    });
    await hr.step('求职者挂断后，HR 端', async () => {
      await hr.page.locator('.call-room[data-phase="alone"]').waitFor();
    });
    // Remote images (antd-mini's defaults) are blocked here and fail to load; nothing else may log an error.
    expect(seeker.consoleErrors.filter((text) => !text.includes('net::ERR_FAILED'))).toEqual([]);
    expect(hr.consoleErrors).toEqual([]);
    expect(await seeker.simulatorErrors()).toEqual([]);
    expect(await seeker.unsupported()).toEqual([]);
  });
});
