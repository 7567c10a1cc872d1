import type { ActionCard, MessageCard } from '../services/contracts/conversations';
import {
  canMoveInterview,
  INTERVIEW_KIND_LABELS,
  interviewEnd,
  isUpcomingInterview,
  MAX_RESCHEDULES,
  type Interview,
} from '../services/contracts/interviews';
import { OFFER_STATUS_LABELS, type Offer } from '../services/contracts/onboarding';
import { unansweredQuestions, type RecordedInterview } from '../services/contracts/recorded-interviews';
import { formatDateTime, formatInterviewTime, formatOfferPay, formatWorkDay } from '../format';

/** What an action card is about, as a key: several cards about one interview share it. */
export function actionCardSubject(card: ActionCard): string {
  switch (card.kind) {
    case 'interview':
      return `interview:${card.interviewId}`;
    case 'recorded_interview':
      return `recorded:${card.recordedInterviewId}`;
    case 'offer':
      return `offer:${card.offerId}`;
  }
}

/** The latest state of what the cards are about, as the stores have it (undefined until loaded). */
export interface CardSubjects {
  interview(id: string): Interview | undefined;
  /** The offer of an application. */
  offer(applicationId: string): Offer | undefined;
  recordedInterview(id: string): RecordedInterview | undefined;
  /** An answer about this interview, or this application's offer, is being sent: its buttons wait. */
  interviewActing(id: string): boolean;
  offerActing(applicationId: string): boolean;
  /** The states could not be loaded: the cards say so and offer a retry. */
  failed: boolean;
}

/** What a card button does; the page maps each to a store action or a page. */
export type CardAction =
  | 'decline-interview'
  | 'propose-interview'
  | 'open-interview'
  | 'enter-room'
  | 'answer-recorded'
  | 'accept-offer'
  | 'open-offer'
  | 'reload-cards';

export interface CardButtonView {
  action: CardAction;
  text: string;
  primary: boolean;
}

export type CardTone = 'waiting' | 'good' | 'ended' | '';

export interface ActionCardView {
  title: string;
  lines: string[];
  /** "待回复", "已接受 12月9日 周三 14:00", "已拒绝", "已过期", "已完成"; '' until the state is loaded. */
  stateText: string;
  tone: CardTone;
  /** Offered times the seeker can accept right on the card. */
  slots: { value: string; text: string }[];
  buttons: CardButtonView[];
  /** What the buttons act on: the interview id, the recorded interview id, or the offer's application id. */
  subjectId: string;
  /** An answer is on its way: the buttons are disabled until it comes back. */
  busy: boolean;
}

const RELOAD: CardButtonView = { action: 'reload-cards', text: '重新加载', primary: false };

/**
 * One action card. `actionable` is false for an older card about the same thing as a later one: it shows the
 * current state but leaves the answers to the latest card.
 */
export function toActionCardView(
  card: ActionCard,
  subjects: CardSubjects,
  now: number,
  actionable: boolean,
): ActionCardView {
  switch (card.kind) {
    case 'interview':
      return {
        ...interviewCardView(card, subjects.interview(card.interviewId), subjects.failed, now, actionable),
        busy: actionable && subjects.interviewActing(card.interviewId),
      };
    case 'recorded_interview':
      return recordedCardView(
        card,
        subjects.recordedInterview(card.recordedInterviewId),
        subjects.failed,
        now,
        actionable,
      );
    case 'offer': {
      const offer = subjects.offer(card.applicationId);
      return {
        ...offerCardView(
          card,
          offer && offer.id === card.offerId ? offer : undefined,
          subjects.failed,
          now,
          actionable,
        ),
        busy: actionable && subjects.offerActing(card.applicationId),
      };
    }
  }
}

/** A state not loaded: what the card itself says, and a retry when loading failed. */
function unknownState(failed: boolean): Pick<ActionCardView, 'stateText' | 'tone' | 'buttons'> {
  return failed
    ? { stateText: '状态加载失败', tone: 'ended', buttons: [RELOAD] }
    : { stateText: '', tone: '', buttons: [] };
}

type InterviewCard = Extract<MessageCard, { kind: 'interview' }>;

