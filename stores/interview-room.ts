import './mobx-config';
import { makeAutoObservable, runInAction } from 'mobx';
import { RTC_SIGNAL_PATH, type CallState, type RoomTicket } from '../services/contracts/rtc';
import { config } from '../services/config';
import { enterInterviewRoom, getInterview } from '../services/interviews';
import { rtcPlugin, setKeepScreenOn, type RtcPlugin } from '../services/platform/rtc';
import type { PlatformFailure } from '../services/platform/failure';
import { loadFailure } from './load-status';
import { messageOf } from './outcome';

/**
 * loading: asking for the ticket; refused: not now (the reason says why); missing: no such interview; check:
 * device check; room: 候场 and the call.
 */
export type RoomStage = 'loading' | 'refused' | 'missing' | 'check' | 'room';
export type CheckStatus = 'pending' | 'ok' | 'failed';

/** A round trip slower than this is a warning: video will stutter. */
const SLOW_NETWORK_MS = 800;

const IDLE_CALL: CallState = { phase: 'connecting', peer: 'absent', admitted: false, message: '' };

/**
 * The video room of one interview: the ticket (refused outside the window, with the reason), the device check
 * (camera and microphone through `<camera>`, a round trip to the backend), then the call through the RTC
 * plugin: 候场, the call, 重连中, its controls, and the screen kept on while it lasts.
 */
export class InterviewRoomStore {
  interviewId = '';
  stage: RoomStage = 'loading';
  refusal = '';
  ticket: RoomTicket | null = null;
  /** Backend time minus device time, for elapsed and left. */
  clockOffset = 0;
  deviceNow = Date.now();
  camera: CheckStatus = 'pending';
  cameraMessage = '';
  network: CheckStatus = 'pending';
  networkMs = 0;
  call: CallState = IDLE_CALL;
  /** Backend time the call first connected (kept through a reconnect), for 通话时长; null before. */
  callStartedAt: number | null = null;
  joinError = '';
  muted = false;
  cameraOn = true;
  frontCamera = true;
  private plugin: RtcPlugin | null = null;
  /** my.setKeepScreenOn(true) was asked and not undone. */
  private screenKeptOn = false;

  constructor() {
    makeAutoObservable<InterviewRoomStore, 'plugin' | 'screenKeptOn'>(this, { plugin: false, screenKeptOn: false });
  }

  /** Opens the room of an interview: the ticket and the network check, side by side. */
  async open(interviewId: string): Promise<void> {
    this.reset(interviewId);
    void this.checkNetwork();
    try {
      const ticket = await enterInterviewRoom(interviewId);
      runInAction(() => {
        this.ticket = ticket;
        this.clockOffset = Date.parse(ticket.now) - Date.now();
        this.stage = 'check';
      });
    } catch (error) {
      const failure = loadFailure(error, '这场面试不存在，或已被取消', '暂时无法进入面试间，请稍后重试');
      runInAction(() => {
        this.stage = failure.status === 'missing' ? 'missing' : 'refused';
        this.refusal = failure.errorMessage;
      });
    }
  }

  /** One request to the backend, timed: the network check. */
  async checkNetwork(): Promise<void> {
    this.network = 'pending';
    const started = Date.now();
    try {
      await getInterview(this.interviewId);
      runInAction(() => {
        this.networkMs = Date.now() - started;
        this.network = this.networkMs > SLOW_NETWORK_MS ? 'failed' : 'ok';
      });
    } catch {
      runInAction(() => {
        this.networkMs = 0;
        this.network = 'failed';
      });
    }
  }

  cameraReady(): void {
    this.camera = 'ok';
    this.cameraMessage = '';
  }

  /** `<camera>` onError: 1004 no camera, 1005 no permission (to allow in settings). */
  cameraFailed(errorCode: number): void {
    this.camera = 'failed';
    this.cameraMessage =
      errorCode === 1005
        ? '没有摄像头或麦克风权限：视频面试需要它们，请在设置中允许后返回重试'
        : '没有找到可用的摄像头，对方将看不到你';
  }

  /** Everything passed: no warning before going on. */
  get checksPassed(): boolean {
    return this.camera === 'ok' && this.network === 'ok';
  }

  /** Into the room: 候场 until the HR admits, then the call. */
  async enter(): Promise<void> {
    const ticket = this.ticket;
    if (!ticket) return;
    this.stage = 'room';
    this.joinError = '';
    this.call = IDLE_CALL;
    try {
      this.plugin = rtcPlugin();
      this.keepScreenOn(true);
      const signalBase = config.apiBaseUrl.replace(/\/$/, '').replace(/^http/, 'ws');
      await this.plugin.join(ticket.roomId, {
        ...ticket.rtc,
        signalUrl: `${signalBase}${RTC_SIGNAL_PATH}?token=${encodeURIComponent(ticket.token)}`,
      });
    } catch (error) {
      runInAction(() => {
        const failure = error as (PlatformFailure & { message?: string }) | undefined;
        this.joinError =
          failure?.errorMessage ?? messageOf(error, `进入面试间失败（${failure?.message ?? '未知原因'}），请重试`);
      });
    }
  }

  /** The flex component's onStateChange. */
  callChanged(state: CallState): void {
    this.call = state;
    if (state.phase === 'in_call' && this.callStartedAt === null) this.callStartedAt = Date.now() + this.clockOffset;
    if (state.phase === 'ended' || state.phase === 'failed') this.keepScreenOn(false);
  }

  toggleMute(): void {
    this.muted = !this.muted;
    void this.plugin?.mute(this.muted);
  }

  toggleCamera(): void {
    this.cameraOn = !this.cameraOn;
    void this.plugin?.enableCamera(this.cameraOn);
  }

  switchCamera(): void {
    this.frontCamera = !this.frontCamera;
    void this.plugin?.switchCamera();
  }

  hangup(): void {
    void this.plugin?.leave();
    this.keepScreenOn(false);
    this.call = { ...this.call, phase: 'ended', message: '你已挂断' };
  }

  /** The page went away: leave the room and let the screen sleep. */
  leave(): void {
    if (this.stage === 'room' && this.call.phase !== 'ended' && this.call.phase !== 'failed') void this.plugin?.leave();
    this.keepScreenOn(false);
    this.plugin = null;
  }

  tick(): void {
    this.deviceNow = Date.now();
  }

  now(): number {
    return this.deviceNow + this.clockOffset;
  }

  private keepScreenOn(on: boolean): void {
    if (this.screenKeptOn === on) return;
    this.screenKeptOn = on;
    setKeepScreenOn(on);
  }

  private reset(interviewId: string): void {
    this.interviewId = interviewId;
    this.stage = 'loading';
    this.refusal = '';
    this.ticket = null;
    this.camera = 'pending';
    this.cameraMessage = '';
    this.network = 'pending';
    this.call = IDLE_CALL;
    this.callStartedAt = null;
    this.joinError = '';
    this.muted = false;
    this.cameraOn = true;
    this.frontCamera = true;
  }
}

export const interviewRoomStore = new InterviewRoomStore();
