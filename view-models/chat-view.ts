import { APPLICATION_STATUS_LABELS } from '../services/contracts/applications';
import {
  CONSENT_SUBJECT_LABELS,
  isActionCard,
  type ChatMessage,
  type ConversationSummary,
  type MessageCard,
} from '../services/contracts/conversations';
import { formatLastActive, formatMessageTime, formatReplyRate, formatSalary } from '../format';
import {
  actionCardSubject,
  toActionCardView,
  type CardButtonView,
  type CardSubjects,
  type CardTone,
} from './chat-card-view';

/** 发送中 → 已发送 → 已读, or 发送失败 (with 重发). Only the seeker's own messages have one. */
export type DeliveryState = 'sending' | 'sent' | 'read' | 'failed';

/** One line of a conversation: stored (with a seq) or still in the outbox (seq null). */
export interface ThreadMessage {
  /** Stable across the ack: the client id for the seeker's own, else `s<seq>`. */
  key: string;
  seq: number | null;
  from: ChatMessage['from'];
  text: string;
  card: MessageCard | null;
  sentAt: string;
  clientId: string | null;
  /** Why a failed message failed. */
  failure?: string;
}

export const DELIVERY_LABELS: Record<DeliveryState, string> = {
  sending: '发送中',
  sent: '已发送',
  read: '已读',
  failed: '发送失败',
};

/** One line of the conversation as the page draws it. */
export interface ChatMessageView {
  key: string;
  seq: number;
  /** mine: the seeker's; theirs: the HR's; system: the platform's notes and cards. */
  side: 'mine' | 'theirs' | 'system';
  text: string;
  timeText: string;
  stateText: string;
  failed: boolean;
  failure: string;
  clientId: string;
  /** '' for plain text; else the card to draw. */
  cardKind: '' | MessageCard['kind'];
  cardTitle: string;
  cardLines: string[];
  /** Interview, recorded interview and offer cards: the state now, answers on the card, what they act on. */
  cardState: string;
  cardTone: CardTone;
  cardSlots: { value: string; text: string }[];
  cardButtons: CardButtonView[];
  cardSubjectId: string;
  /** The card's answer is on its way: its buttons are disabled. */
  cardBusy: boolean;
  /** Consent request still open: show 同意 / 拒绝. */
  canAnswer: boolean;
  subject: string;
  aboutSeq: number;
}

export interface ChatHeaderView {
  jobTitle: string;
  salaryText: string;
  companyName: string;
  hrLine: string;
  activityLine: string;
  jobId: string;
  applicationId: string;
  blocked: boolean;
}

/** `hrLastActiveAt`: when the HR was last seen active (their newest message may be newer than the summary). */
export function toChatHeaderView(
  summary: ConversationSummary,
  hrLastActiveAt: string,
  now: number = Date.now(),
): ChatHeaderView {
  return {
    jobTitle: summary.jobTitle,
    salaryText: formatSalary(summary.salary),
    companyName: summary.companyName,
    hrLine: `${summary.hr.name} · ${summary.hr.title}`,
    activityLine: `${formatLastActive(hrLastActiveAt, now)} · ${formatReplyRate(summary.hr.replyRate)}`,
    jobId: summary.jobId,
    applicationId: summary.applicationId,
    blocked: summary.blocked,
  };
}

/** What drawing one line needs from the rest of the conversation and from the stores. */
export interface ThreadContext {
  /** Consent requests the seeker already answered, by seq: agreed or not (their cards show it, not buttons). */
  answeredRequests: ReadonlyMap<number, boolean>;
  /** Seqs of the latest card about each interview, recorded interview or offer: only these take answers. */
  latestActionCards: ReadonlySet<number>;
  subjects: CardSubjects;
  /** The backend's now, for the cards' states (an invitation expires, the room opens). */
  cardNow: number;
}

export function threadContext(
  messages: readonly ThreadMessage[],
  subjects: CardSubjects,
  cardNow: number,
): ThreadContext {
  return {
    answeredRequests: answeredConsentRequests(messages),
    latestActionCards: latestActionCards(messages),
    subjects,
    cardNow,
  };
}

