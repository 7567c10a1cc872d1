/**
 * One side of an interview call in a browser: the signalling socket of the room (services/contracts/rtc.ts)
 * and a WebRTC peer connection per call attempt. The HR console uses it as the employer's side, and the
 * browser simulator uses it to model the mPaaS RTC plugin, so both ends run the same code.
 */
import {
  RTC_CLOSE_CODES,
  type CallPhase,
  type CallState,
  type CallStats,
  type RoomRole,
  type RtcClientFrame,
  type RtcServerFrame,
  type RtcSignal,
} from '../services/contracts/rtc';

export type { CallPhase, CallState, CallStats };

export interface InterviewCallOptions {
  role: RoomRole;
  /** ws(s)://host/ws/rtc?token=… */
  signalUrl: string;
  localStream: MediaStream;
  onState(state: CallState): void;
  onRemoteStream(stream: MediaStream | null): void;
  /** Give up coming back after this long (the room keeps our place as long). */
  rejoinWindowMs?: number;
}

const HEARTBEAT_MS = 15_000;
const RETRY_STEPS_MS = [200, 500, 1000, 2000, 3000];

export class InterviewCall {
  private socket: WebSocket | null = null;
  private peerConnection: RTCPeerConnection | null = null;
  private attempt = 0;
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private droppedAt: number | null = null;
  private retries = 0;
  private finished = false;
  private state: CallState = { phase: 'connecting', peer: 'absent', admitted: false, message: '' };

  constructor(private readonly options: InterviewCallOptions) {}

  start(): void {
    this.connect();
  }

  /** HR only: let the waiting seeker in. */
  admit(): void {
    this.send({ type: 'admit' });
  }

  /** Leaves the call; the other side is told. */
  hangup(): void {
    this.send({ type: 'hangup' });
    this.finish('ended', '你已挂断');
  }

  setMicrophone(on: boolean): void {
    for (const track of this.options.localStream.getAudioTracks()) track.enabled = on;
  }

  setCamera(on: boolean): void {
    for (const track of this.options.localStream.getVideoTracks()) track.enabled = on;
  }

  /** Sends `track` instead of the current camera (front/back switch) without a new negotiation. */
  async replaceVideoTrack(track: MediaStreamTrack): Promise<void> {
    const stream = this.options.localStream;
    for (const old of stream.getVideoTracks()) {
      stream.removeTrack(old);
      old.stop();
    }
    stream.addTrack(track);
    const sender = this.peerConnection?.getSenders().find((item) => item.track?.kind === 'video');
    await sender?.replaceTrack(track);
  }

  /** What arrived so far: decoded video frames and audio bytes (both grow while the call works). */
  async stats(): Promise<CallStats> {
    const result: CallStats = { videoFramesDecoded: 0, audioBytesReceived: 0 };
    if (!this.peerConnection) return result;
    const report = await this.peerConnection.getStats();
    report.forEach((entry: { type: string; kind?: string; framesDecoded?: number; bytesReceived?: number }) => {
      if (entry.type !== 'inbound-rtp') return;
      if (entry.kind === 'video') result.videoFramesDecoded += entry.framesDecoded ?? 0;
      if (entry.kind === 'audio') result.audioBytesReceived += entry.bytesReceived ?? 0;
    });
    return result;
  }

  /** As a network drop would: socket and media gone at once (QA and tests). */
  drop(): void {
    this.closePeer();
    this.socket?.close(4000, 'dropped');
  }

  /** Stops everything without telling the other side (the page went away). */
  dispose(): void {
    this.finish('ended', '');
  }

  private connect(): void {
    const socket = new WebSocket(this.options.signalUrl);
    this.socket = socket;
    socket.onopen = () => {
      this.heartbeat = setInterval(() => this.send({ type: 'ping' }), HEARTBEAT_MS);
    };
    socket.onmessage = (event) => this.onFrame(JSON.parse(String(event.data)) as RtcServerFrame);
    socket.onclose = (event) => this.onSocketClosed(socket, event.code);
  }

