import {
  canGiveFeedback,
  canMoveInterview,
  INTERVIEW_KIND_LABELS,
  INTERVIEW_STATUS_LABELS,
  interviewEnd,
  isUpcomingInterview,
  MAX_RESCHEDULES,
  type Interview,
  type InterviewKind,
} from '../services/contracts/interviews';
import type { CallPhase } from '../services/contracts/rtc';
import { formatCountdown, formatInterviewTime } from '../format';

export type InterviewTone = 'waiting' | 'good' | 'ended';

export interface InterviewRowView {
  id: string;
  jobTitle: string;
  companyName: string;
  kind: InterviewKind;
  kindText: string;
  statusText: string;
  tone: InterviewTone;
  /** The agreed time, or the times offered / proposed. */
  timeText: string;
  /** "还有2天3小时" before an agreed interview, "进行中" during it; '' otherwise. */
  countdownText: string;
}

export interface SlotOptionView {
  value: string;
  text: string;
}

export interface InterviewDetailView extends InterviewRowView {
  interviewer: string;
  lengthText: string;
  notes: string;
  address: string;
  phone: string;
  canOpenMap: boolean;
  /** Offered slots the seeker can still pick (not past). */
  slotOptions: SlotOptionView[];
  proposedText: string;
  canAccept: boolean;
  canDecline: boolean;
  canPropose: boolean;
  /** "已申请改期1次，还可申请1次" / "已申请改期2次，不能再改期"; '' before any, and once it is over. */
  rescheduleText: string;
  /** "HR未同意改期：…" while the HR's times stand after a refused proposal; '' otherwise. */
  refusalText: string;
  /** A video interview agreed and not over: the room button shows, enabled once the room is open. */
  showRoom: boolean;
  roomOpen: boolean;
  roomText: string;
  /** Agreed and still ahead: reminders can be turned on. */
  showReminders: boolean;
  canFeedback: boolean;
  feedbackText: string;
  /** Why it ended (declined, cancelled), shown under the status. */
  endedReason: string;
}

const MINUTE_MS = 60 * 1000;

function toneOf(interview: Interview, now: number): InterviewTone {
  if (!isUpcomingInterview(interview, now)) return 'ended';
  return interview.status === 'scheduled' ? 'good' : 'waiting';
}

function statusText(interview: Interview, now: number): string {
  if (interview.status === 'scheduled') {
    const start = Date.parse(interview.scheduledAt as string);
    if (interviewEnd(interview) <= now) return interview.feedback ? '已结束' : '已结束 · 待评价';
    if (start <= now) return '进行中';
  }
  if (interview.status === 'invited' && interviewEnd(interview) <= now) return '已过期';
  return INTERVIEW_STATUS_LABELS[interview.status];
}

function timeText(interview: Interview, now: number): string {
  if (interview.scheduledAt) return formatInterviewTime(interview.scheduledAt, now);
  const slots = interview.status === 'reschedule_requested' ? interview.proposedSlots : interview.slots;
  const first = formatInterviewTime(slots[0], now);
  return slots.length > 1 ? `${first} 等${slots.length}个时间` : first;
}

function countdownText(interview: Interview, now: number): string {
  if (interview.status !== 'scheduled' || !interview.scheduledAt) return '';
  const start = Date.parse(interview.scheduledAt);
  if (interviewEnd(interview) <= now) return '';
  return start <= now ? '进行中' : `还有${formatCountdown(start - now)}`;
}

export function toInterviewRowView(interview: Interview, now: number): InterviewRowView {
  return {
    id: interview.id,
    jobTitle: interview.job.title,
    companyName: interview.company.name,
    kind: interview.kind,
    kindText: INTERVIEW_KIND_LABELS[interview.kind],
    statusText: statusText(interview, now),
    tone: toneOf(interview, now),
    timeText: timeText(interview, now),
    countdownText: countdownText(interview, now),
  };
}

/** 我的面试: upcoming soonest first, then past, latest first. */
export function splitInterviews(
  interviews: readonly Interview[],
  now: number,
): { upcoming: InterviewRowView[]; past: InterviewRowView[] } {
  const startOf = (interview: Interview) =>
    Date.parse(interview.scheduledAt ?? interview.proposedSlots[0] ?? interview.slots[0]);
  const upcoming = interviews.filter((interview) => isUpcomingInterview(interview, now));
  const past = interviews.filter((interview) => !isUpcomingInterview(interview, now));
  upcoming.sort((a, b) => startOf(a) - startOf(b));
  past.sort((a, b) => startOf(b) - startOf(a));
  return {
    upcoming: upcoming.map((interview) => toInterviewRowView(interview, now)),
    past: past.map((interview) => toInterviewRowView(interview, now)),
  };
}