/**
 * One line as the page draws it. `now` is fixed per page session so stored lines never change and a new
 * message crosses alone; action cards change only when what they are about changes.
 */
export function toChatMessageView(
  message: ThreadMessage,
  state: DeliveryState | null,
  context: ThreadContext,
  now: number,
): ChatMessageView {
  const side = message.from === 'seeker' ? 'mine' : message.from === 'hr' ? 'theirs' : 'system';
  const view: ChatMessageView = {
    key: message.key,
    seq: message.seq ?? 0,
    side,
    text: message.text,
    timeText: formatMessageTime(message.sentAt, now),
    stateText: state ? DELIVERY_LABELS[state] : '',
    failed: state === 'failed',
    failure: message.failure ?? '',
    clientId: message.clientId ?? '',
    cardKind: '',
    cardTitle: '',
    cardLines: [],
    canAnswer: false,
    subject: '',
    aboutSeq: 0,
    cardState: '',
    cardTone: '',
    cardSlots: [],
    cardButtons: [],
    cardSubjectId: '',
    cardBusy: false,
  };
  const card = message.card;
  // Onboarding lines carry a card for the HR's console; their text is already the seeker's plain line.
  if (!card || card.kind === 'onboarding') return view;
  view.cardKind = card.kind;
  if (isActionCard(card)) {
    const actionable = message.seq !== null && context.latestActionCards.has(message.seq);
    const drawn = toActionCardView(card, context.subjects, context.cardNow, actionable);
    view.cardTitle = drawn.title;
    view.cardLines = drawn.lines;
    view.cardState = drawn.stateText;
    view.cardTone = drawn.tone;
    view.cardSlots = drawn.slots;
    view.cardButtons = drawn.buttons;
    view.cardSubjectId = drawn.subjectId;
    view.cardBusy = drawn.busy;
    return view;
  }
  switch (card.kind) {
    case 'consent_request':
      view.subject = card.subject;
      view.cardTitle = `HR请求查看你的${CONSENT_SUBJECT_LABELS[card.subject]}`;
      view.cardLines = [card.subject === 'phone' ? '同意后HR可看到你的完整手机号' : '同意后将发送你最新上传的附件简历'];
      {
        const agreed = message.seq === null ? undefined : context.answeredRequests.get(message.seq);
        view.canAnswer = message.seq !== null && agreed === undefined;
        if (agreed !== undefined) {
          view.cardState = agreed ? '已同意' : '已拒绝';
          view.cardTone = agreed ? 'good' : 'ended';
        }
      }
      break;
    case 'consent_answer':
      view.subject = card.subject;
      view.cardTitle = card.agreed
        ? `已同意分享${CONSENT_SUBJECT_LABELS[card.subject]}`
        : `已拒绝分享${CONSENT_SUBJECT_LABELS[card.subject]}`;
      view.cardLines = card.attachment ? [card.attachment.fileName] : [];
      break;
    case 'status':
      view.cardTitle = `投递状态：${APPLICATION_STATUS_LABELS[card.status]}`;
      view.cardLines = card.note ? [card.note] : [];
      break;
    case 'scam_warning':
      view.aboutSeq = card.aboutSeq;
      view.cardTitle = '安全提醒：这条消息可能是诈骗';
      view.cardLines = [...card.flags.map((flag) => flag.reason), card.law];
      break;
  }
  return view;
}

/** Consent requests the seeker has answered: request seq → agreed. */
export function answeredConsentRequests(messages: readonly ThreadMessage[]): Map<number, boolean> {
  const answered = new Map<number, boolean>();
  for (const message of messages) {
    if (message.card?.kind === 'consent_answer' && message.card.requestSeq !== null) {
      answered.set(message.card.requestSeq, message.card.agreed);
    }
  }
  return answered;
}

/** Seqs of the latest card about each interview, recorded interview and offer. */
export function latestActionCards(messages: readonly ThreadMessage[]): Set<number> {
  const latest = new Map<string, number>();
  for (const message of messages) {
    if (message.seq !== null && isActionCard(message.card)) latest.set(actionCardSubject(message.card), message.seq);
  }
  return new Set(latest.values());
}
