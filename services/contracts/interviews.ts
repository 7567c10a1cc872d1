/**
 * Interviews (面试): the HR invites with time slots; the seeker accepts one, declines with a reason or
 * proposes other times (at most MAX_RESCHEDULES, each confirmed by the HR). A video interview has a room that
 * opens ROOM_OPENS_BEFORE_MS before the slot and closes ROOM_CLOSES_AFTER_MS after it ends. Only ES2017
 * built-ins here: the app imports this file too.
 */
import type { FieldError } from './errors';
import { isBlank, textCheck, checkRule, textRule } from './text';
import type { InputRules } from './validation';

export const INTERVIEW_KINDS = ['video', 'onsite', 'phone'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];
export const INTERVIEW_KIND_LABELS: Record<InterviewKind, string> = {
  video: '视频面试',
  onsite: '现场面试',
  phone: '电话面试',
};

/**
 * invited: waiting for the seeker; reschedule_requested: the seeker proposed other times, waiting for the HR;
 * scheduled: a time is agreed; declined (by the seeker) and cancelled (by the HR, or the application ended).
 */
export const INTERVIEW_STATUSES = ['invited', 'reschedule_requested', 'scheduled', 'declined', 'cancelled'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
export const INTERVIEW_STATUS_LABELS: Record<InterviewStatus, string> = {
  invited: '待回复',
  reschedule_requested: '改期待确认',
  scheduled: '已确认',
  declined: '已拒绝',
  cancelled: '已取消',
};

/** Who may do what, from which status. The server refuses anything else with 409 and says why. */
export type InterviewMove = 'accept' | 'decline' | 'propose' | 'confirm' | 'refuse' | 'cancel';
export const INTERVIEW_MOVES: Record<InterviewStatus, readonly InterviewMove[]> = {
  invited: ['accept', 'decline', 'propose', 'cancel'],
  reschedule_requested: ['confirm', 'refuse', 'decline', 'cancel'],
  scheduled: ['decline', 'propose', 'cancel'],
  declined: [],
  cancelled: [],
};
export const INTERVIEW_MOVE_NAMES: Record<InterviewMove, string> = {
  accept: '接受面试',
  decline: '拒绝面试',
  propose: '申请改期',
  confirm: '确认改期',
  refuse: '不同意改期',
  cancel: '取消面试',
};

export function canMoveInterview(status: InterviewStatus, move: InterviewMove): boolean {
  return INTERVIEW_MOVES[status].indexOf(move) >= 0;
}

export const MAX_RESCHEDULES = 2;
export const MAX_SLOTS = 5;
const MINUTE_MS = 60 * 1000;
export const ROOM_OPENS_BEFORE_MS = 15 * MINUTE_MS;
export const ROOM_CLOSES_AFTER_MS = 30 * MINUTE_MS;
/** A call that drops may come back to the same room without waiting again within this time. */
export const REJOIN_WINDOW_MS = 60 * 1000;
/** Reminders go out this long before the interview, each paid by its own one-time consent. */
export const REMINDER_OFFSETS_MS: readonly number[] = [24 * 60 * MINUTE_MS, 60 * MINUTE_MS];

export interface InterviewFeedback {
  tookPlace: boolean;
  interviewerCame: boolean;
  /** ISO 8601 */
  at: string;
}

/** GET /interviews/:id, and the console's view of the same interview. */
export interface Interview {
  id: string;
  applicationId: string;
  conversationId: string;
  job: { id: string; title: string };
  company: { id: string; name: string };
  kind: InterviewKind;
  /** On-site only: where, and where on a map (null when the job has no coordinates). */
  address: string | null;
  location: { latitude: number; longitude: number } | null;
  /** Phone only: the number the seeker calls, or is called from. */
  phone: string | null;
  interviewer: string;
  lengthMinutes: number;
  notes: string;
  status: InterviewStatus;
  /** ISO 8601 starts the HR offered (first invitation, or its confirmation of a reschedule). */
  slots: string[];
  /** ISO 8601 starts the seeker proposed, waiting for the HR. */
  proposedSlots: string[];
  /** ISO 8601 start once agreed. */
  scheduledAt: string | null;
  /** Reschedules asked for, confirmed or refused: each counts toward MAX_RESCHEDULES. */
  rescheduleCount: number;
  /** Why the HR refused the seeker's last proposal (cleared once a time is agreed). */
  rescheduleRefusal: string | null;
  declineReason: string | null;
  cancelReason: string | null;
  feedback: InterviewFeedback | null;
  /** Video, once scheduled: when the room opens and closes. */
  room: { opensAt: string; closesAt: string } | null;
  /** ISO 8601 */
  createdAt: string;
  updatedAt: string;
}

/** The console's view of an interview: also who is interviewed. */
export interface EmployerInterview extends Interview {
  /** The resume's name; the Alipay nickname when there is none or the seeker hid the resume from the company. */
  candidate: { name: string };
}

/** GET /interviews: the seeker's interviews, soonest first, with the server's time for countdowns. */
export interface InterviewList {
  items: Interview[];
  /** ISO 8601: the backend's now (its clock may run faster than real time in the mock). */
  now: string;
}

/** Upcoming: agreed or still open, and not yet over; past: over, declined or cancelled. */
export function isUpcomingInterview(interview: Interview, now: number): boolean {
  if (interview.status === 'declined' || interview.status === 'cancelled') return false;
  return interviewEnd(interview) > now;
}

/** The end of the agreed slot, or of the latest slot still on the table. */
export function interviewEnd(interview: Interview): number {
  const starts = interview.scheduledAt ? [interview.scheduledAt] : interview.slots.concat(interview.proposedSlots);
  const latest = Math.max(...starts.map((start) => Date.parse(start)));
  return latest + interview.lengthMinutes * MINUTE_MS;
}

/** The seeker answers the two questions once the agreed slot is over. */
export function canGiveFeedback(interview: Interview, now: number): boolean {
  return interview.status === 'scheduled' && !interview.feedback && interviewEnd(interview) <= now;
}

// ---------------------------------------------------------------------------------------------------------
// Requests and their rules

/** POST /employer/applications/:id/invite */
export interface InviteInterviewRequest {
  kind: InterviewKind;
  /** ISO 8601 starts, 1 to MAX_SLOTS, not in the past, not overlapping. */
  slots: string[];
  lengthMinutes: number;
  interviewer: string;
  notes?: string;
  /** Required on-site. */
  address?: string;
  /** Required for a phone interview. */
  phone?: string;
}

export const INTERVIEW_NOTES_MAX = 300;
export const INTERVIEWER_MAX = 20;
export const ADDRESS_MAX = 100;
export const DECLINE_REASON_MAX = 200;
export const LENGTH_MINUTES = { min: 15, max: 180 } as const;
const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

const addressCheck = textCheck('面试地址', { required: true, requiredMessage: '现场面试请填写地址', max: ADDRESS_MAX });

const slotListRule = (label: string) => ({
  type: 'array' as const,
  required: true,
  min: 1,
  max: MAX_SLOTS,
  message: `请提供1到${MAX_SLOTS}个${label}`,
  defaultField: { type: 'string' as const, pattern: /^\d{4}-\d{2}-\d{2}T/, message: '时间格式不正确' },
});

export const inviteInterviewRules: InputRules<InviteInterviewRequest> = {
  kind: { type: 'enum', required: true, enum: [...INTERVIEW_KINDS], message: '请选择面试方式' },
  slots: slotListRule('面试时间'),
  lengthMinutes: {
    type: 'integer',
    required: true,
    min: LENGTH_MINUTES.min,
    max: LENGTH_MINUTES.max,
    message: `面试时长应为${LENGTH_MINUTES.min}到${LENGTH_MINUTES.max}分钟`,
  },
  interviewer: textRule('面试官', { required: true, max: INTERVIEWER_MAX }),
  notes: textRule('备注', { max: INTERVIEW_NOTES_MAX, multiline: true }),
  address: checkRule((value, source) => (source.kind === 'onsite' ? addressCheck(value, source) : undefined)),
  phone: checkRule((value, source) =>
    source.kind !== 'phone' || (typeof value === 'string' && PHONE_PATTERN.test(value))
      ? undefined
      : isBlank(value)
        ? '电话面试请填写联系电话'
        : '联系电话格式不正确，例如 13800138000 或 0571-88886666',
  ),
};

/**
 * Slots in the past or overlapping each other (given the length), as field errors `${field}.${index}`.
 * Runs after the rules, on the server with its clock and in the forms with the device's.
 */
export function slotErrors(
  slots: readonly string[],
  lengthMinutes: number,
  now: number,
  field = 'slots',
): FieldError[] {
  const errors: FieldError[] = [];
  const starts = slots.map((slot) => Date.parse(slot));
  starts.forEach((start, index) => {
    const path = `${field}.${index}`;
    if (isNaN(start)) errors.push({ path, message: '时间格式不正确' });
    else if (start <= now) errors.push({ path, message: `第${index + 1}个时间已经过去，请选择以后的时间` });
    else {
      const clash = starts.findIndex(
        (other, otherIndex) => otherIndex < index && Math.abs(other - start) < lengthMinutes * MINUTE_MS,
      );
      if (clash >= 0) errors.push({ path, message: `第${index + 1}个时间与第${clash + 1}个时间重叠` });
    }
  });
  return errors;
}

/** Proposed times that are already among the invitation's (the seeker can simply accept those). */
export function offeredSlotErrors(
  proposed: readonly string[],
  offered: readonly string[],
  field = 'slots',
): FieldError[] {
  const offeredTimes = offered.map((slot) => Date.parse(slot));
  const errors: FieldError[] = [];
  proposed.forEach((slot, index) => {
    if (offeredTimes.includes(Date.parse(slot)))
      errors.push({ path: `${field}.${index}`, message: OFFERED_SLOT_MESSAGE });
  });
  return errors;
}

export const OFFERED_SLOT_MESSAGE = '该时间已在邀请时间中，可直接接受';

/** POST /interviews/:id/accept */
export interface AcceptInterviewRequest {
  slot: string;
}

export const acceptInterviewRules: InputRules<AcceptInterviewRequest> = {
  slot: { type: 'string', required: true, pattern: /^\d{4}-\d{2}-\d{2}T/, message: '请选择一个面试时间' },
};

/** POST /interviews/:id/decline */
export interface DeclineInterviewRequest {
  reason: string;
}

export const declineInterviewRules: InputRules<DeclineInterviewRequest> = {
  reason: textRule('原因', {
    required: true,
    requiredMessage: '请填写拒绝的原因',
    max: DECLINE_REASON_MAX,
    multiline: true,
  }),
};

/** POST /interviews/:id/propose: other times, for the HR to confirm. */
export interface ProposeInterviewRequest {
  slots: string[];
}

export const proposeInterviewRules: InputRules<ProposeInterviewRequest> = { slots: slotListRule('你方便的时间') };

/** POST /employer/interviews/:id/confirm: the HR takes one of the seeker's proposed times. */
export type ConfirmInterviewRequest = AcceptInterviewRequest;
export const confirmInterviewRules = acceptInterviewRules;

/**
 * POST /employer/interviews/:id/refuse: the HR keeps to its times. The time agreed before the proposal
 * stands again; without one, the seeker picks from the HR's times still ahead.
 */
export interface RefuseRescheduleRequest {
  reason: string;
}

export const refuseRescheduleRules: InputRules<RefuseRescheduleRequest> = {
  reason: textRule('原因', {
    required: true,
    requiredMessage: '请填写不同意改期的原因',
    max: DECLINE_REASON_MAX,
    multiline: true,
  }),
};

/** POST /employer/interviews/:id/cancel */
export interface CancelInterviewRequest {
  reason: string;
}

export const cancelInterviewRules: InputRules<CancelInterviewRequest> = {
  reason: textRule('原因', {
    required: true,
    requiredMessage: '请填写取消的原因',
    max: DECLINE_REASON_MAX,
    multiline: true,
  }),
};

/** POST /interviews/:id/feedback */
export interface InterviewFeedbackRequest {
  tookPlace: boolean;
  interviewerCame: boolean;
}

export const interviewFeedbackRules: InputRules<InterviewFeedbackRequest> = {
  tookPlace: { type: 'boolean', required: true, message: '请选择面试是否进行' },
  interviewerCame: { type: 'boolean', required: true, message: '请选择面试官是否到场' },
};

/** Why a 409 from an interview move or the room, in `error.reason`. */
export type InterviewConflictReason =
  | 'illegal_move'
  | 'reschedule_limit'
  | 'no_time_left'
  | 'room_not_open'
  | 'room_closed'
  | 'interview_cancelled'
  | 'not_video'
  | 'not_scheduled'
  | 'feedback_too_early'
  | 'feedback_given';
