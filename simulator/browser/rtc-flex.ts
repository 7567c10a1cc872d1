/**
 * The mPaaS 实时音视频通话 plugin as the simulator models it: its flex component (`plugin://rtc/flex`, drawn
 * as <sim-rtc-flex>) shows the remote and local video, and `requirePlugin('rtc')` in the logic layer asks this
 * host (through the `rtc` main-thread call) to join, leave, mute, turn the camera off and on, or switch it.
 * The media is a real WebRTC call (webrtc/interview-call.ts) whose other end is the HR console.
 * Events reach the page as the plugin's: onUserChange (the other side came or went), onHangup, onError, and
 * onStateChange (waiting, in the call, 重连中…).
 */
import { InterviewCall, type CallState, type CallStats } from '../../webrtc/interview-call';

export interface RtcFlexBinding {
  emit(type: 'stateChange' | 'userChange' | 'hangup' | 'error', detail: unknown): void;
  remote: HTMLVideoElement;
  local: HTMLVideoElement;
}

type Failure = { error: number; errorMessage: string };

/** getUserMedia refusals as the plugin reports them: no camera or microphone permission. */
function mediaFailure(error: unknown): Failure {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError') return { error: 1005, errorMessage: '没有摄像头或麦克风权限' };
  if (name === 'NotFoundError') return { error: 1004, errorMessage: '没有可用的摄像头' };
  return { error: 3, errorMessage: `打开摄像头失败：${String((error as Error)?.message ?? error)}` };
}

class RtcFlexHost {
  private flex: RtcFlexBinding | null = null;
  private call: InterviewCall | null = null;
  private stream: MediaStream | null = null;
  private facing: 'user' | 'environment' = 'user';
  private lastPeer = '';

  private waitingForFlex: Array<() => void> = [];

  attach(binding: RtcFlexBinding): void {
    this.flex = binding;
    for (const wake of this.waitingForFlex.splice(0)) wake();
  }

  detach(binding: RtcFlexBinding): void {
    if (this.flex !== binding) return;
    this.end();
    this.flex = null;
  }

  /** One operation asked by `requirePlugin('rtc')`. */
  async handle(options: Record<string, unknown>): Promise<unknown> {
    switch (options.op) {
      case 'join':
        return this.join(String(options.roomId ?? ''), (options.config ?? {}) as Record<string, unknown>);
      case 'leave':
        this.call?.hangup();
        this.end();
        return { success: true };
      case 'mute':
        this.call?.setMicrophone(!options.muted);
        return { success: true };
      case 'enableCamera':
        this.call?.setCamera(!!options.enabled);
        return { success: true };
      case 'switchCamera':
        return this.switchCamera();
      default:
        throw { error: 2, errorMessage: `rtc: unknown operation ${String(options.op)}` } satisfies Failure;
    }
  }

  stats(): Promise<CallStats> {
    return this.call ? this.call.stats() : Promise.resolve({ videoFramesDecoded: 0, audioBytesReceived: 0 });
  }

  /** As a network drop would (QA and the browser journeys). */
  drop(): void {
    this.call?.drop();
  }

  /** `join` may come in the same turn that puts the flex component on the page: wait for it a moment. */
  private flexOnPage(timeoutMs = 3000): Promise<RtcFlexBinding | null> {
    if (this.flex) return Promise.resolve(this.flex);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.flex), timeoutMs);
      this.waitingForFlex.push(() => {
        clearTimeout(timer);
        resolve(this.flex);
      });
    });
  }

  private async join(roomId: string, config: Record<string, unknown>): Promise<unknown> {
    const flex = await this.flexOnPage();
    if (!flex) throw { error: 3, errorMessage: '页面上没有 rtc flex 组件' } satisfies Failure;
    if (typeof config.signalUrl !== 'string')
      throw { error: 2, errorMessage: 'rtc.join 缺少 signalUrl' } satisfies Failure;
    this.end();
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: this.facing }, audio: true });
    } catch (error) {
      const failure = mediaFailure(error);
      flex.emit('error', failure);
      throw failure;
    }
    flex.local.srcObject = this.stream;
    this.lastPeer = '';
    const call = new InterviewCall({
      role: 'seeker',
      signalUrl: config.signalUrl,
      localStream: this.stream,
      onState: (state: CallState) => {
        if (this.call !== call) return;
        this.flex?.emit('stateChange', state);
        if (state.peer !== this.lastPeer) {
          this.lastPeer = state.peer;
          this.flex?.emit('userChange', { peer: state.peer });
        }
        if (state.phase === 'ended' || state.phase === 'failed') this.flex?.emit('hangup', state);
      },
      onRemoteStream: (remote) => {
        if (this.flex) this.flex.remote.srcObject = remote;
      },
    });
    this.call = call;
    call.start();
    return { roomId };
  }

  private async switchCamera(): Promise<unknown> {
    if (!this.call || !this.stream) return { success: false };
    const next = this.facing === 'user' ? 'environment' : 'user';
    const video = await navigator.mediaDevices.getUserMedia({ video: { facingMode: next } });
    this.facing = next;
    await this.call.replaceVideoTrack(video.getVideoTracks()[0]);
    return { success: true, devicePosition: next === 'user' ? 'front' : 'back' };
  }

  private end(): void {
    const call = this.call;
    this.call = null;
    call?.dispose();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
  }
}

export const rtcFlexHost = new RtcFlexHost();
