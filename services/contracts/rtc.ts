/**
 * The live video room. On Alipay the call runs in Alibaba Cloud's mPaaS 实时音视频通话 plugin, which needs a
 * signature from the business server; in the browser simulator and the console the plugin is modelled as a
 * WebRTC call whose signalling goes over the mock's `/ws/rtc` socket. Both sides get a ticket through the
 * interview (POST /interviews/:id/room, POST /employer/interviews/:id/room).
 */

/** What `requirePlugin('rtc')` and `plugin://rtc/flex` need, signed by the server. */
export interface RtcPluginConfig {
  bizName: string;
  /** The mPaaS app id (the plugin's `subBiz`). */
  subBiz: string;
  workspaceId: string;
  /** Letters, digits and `_` only (the plugin refuses others). */
  uid: string;
  /** ms since epoch: the signature is refused after this. */
  expireTime: number;
  /** RSA (private key of the call application) over bizName + subBiz + workspaceId + uid + expireTime, base64. */
  signature: string;
}

export type RoomRole = 'seeker' | 'hr';

/** POST /interviews/:id/room and POST /employer/interviews/:id/room */
export interface RoomTicket {
  interviewId: string;
  roomId: string;
  role: RoomRole;
  /** Opens the signalling socket (`${RTC_SIGNAL_PATH}?token=`); expires at `expiresAt`. */
  token: string;
  /** ISO 8601 */
  expiresAt: string;
  /** ISO 8601 times of the interview, in the backend's clock. */
  startsAt: string;
  endsAt: string;
  closesAt: string;
  /** ISO 8601: the backend's now, for the elapsed/left counters. */
  now: string;
  rtc: RtcPluginConfig;
}

export const RTC_SIGNAL_PATH = '/ws/rtc';

/** Close codes of the signalling socket. */
export const RTC_CLOSE_CODES = {
  /** Bad token: ask for a new ticket. */
  unauthorized: 4401,
  /** The token expired: ask for a new ticket. */
  tokenExpired: 4402,
  /** The room closed (30 minutes after the interview) or the interview was cancelled. */
  roomClosed: 4410,
  /** The same side opened the room again elsewhere. */
  replaced: 4409,
} as const;

/** absent: never came or left for good; waiting: in 候场; present: in the call; reconnecting: dropped, may rejoin. */
export type PeerPresence = 'absent' | 'waiting' | 'present' | 'reconnecting';

/** Opaque WebRTC signalling relayed to the other side. */
export type RtcSignal =
  | { kind: 'offer'; sdp: string }
  | { kind: 'answer'; sdp: string }
  | { kind: 'candidate'; candidate: string; sdpMid: string | null; sdpMLineIndex: number | null };

export type RtcServerFrame =
  /** After connecting and after every change: where both sides are. */
  | { type: 'room.state'; self: PeerPresence; peer: PeerPresence; admitted: boolean }
  /** Both sides are in and admitted: the HR (`initiator`) makes the offer; sent again after a rejoin. */
  | { type: 'call.ready'; initiator: boolean; attempt: number }
  | { type: 'signal'; signal: RtcSignal; attempt: number }
  | { type: 'call.ended'; by: RoomRole }
  | { type: 'pong' }
  | { type: 'error'; message: string };

export type RtcClientFrame =
  | { type: 'ping' }
  /** HR only: let the waiting seeker in. */
  | { type: 'admit' }
  | { type: 'signal'; signal: RtcSignal; attempt: number }
  /** Hang up: the other side is told; the room stays open to come back until it closes. */
  | { type: 'hangup' };

/** GET /employer/interviews/waiting and the console's 候场 list. */
export interface WaitingSeeker {
  interviewId: string;
  applicationId: string;
  /** As the company may name the seeker (the resume's name, else the Alipay nickname), as in EmployerInterview. */
  candidate: { name: string };
  jobTitle: string;
  scheduledAt: string;
  /** ISO 8601: since when they wait. */
  since: string;
}

/**
 * Where one side's call stands, as the flex component's `onStateChange` reports it. connecting: opening the
 * room; waiting: in 候场 until the HR admits; alone: in, the other side not (yet); in_call: both in and media
 * flowing; reconnecting: our network dropped, coming back (within REJOIN_WINDOW_MS); ended / failed: over.
 */
export type CallPhase = 'connecting' | 'waiting' | 'alone' | 'in_call' | 'reconnecting' | 'ended' | 'failed';

export interface CallState {
  phase: CallPhase;
  peer: PeerPresence;
  admitted: boolean;
  /** Why it ended or failed, in Chinese; '' otherwise. */
  message: string;
}

/** What one side of a call received so far; both numbers grow while video and sound arrive. */
export interface CallStats {
  videoFramesDecoded: number;
  audioBytesReceived: number;
}

/** A call's clock: "05:07", "1:02:33". */
export function formatCallClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const two = (value: number) => String(value).padStart(2, '0');
  const hours = Math.floor(seconds / 3600);
  const rest = `${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
}

/**
 * The room's clock line, the same on both sides: "距开始 03:12" before the call, "通话时长 05:07 · 剩余 24:53"
 * while it lasts (剩余 to the slot's end, never below 00:00), nothing once it ended.
 */
export function callClockText(
  times: { startsAt: string; endsAt: string },
  now: number,
  call: { phase: CallPhase; startedAt: number | null },
): string {
  if (call.phase === 'ended' || call.phase === 'failed') return '';
  const start = Date.parse(times.startsAt);
  const left = formatCallClock(Date.parse(times.endsAt) - now);
  if (call.startedAt !== null) return `通话时长 ${formatCallClock(now - call.startedAt)} · 剩余 ${left}`;
  return now < start
    ? `距开始 ${formatCallClock(start - now)}`
    : `已开始 ${formatCallClock(now - start)} · 剩余 ${left}`;
}