const INTERVIEW_CARD_TITLES: Record<InterviewCard['step'], (kind: string) => string> = {
  invited: (kind) => `${kind}邀请`,
  reinvited: (kind) => `新一轮${kind}邀请`,
  reschedule_proposed: () => '你申请了改期',
  reschedule_confirmed: () => 'HR已确认改期',
};

function interviewState(interview: Interview, now: number): { stateText: string; tone: CardTone } {
  const over = interviewEnd(interview) <= now;
  switch (interview.status) {
    case 'invited':
      return over ? { stateText: '已过期', tone: 'ended' } : { stateText: '待回复', tone: 'waiting' };
    case 'reschedule_requested':
      return over ? { stateText: '已过期', tone: 'ended' } : { stateText: '改期申请待HR确认', tone: 'waiting' };
    case 'scheduled':
      return over
        ? { stateText: '已结束', tone: 'ended' }
        : { stateText: `已接受 ${formatInterviewTime(interview.scheduledAt as string, now)}`, tone: 'good' };
    case 'declined':
      return { stateText: '已拒绝', tone: 'ended' };
    case 'cancelled':
      return { stateText: '已取消', tone: 'ended' };
  }
}

function interviewCardView(
  card: InterviewCard,
  interview: Interview | undefined,
  failed: boolean,
  now: number,
  actionable: boolean,
): ActionCardView {
  const kind = INTERVIEW_KIND_LABELS[interview?.kind ?? card.interviewKind];
  const times = card.slots.map((slot) => formatInterviewTime(slot, now)).join('、');
  const invitation = card.step === 'invited' || card.step === 'reinvited';
  // Once answered, the invitation's times are history: the state says which one was taken.
  const offered = !interview || interview.status === 'invited' ? '可选时间' : '邀请时间';
  const timeLabel = card.step === 'reschedule_proposed' ? '你提议' : invitation ? offered : '时间';
  const lines = [
    `${timeLabel}：${times}`,
    `面试官：${interview?.interviewer ?? card.interviewer} · 约${interview?.lengthMinutes ?? card.lengthMinutes}分钟`,
  ];
  if (interview?.address) lines.push(`地址：${interview.address}`);
  if (interview?.phone) lines.push(`电话：${interview.phone}`);
  if (interview?.notes) lines.push(`备注：${interview.notes}`);
  const view: ActionCardView = {
    title: INTERVIEW_CARD_TITLES[card.step](kind),
    lines,
    stateText: '',
    tone: '',
    slots: [],
    buttons: [],
    subjectId: card.interviewId,
    busy: false,
  };
  if (!interview) return { ...view, ...unknownState(failed) };
  Object.assign(view, interviewState(interview, now));
  if (card.step === 'reschedule_proposed' && actionable) describeRefusal(view, interview, now);
  const details: CardButtonView = { action: 'open-interview', text: '查看详情', primary: false };
  if (!actionable) return { ...view, buttons: [details] };
  const live = isUpcomingInterview(interview, now);
  if (live && canMoveInterview(interview.status, 'accept')) {
    view.slots = interview.slots
      .filter((slot) => Date.parse(slot) > now)
      .map((slot) => ({ value: slot, text: formatInterviewTime(slot, now) }));
    // The buttons list the invitation's times: no need to say them twice.
    if (view.slots.length && invitation) view.lines.shift();
  }
  if (live && canMoveInterview(interview.status, 'decline')) {
    // Once accepted, saying no is not coming rather than refusing the invitation.
    const text = interview.status === 'scheduled' ? '不参加' : '拒绝';
    view.buttons.push({ action: 'decline-interview', text, primary: false });
  }
  if (live && canMoveInterview(interview.status, 'propose') && interview.rescheduleCount < MAX_RESCHEDULES) {
    view.buttons.push({ action: 'propose-interview', text: '申请改期', primary: false });
  }
  const room = interview.kind === 'video' && interview.status === 'scheduled' ? interview.room : null;
  if (room && now < Date.parse(room.opensAt)) view.lines.push('开始前15分钟可从这里进入面试间');
  if (room && Date.parse(room.opensAt) <= now && now <= Date.parse(room.closesAt)) {
    view.buttons.push({ action: 'enter-room', text: '进入面试间', primary: true });
  }
  if (!view.buttons.length && !view.slots.length) view.buttons.push(details);
  return view;
}

