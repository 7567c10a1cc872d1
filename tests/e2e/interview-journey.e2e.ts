/**
 * The interview, both sides at once: the HR invites (video, a slot ten minutes away, so the room is open);
 * the seeker reads the invitation in 我的面试 (two other invitations are rescheduled and declined there, for
 * their screenshots), then accepts a slot on the invitation's card in the chat and enters the room from the
 * card; then the video room: the device check with a live camera preview,
 * 候场 until the HR (the console, the other WebRTC peer) admits, the call with moving video and sound on each
 * side, a dropped connection that rejoins, and hanging up. Then two more invitations from the same company: the
 * seeker asks to reschedule both; the HR confirms one of the proposed times for the first and refuses the
 * second (its own times stand), then cancels the first; the seeker reads each answer. Chromium runs with a
 * fake camera and microphone.
 * Screenshots: artifacts/e2e/interview-journey/ (seeker) and interview-journey-console/ (HR).
 */
import type { TokenPair } from '../../services/contracts/auth';
import {
  INTERVIEW_KIND_LABELS,
  type InterviewList,
  type InviteInterviewRequest,
} from '../../services/contracts/interviews';
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
        : offWheelSlots(now);
    await api('POST', `/employer/applications/${application.id}/invite`, {
      hrId,
      body: sampleInvitation(
        now,
        index === 2 ? { slots, kind: 'onsite', address: '杭州市西湖区文三路100号' } : { slots },
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

/**
 * Two offered times at a quarter past, never on the propose wheel (whole and half hours): the wheel opens on
 * tomorrow 09:00, and proposing a time the HR already offered is refused.
 */
function offWheelSlots(now: number): string[] {
  return [26, 50].map((hours) => new Date(Date.parse(slotIn(hours, now)) + 15 * MINUTE_MS).toISOString());
}

/** One more job of the HR's company (the first template again), applied to and invited to an interview. */
async function inviteToAnotherJob(
  invitation: Partial<InviteInterviewRequest>,
): Promise<{ applicationId: string; row: string }> {
  const [job] = publishJobsIn(stack.mock, {
    titleLike: '前端',
    cityCode: '330100',
    district: '西湖区',
    salaries: [[14_000, 19_000]],
  });
  const { hr_id: hrId } = stack.mock.db.prepare('SELECT hr_id FROM jobs WHERE id = ?').get(Number(job.id)) as {
    hr_id: number;
  };
  const application = await api<{ id: string }>('POST', '/applications', { body: { jobId: job.id } });
  await api('POST', `/employer/applications/${application.id}/invite`, {
    hrId,
    body: sampleInvitation(Date.now(), { slots: offWheelSlots(Date.now()), ...invitation }),
  });
  // 我的面试 rows carry no id a test can see: the kind tells these two apart among the upcoming ones.
  return { applicationId: application.id, row: INTERVIEW_KIND_LABELS[invitation.kind ?? 'video'] };
}

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
      await hr.page.locator('.call-clock', { hasText: /^通话时长 \d\d:\d\d · 剩余 / }).waitFor();
    });
    await seeker.step('通话中（求职者）', async () => {
      await seeker.frame().locator('.phase-in_call').waitFor({ timeout: 15_000 });
      await expectMediaFlowing(seekerStats, 'the seeker');
      expect(await seeker.page.evaluate(() => (globalThis as unknown as StatsWindow).__sim.keepScreenOn())).toBe(true);
      // The call's own clock, not a countdown to the slot (the HR let the seeker in early).
      await seeker
        .frame()
        .locator('.clock', { hasText: /^通话时长 \d\d:\d\d · 剩余 / })
        .waitFor();
    });
    await seeker.step('静音、关摄像头', async () => {
      await seeker.frame().locator('.control', { hasText: '静音' }).click();
      await seeker.frame().locator('.control-off', { hasText: '取消静音' }).waitFor();
      await seeker.frame().locator('.control', { hasText: '关摄像头' }).click();
      await seeker.frame().locator('.control-off', { hasText: '开摄像头' }).waitFor();
      await seeker.frame().locator('.self-off', { hasText: '摄像头已关闭' }).waitFor();
    });
    // Back on before the next step (after the screenshot, which shows both off).
    await seeker.frame().locator('.control', { hasText: '开摄像头' }).click();
    await seeker.frame().locator('.control', { hasText: '取消静音' }).click();
    await seeker.frame().locator('.self-off').waitFor({ state: 'detached' });
    await hr.step('HR 静音、关闭摄像头', async () => {
      // Microphone first, camera second (antd spaces out a two-character label: 静 音).
      await hr.page.locator('.call-control').nth(0).click();
      await hr.page.locator('.call-control-off', { hasText: '取消静音' }).waitFor();
      await hr.page.locator('.call-control', { hasText: '关闭摄像头' }).click();
      await hr.page.locator('.call-control-off', { hasText: '打开摄像头' }).waitFor();
      await hr.page.locator('.call-local-off', { hasText: '摄像头已关闭' }).waitFor();
    });
    await hr.page.locator('.call-control', { hasText: '打开摄像头' }).click();
    await hr.page.locator('.call-control', { hasText: '取消静音' }).click();
    await hr.page.locator('.call-local-off').waitFor({ state: 'detached' });
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
      expect(await seeker.frame().locator('.clock').count()).toBe(0);
      expect(await seeker.page.evaluate(() => (globalThis as unknown as StatsWindow).__sim.keepScreenOn())).toBe(false);
    });
    await hr.step('求职者挂断后，HR 端', async () => {
      await hr.page.locator('.call-room[data-phase="alone"]').waitFor();
      await hr.page.locator('.call-status .ant-tag', { hasText: '求职者已挂断' }).waitFor();
      await hr.page.locator('.call-seeker-left', { hasText: '求职者已挂断' }).waitFor();
    });
    await hr.step('HR 结束面试', async () => {
      await hr.page.locator('.call-end').click();
      await hr.page.locator('.call-room[data-phase="ended"]').waitFor();
      expect(await hr.page.locator('.call-clock').count()).toBe(0);
    });
  });

  it('lets the HR confirm a proposed time, refuse another proposal and cancel; the seeker reads each answer', async () => {
    const confirmed = await inviteToAnotherJob({ kind: 'phone', phone: '0571-88886666' });
    const refused = await inviteToAnotherJob({ kind: 'onsite', address: '杭州市西湖区文三路100号' });
    const upcomingRow = (interview: { row: string }) =>
      seeker.frame().locator('.row:not(.row-past)', { hasText: interview.row });
    const openInterview = async (interview: { row: string }, status: string) => {
      await upcomingRow(interview).click();
      await seeker.waitForRoute('subpackages/interviews/pages/detail/index');
      await seeker.frame().locator('.head-status', { hasText: status }).waitFor();
    };
    const propose = async () => {
      await seeker.frame().locator('.action-bar').getByText('申请改期').click();
      await seeker.frame().getByText('+ 添加一个时间').click();
      await seeker.frame().locator('.ant-picker-header-confirm').click();
      await seeker.frame().locator('.proposed').first().waitFor();
      await seeker.frame().getByText('发给HR确认').click();
      await seeker.frame().locator('.head-status', { hasText: '改期待确认' }).waitFor();
      await seeker.page.locator('.sim-toast').waitFor({ state: 'detached' });
    };
    const openApplication = async (applicationId: string, status: string) => {
      await hr.page.locator(`.application-row[data-id="${applicationId}"]`).click();
      await hr.page.locator('.interview-card .interview-entry .ant-tag', { hasText: status }).waitFor();
    };

    // Back from the ended call: one page at a time (the back arrow once popped two), to the chat it was
    // entered from; then to 我的面试 as the user would.
    await seeker.back();
    await seeker.waitForRoute('subpackages/chat/pages/conversation/index');
    await seeker.back();
    await seeker.waitForRoute('pages/messages/index');
    await seeker.tab('我的');
    await seeker.frame().locator('.me-menu-item', { hasText: '我的面试' }).click();
    await seeker.waitForRoute('subpackages/interviews/pages/list/index');
    await seeker.step('两场新面试都申请改期', async () => {
      await openInterview(confirmed, '待回复');
      await propose();
      await seeker.back();
      await openInterview(refused, '待回复');
      await propose();
      await seeker.back();
      await upcomingRow(refused).filter({ hasText: '改期待确认' }).waitFor();
    });

    await hr.navigate('投递管理');
    await hr.step('HR 看到求职者申请改期', async () => {
      await openApplication(confirmed.applicationId, '改期待确认');
      await hr.page.locator('.interview-card .interview-proposed', { hasText: '求职者提议改到' }).waitFor();
      await hr.page.locator('.interview-card').getByRole('button', { name: '不同意改期' }).waitFor();
    });
    await hr.step('HR 确认改到求职者提议的时间', async () => {
      await hr.page
        .locator('.interview-card')
        .getByRole('button', { name: /确认改到/ })
        .click();
      await hr.page.locator('.interview-card .ant-tag', { hasText: '已确认' }).waitFor();
      await hr.page.locator('.interview-card', { hasText: '求职者已申请改期 1 次（最多 2 次）' }).waitFor();
    });
    await hr.step('HR 不同意另一场的改期：填写原因', async () => {
      await openApplication(refused.applicationId, '改期待确认');
      await hr.page.locator('.interview-card').getByRole('button', { name: '不同意改期' }).click();
      const dialog = hr.page.locator('.interview-reason-dialog');
      await dialog.getByRole('button', { name: '不同意改期' }).click();
      await dialog.locator('.ant-form-item-explain-error', { hasText: '请填写不同意改期的原因' }).waitFor();
      await dialog.locator('textarea').fill('面试官只有原定的两个时间');
      await hr.page.waitForTimeout(400);
    });
    await hr.step('HR 不同意改期后，面试回到待回复', async () => {
      await hr.page.locator('.interview-reason-dialog').getByRole('button', { name: '不同意改期' }).click();
      await hr.page.locator('.interview-card .ant-tag', { hasText: '待回复' }).waitFor();
      await hr.page.locator('.interview-card', { hasText: '未同意改期：面试官只有原定的两个时间' }).waitFor();
    });
    await seeker.step('求职者看到 HR 不同意改期，可在原定时间中选择', async () => {
      await openInterview(refused, '待回复');
      await seeker.frame().locator('.refusal', { hasText: 'HR未同意改期：面试官只有原定的两个时间' }).waitFor();
      await seeker.frame().locator('.ant-selector-item').first().waitFor();
      await seeker.frame().locator('.action-bar').getByText('接受').waitFor();
    });
    await seeker.back();
    await seeker.step('求职者看到 HR 确认的改期时间', async () => {
      await openInterview(confirmed, '已确认');
      await seeker.frame().locator('.countdown').waitFor();
    });
    await hr.step('HR 取消面试：填写原因', async () => {
      await openApplication(confirmed.applicationId, '已确认');
      await hr.page.locator('.interview-card').getByRole('button', { name: '取消面试' }).click();
      await hr.page.locator('.interview-reason-dialog textarea').fill('岗位已招满，抱歉');
      await hr.page.waitForTimeout(400);
    });
    await hr.step('HR 取消面试后', async () => {
      await hr.page.locator('.interview-reason-dialog').getByRole('button', { name: '取消面试' }).click();
      await hr.page.locator('.interview-card .ant-tag', { hasText: '已取消' }).waitFor();
      await hr.page.locator('.interview-card', { hasText: '已取消：岗位已招满，抱歉' }).waitFor();
    });
    await seeker.step('求职者看到面试已取消', async () => {
      // The open detail page follows the HR's move live.
      await seeker.frame().locator('.head-status', { hasText: '已取消' }).waitFor();
      await seeker.frame().locator('.muted', { hasText: 'HR已取消：岗位已招满，抱歉' }).waitFor();
      await expect(seeker.frame().locator('.action-bar').count()).resolves.toBe(0);
    });
    // Remote images (antd-mini's defaults) are blocked here and fail to load; nothing else may log an error.
    expect(seeker.consoleErrors.filter((text) => !text.includes('net::ERR_FAILED'))).toEqual([]);
    expect(hr.consoleErrors).toEqual([]);
    expect(await seeker.simulatorErrors()).toEqual([]);
    expect(await seeker.unsupported()).toEqual([]);
  });
});