  private onFrame(frame: RtcServerFrame): void {
    switch (frame.type) {
      case 'room.state':
        this.droppedAt = null;
        this.retries = 0;
        if (frame.peer !== 'present') this.closePeer();
        this.update({
          peer: frame.peer,
          admitted: frame.admitted,
          phase:
            frame.self === 'waiting' ? 'waiting' : this.connected() && frame.peer === 'present' ? 'in_call' : 'alone',
        });
        return;
      case 'call.ready':
        void this.startAttempt(frame.attempt, frame.initiator);
        return;
      case 'signal':
        if (frame.attempt === this.attempt) void this.onSignal(frame.signal);
        return;
      case 'call.ended':
        this.closePeer();
        this.update({ phase: 'alone', peer: 'absent' });
        return;
      default:
        return;
    }
  }

  private async startAttempt(attempt: number, initiator: boolean): Promise<void> {
    this.closePeer();
    this.attempt = attempt;
    this.pendingCandidates = [];
    const peer = new RTCPeerConnection({ iceServers: [] });
    this.peerConnection = peer;
    for (const track of this.options.localStream.getTracks()) peer.addTrack(track, this.options.localStream);
    peer.ontrack = (event) => this.options.onRemoteStream(event.streams[0] ?? new MediaStream([event.track]));
    peer.onicecandidate = (event) => {
      if (!event.candidate) return;
      const { candidate, sdpMid, sdpMLineIndex } = event.candidate;
      this.signal({ kind: 'candidate', candidate, sdpMid, sdpMLineIndex });
    };
    peer.onconnectionstatechange = () => {
      if (peer !== this.peerConnection) return;
      if (peer.connectionState === 'connected') this.update({ phase: 'in_call' });
      // Media lost while the socket lives: come back through the room, which starts a new attempt.
      if (peer.connectionState === 'failed') this.drop();
    };
    if (initiator) {
      const offer = await peer.createOffer();
      await peer.setLocalDescription(offer);
      this.signal({ kind: 'offer', sdp: offer.sdp ?? '' });
    }
  }

  private async onSignal(signal: RtcSignal): Promise<void> {
    const peer = this.peerConnection;
    if (!peer) return;
    if (signal.kind === 'candidate') {
      const candidate = { candidate: signal.candidate, sdpMid: signal.sdpMid, sdpMLineIndex: signal.sdpMLineIndex };
      if (peer.remoteDescription) await peer.addIceCandidate(candidate);
      else this.pendingCandidates.push(candidate);
      return;
    }
    await peer.setRemoteDescription({ type: signal.kind, sdp: signal.sdp });
    for (const candidate of this.pendingCandidates.splice(0)) await peer.addIceCandidate(candidate);
    if (signal.kind === 'offer') {
      const answer = await peer.createAnswer();
      await peer.setLocalDescription(answer);
      this.signal({ kind: 'answer', sdp: answer.sdp ?? '' });
    }
  }

  private onSocketClosed(socket: WebSocket, code: number): void {
    if (socket !== this.socket) return;
    clearInterval(this.heartbeat);
    this.socket = null;
    if (this.finished) return;
    if (code === RTC_CLOSE_CODES.tokenExpired || code === RTC_CLOSE_CODES.unauthorized) {
      return this.finish('failed', '进入凭证已失效，请重新进入面试间');
    }
    if (code === RTC_CLOSE_CODES.roomClosed) return this.finish('ended', '面试间已关闭');
    if (code === RTC_CLOSE_CODES.replaced) return this.finish('ended', '你已在另一处进入面试间');
    this.closePeer();
    this.droppedAt ??= Date.now();
    if (Date.now() - this.droppedAt > (this.options.rejoinWindowMs ?? 60_000)) {
      return this.finish('failed', '网络中断超过60秒，已离开面试间');
    }
    this.update({ phase: 'reconnecting' });
    const delay = RETRY_STEPS_MS[Math.min(this.retries++, RETRY_STEPS_MS.length - 1)];
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private connected(): boolean {
    return this.peerConnection?.connectionState === 'connected';
  }

  private signal(signal: RtcSignal): void {
    this.send({ type: 'signal', signal, attempt: this.attempt });
  }

  private send(frame: RtcClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private closePeer(): void {
    if (!this.peerConnection) return;
    this.peerConnection.close();
    this.peerConnection = null;
    this.options.onRemoteStream(null);
  }

  private finish(phase: 'ended' | 'failed', message: string): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    this.closePeer();
    this.socket?.close(1000, phase);
    this.socket = null;
    this.update({ phase, message });
  }

  private update(patch: Partial<CallState>): void {
    this.state = { ...this.state, ...patch };
    this.options.onState(this.state);
  }
}