/**
 * The seeker's latest proposal was refused (the HR posts no card for it): the proposal card says so, why, and
 * where the interview stands now. A refusal is cleared by the next proposal or an agreed time.
 */
function describeRefusal(view: ActionCardView, interview: Interview, now: number): void {
  const refusal = interview.rescheduleRefusal;
  if (!refusal || interviewEnd(interview) <= now) return;
  if (interview.status !== 'invited' && interview.status !== 'scheduled') return;
  view.stateText = 'HR未同意改期';
  view.tone = 'ended';
  view.lines.push(`原因：${refusal}`);
  view.lines.push(
    interview.status === 'scheduled'
      ? `仍按原定时间：${formatInterviewTime(interview.scheduledAt as string, now)}`
      : '请从原定时间中选择一个',
  );
}

type RecordedCard = Extract<MessageCard, { kind: 'recorded_interview' }>;

function recordedCardView(
  card: RecordedCard,
  interview: RecordedInterview | undefined,
  failed: boolean,
  now: number,
  actionable: boolean,
): ActionCardView {
  const deadline = interview?.deadline ?? card.deadline;
  const count = interview?.questions.length ?? card.questionCount;
  const view: ActionCardView = {
    title: '录制面试邀请',
    lines: [`共${count}道题，有空时用手机录制回答`, `请在${formatDateTime(deadline, now)}前完成`],
    stateText: '',
    tone: '',
    slots: [],
    buttons: [],
    subjectId: card.recordedInterviewId,
    busy: false,
  };
  if (!interview) return { ...view, ...unknownState(failed) };
  if (interview.status === 'completed') return { ...view, stateText: '已完成', tone: 'good' };
  if (interview.status === 'expired' || Date.parse(deadline) <= now)
    return { ...view, stateText: '已过期', tone: 'ended' };
  const left = unansweredQuestions(interview).length;
  const stateText = left < count ? `待作答 · 还剩${left}题` : '待作答';
  const buttons: CardButtonView[] = actionable ? [{ action: 'answer-recorded', text: '去作答', primary: true }] : [];
  return { ...view, stateText, tone: 'waiting', buttons };
}

type OfferCard = Extract<MessageCard, { kind: 'offer' }>;

function offerCardView(
  card: OfferCard,
  offer: Offer | undefined,
  failed: boolean,
  now: number,
  actionable: boolean,
): ActionCardView {
  const payKind = offer?.payKind ?? card.payKind;
  const payFen = offer?.payFen ?? card.payFen;
  const start = offer ? formatWorkDay(offer.startDate, offer.reportTime, now) : formatWorkDay(card.startDate, '', now);
  const expiresAt = offer?.expiresAt ?? card.expiresAt;
  const lines = [
    `岗位：${offer?.position ?? card.position}`,
    `薪资：${formatOfferPay(payKind, payFen)}`,
    `入职：${start}`,
  ];
  // The deadline matters only while the offer waits for an answer.
  if (!offer || offer.status === 'pending') lines.push(`有效期至：${formatDateTime(expiresAt, now)}`);
  const view: ActionCardView = {
    title: '录用通知',
    lines,
    stateText: '',
    tone: '',
    slots: [],
    buttons: [],
    subjectId: card.applicationId,
    busy: false,
  };
  if (!offer) return { ...view, ...unknownState(failed) };
  const status = offer.status === 'pending' && Date.parse(offer.expiresAt) <= now ? 'expired' : offer.status;
  const tone: CardTone = status === 'pending' ? 'waiting' : status === 'accepted' ? 'good' : 'ended';
  const buttons: CardButtonView[] = !actionable
    ? []
    : status === 'pending'
      ? [
          { action: 'open-offer', text: '查看并答复', primary: false },
          { action: 'accept-offer', text: '接受', primary: true },
        ]
      : [{ action: 'open-offer', text: status === 'accepted' ? '继续入职' : '查看', primary: false }];
  return { ...view, stateText: OFFER_STATUS_LABELS[status], tone, buttons };
}
