import type { InterviewList } from '../../services/contracts/interviews';
import { createFakeMy } from '../../runtime/harness/fake-my';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';
import { sampleInvitation } from '../support/interview-invitation';
import { makeReadyToApply, startMockServer } from '../support/mock-server';
import { applyDirect, call, employerAct, openJobs, type TestServer } from './applications-support';

interface RoomData {
  stage: string;
  refusal: string;
  cameraFailed: boolean;
  cameraMessage: string;
  networkText: string;
  phaseText: string;
  peerReconnecting: boolean;
  clockText: string;
  muted: boolean;
  cameraOn: boolean;
  over: boolean;
  joinError: string;
}

const ROOM = 'subpackages/interviews/pages/room/index';
const MINUTE_MS = 60_000;

let server: TestServer;
let rt: Runtime;
let seekers = 0;
let jobsUsed = 0;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 100, seed: 'interview-room-tests' } });
});
afterAll(() => server.stop());
afterEach(() => rt?.dispose());

/** The RTC plugin as `requirePlugin('rtc')` answers on a phone, recording what the app asks of it. */
function fakeRtcPlugin() {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return Promise.resolve({});
    };
  return {
    calls,
    plugin: {
      join: record('join'),
      leave: record('leave'),
      mute: record('mute'),
      enableCamera: record('enableCamera'),
      switchCamera: record('switchCamera'),
    },
  };
}

/** A signed-in seeker with an accepted video interview starting `minutesAhead` from now, in a fresh app. */
async function seekerWithInterview(minutesAhead: number, plugin?: unknown) {
  jest.resetModules();
  const user = `room${Date.now()}x${++seekers}`;
  rt = createRuntime({
    my: createFakeMy({ authUser: user }),
    globals: { __API_BASE_URL__: server.url, ...(plugin ? { requirePlugin: () => plugin } : {}) },
  });
  rt.mountApp();
  await rt.flush();
  const token = (rt.fake.storage.get('session.tokens') as { accessToken: string }).accessToken;
  await makeReadyToApply(server, token);
  const [job] = await openJobs(server, 1, jobsUsed++);
  const application = await applyDirect(server, token, job.id);
  const slot = new Date(Math.ceil((Date.now() + minutesAhead * MINUTE_MS) / MINUTE_MS) * MINUTE_MS).toISOString();
  await employerAct(server, application, 'invite', sampleInvitation(Date.now(), { slots: [slot] }));
  const list = await call<InterviewList>(server, 'GET', '/interviews', { token });
  const interview = list.body.items[0];
  await call(server, 'POST', `/interviews/${interview.id}/accept`, { token, body: { slot } });
  return interview;
}

describe('the video room page', () => {
  it('refuses before the room opens, saying when it will', async () => {
    const interview = await seekerWithInterview(180);
    const page = rt.mountPage<RoomData>(ROOM, { id: interview.id });
    await rt.flush();
    expect(page.data.stage).toBe('refused');
    expect(page.data.refusal).toMatch(/^面试间将在.+开放（开始前15分钟），请到时再来$/);
  });

  it('checks the devices, guides to settings when the camera is refused, warns before going on anyway', async () => {
    const rtc = fakeRtcPlugin();
    const interview = await seekerWithInterview(10, rtc.plugin);
    const settingsOpened: unknown[] = [];
    rt.fake.define('openSetting', ((options: { success?: () => void }) => {
      settingsOpened.push(options);
      options.success?.();
    }) as unknown as typeof my.openSetting);

    const page = rt.mountPage<RoomData>(ROOM, { id: interview.id });
    await rt.flush();
    expect(page.data.stage).toBe('check');
    expect(page.data.networkText).toMatch(/^正常（\d+ms）$/);
    expect(page.data.clockText).toMatch(/^距开始 \d\d:\d\d$/);

    page.fire('onCameraError', { detail: { error: 1005, errorMessage: '没有权限' } });
    expect(page.data).toMatchObject({ cameraFailed: true });
    expect(page.data.cameraMessage).toContain('请在设置中允许');
    page.call('onOpenSettings');
    expect(settingsOpened).toHaveLength(1);

    rt.fake.answerConfirm(false);
    await page.call('onEnterTap');
    await rt.flush();
    expect(page.data.stage).toBe('check');
    expect(rtc.calls).toEqual([]);

    rt.fake.answerConfirm(true);
    await page.call('onEnterTap');
    await rt.flush();
    expect(page.data.stage).toBe('room');
    const [join] = rtc.calls;
    expect(join[0]).toBe('join');
    expect(join[1]).toBe(`interview_${interview.id}`);
    expect(join[2]).toMatchObject({
      bizName: expect.any(String),
      uid: expect.stringMatching(/^s_\w+$/),
      signature: expect.any(String),
      signalUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/ws\/rtc\?token=/),
    });
    expect(rt.fake.keepScreenOn).toBe(true);

    page.fire('onStateChange', { detail: { phase: 'waiting', peer: 'absent', admitted: false, message: '' } });
    expect(page.data.phaseText).toBe('候场中，请等待面试官让你进入');
    page.fire('onStateChange', { detail: { phase: 'in_call', peer: 'reconnecting', admitted: true, message: '' } });
    expect(page.data).toMatchObject({ phaseText: '通话中', peerReconnecting: true });
    // Admitted before the slot: the call's own length and the time left, not 距开始.
    expect(page.data.clockText).toMatch(/^通话时长 00:0\d · 剩余 \d\d:\d\d$/);
    page.fire('onStateChange', { detail: { phase: 'reconnecting', peer: 'present', admitted: true, message: '' } });
    expect(page.data.phaseText).toBe('重连中…');
    expect(page.data.clockText).toMatch(/^通话时长 /);

    page.call('onMuteTap');
    expect(page.data.muted).toBe(true);
    page.call('onCameraTap');
    expect(page.data.cameraOn).toBe(false);
    rt.fake.answerConfirm(true);
    await page.call('onHangupTap');
    await rt.flush();
    expect(page.data).toMatchObject({ over: true, phaseText: '面试已结束', clockText: '' });
    expect(rtc.calls.map((entry) => entry[0])).toEqual(['join', 'mute', 'enableCamera', 'leave']);
    expect(rtc.calls[1]).toEqual(['mute', true]);
    expect(rt.fake.keepScreenOn).toBe(false);
  });

  it('says so on a client without the RTC plugin, and offers to try again', async () => {
    const interview = await seekerWithInterview(10);
    const page = rt.mountPage<RoomData>(ROOM, { id: interview.id });
    await rt.flush();
    page.fire('onCameraReady', {});
    await page.call('onEnterTap');
    await rt.flush();
    expect(page.data.joinError).toBe('当前支付宝版本不支持视频面试，请升级支付宝后重试');
  });
});