function roomText(interview: Interview, now: number): { open: boolean; text: string } {
  if (!interview.room) return { open: false, text: '' };
  const opens = Date.parse(interview.room.opensAt);
  if (now < opens) return { open: false, text: `面试间${formatCountdown(opens - now)}后开放（开始前15分钟）` };
  if (now > Date.parse(interview.room.closesAt)) return { open: false, text: '面试间已关闭' };
  return { open: true, text: '面试间已开放' };
}

export function toInterviewDetailView(interview: Interview, now: number): InterviewDetailView {
  const live = isUpcomingInterview(interview, now);
  const room = roomText(interview, now);
  const used = interview.rescheduleCount;
  return {
    ...toInterviewRowView(interview, now),
    interviewer: interview.interviewer,
    lengthText: `约${interview.lengthMinutes}分钟`,
    notes: interview.notes,
    address: interview.address ?? '',
    phone: interview.phone ?? '',
    canOpenMap: interview.kind === 'onsite' && interview.location !== null,
    slotOptions: interview.slots
      .filter((slot) => Date.parse(slot) > now)
      .map((slot) => ({ value: slot, text: formatInterviewTime(slot, now) })),
    proposedText: interview.proposedSlots.map((slot) => formatInterviewTime(slot, now)).join('、'),
    canAccept: live && canMoveInterview(interview.status, 'accept'),
    canDecline: live && canMoveInterview(interview.status, 'decline'),
    canPropose: live && canMoveInterview(interview.status, 'propose') && used < MAX_RESCHEDULES,
    rescheduleText:
      used === 0 || !live
        ? ''
        : used < MAX_RESCHEDULES
          ? `已申请改期${used}次，还可申请${MAX_RESCHEDULES - used}次`
          : `已申请改期${used}次，不能再改期`,
    refusalText:
      interview.rescheduleRefusal && live && (interview.status === 'invited' || interview.status === 'scheduled')
        ? `HR未同意改期：${interview.rescheduleRefusal}`
        : '',
    showRoom: interview.kind === 'video' && interview.status === 'scheduled' && room.text !== '面试间已关闭',
    roomOpen: room.open,
    roomText: room.text,
    showReminders: interview.status === 'scheduled' && live,
    canFeedback: canGiveFeedback(interview, now),
    feedbackText: interview.feedback
      ? `你的反馈：${interview.feedback.tookPlace ? '面试已进行' : '面试没有进行'}，${
          interview.feedback.interviewerCame ? '面试官到场' : '面试官未到场'
        }`
      : '',
    endedReason:
      interview.status === 'declined'
        ? `你已拒绝：${interview.declineReason ?? ''}`
        : interview.status === 'cancelled'
          ? `HR已取消：${interview.cancelReason ?? ''}`
          : '',
  };
}

/** Days and times the propose picker offers: the 14 days from tomorrow, 09:00–20:30 every half hour. */
export function proposeWheelColumns(now: number): { label: string; value: string }[][] {
  const days: { label: string; value: string }[] = [];
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  for (let i = 1; i <= 14; i++) {
    const day = new Date(start.getTime() + i * 24 * 60 * MINUTE_MS);
    const iso = day.toISOString();
    days.push({ label: formatInterviewTime(iso, now).replace(/ \d\d:\d\d$/, ''), value: String(day.getTime()) });
  }
  const times: { label: string; value: string }[] = [];
  for (let minutes = 9 * 60; minutes <= 20 * 60 + 30; minutes += 30) {
    const hh = Math.floor(minutes / 60);
    const mm = minutes % 60;
    times.push({ label: `${hh < 10 ? '0' : ''}${hh}:${mm === 0 ? '00' : mm}`, value: String(minutes) });
  }
  return [days, times];
}

/** The ISO start of a picked [day, minutes] pair (the device's time zone, as the wheel shows it). */
export function slotOfWheel(value: readonly string[]): string {
  return new Date(Number(value[0]) + Number(value[1]) * MINUTE_MS).toISOString();
}

/** What the room page shows of the call's phase. */
export const CALL_PHASE_TEXT: Record<CallPhase, string> = {
  connecting: '正在进入面试间…',
  waiting: '候场中，请等待面试官让你进入',
  alone: '等待面试官进入…',
  in_call: '通话中',
  reconnecting: '重连中…',
  ended: '面试已结束',
  failed: '通话中断',
};
