import crypto from 'node:crypto';
import { INTERVIEW_STATUS_LABELS } from '../../services/contracts/interviews';
import type { RoomRole, RoomTicket } from '../../services/contracts/rtc';
import { iso, type SimulatedClock } from '../clock';
import { conflict } from '../http/api-error';
import type { InterviewRecord } from './interview-store';
import { slotText } from './interview-service';
import type { RtcSigner } from './rtc-signature';

export interface RoomToken {
  interviewId: number;
  role: RoomRole;
  expiresAt: number;
}

/** Why a room cannot be entered now, or null when it can. */
export function roomRefusal(record: InterviewRecord, now: number): { reason: string; message: string } | null {
  const { row, view } = record;
  if (row.kind !== 'video') return { reason: 'not_video', message: '这不是视频面试，没有面试间' };
  if (row.status === 'cancelled' || row.status === 'declined') {
    return {
      reason: 'interview_cancelled',
      message: `面试已${INTERVIEW_STATUS_LABELS[row.status].replace('已', '')}，无法进入面试间`,
    };
  }
  if (row.status !== 'scheduled' || !view.room || row.scheduled_at === null) {
    return { reason: 'not_scheduled', message: '面试时间还没确定，确定后才能进入面试间' };
  }
  if (now < Date.parse(view.room.opensAt)) {
    return {
      reason: 'room_not_open',
      message: `面试间将在${slotText(Date.parse(view.room.opensAt))}开放（开始前15分钟），请到时再来`,
    };
  }
  if (now > Date.parse(view.room.closesAt)) return { reason: 'room_closed', message: '面试已结束，面试间已关闭' };
  return null;
}

/**
 * Room tickets: who may enter which interview's room, for how long (an HMAC token checked by the signalling
 * socket), with the plugin's signed config. The window is the backend's (simulated) clock; expiry is real time.
 */
export class InterviewRooms {
  private readonly secret = crypto.randomBytes(32);

  constructor(
    private readonly clock: SimulatedClock,
    private readonly signer: RtcSigner,
    private readonly ticketTtlSeconds: number,
    private readonly realNow: () => number = Date.now,
  ) {}

  ticket(record: InterviewRecord, role: RoomRole): RoomTicket {
    const now = this.clock.now();
    const refusal = roomRefusal(record, now);
    if (refusal) throw conflict(refusal.message, { reason: refusal.reason, opensAt: record.view.room?.opensAt });
    const expiresAt = this.realNow() + this.ticketTtlSeconds * 1000;
    const interviewId = record.row.id;
    const start = record.row.scheduled_at as number;
    return {
      interviewId: String(interviewId),
      roomId: `interview_${interviewId}`,
      role,
      token: this.tokenFor({ interviewId, role, expiresAt }),
      expiresAt: iso(expiresAt),
      startsAt: iso(start),
      endsAt: iso(start + record.row.length_minutes * 60 * 1000),
      closesAt: (record.view.room as { closesAt: string }).closesAt,
      now: iso(now),
      rtc: this.signer.sign(role === 'seeker' ? `s_${record.userId}` : `hr_${record.hrId}`),
    };
  }

  /** The token's claims, 'expired', or undefined when it is not ours. */
  verify(token: string | undefined): RoomToken | 'expired' | undefined {
    const parts = (token ?? '').split('.');
    if (parts.length !== 4) return undefined;
    const [id, role, expires, signature] = parts;
    const claims = `${id}.${role}.${expires}`;
    const expected = this.sign(claims);
    if (
      signature.length !== expected.length ||
      !crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
    ) {
      return undefined;
    }
    if (Number(expires) <= this.realNow()) return 'expired';
    return { interviewId: Number(id), role: role as RoomRole, expiresAt: Number(expires) };
  }

  private tokenFor(token: RoomToken): string {
    const claims = `${token.interviewId}.${token.role}.${token.expiresAt}`;
    return `${claims}.${this.sign(claims)}`;
  }

  private sign(claims: string): string {
    return crypto.createHmac('sha256', this.secret).update(claims).digest('base64url');
  }
}
