import { APPLICATION_STATUS_LABELS } from '../services/contracts/applications';
import {
  CONSENT_SUBJECT_LABELS,
  type ChatMessage,
  type ConversationSummary,
  type MessageCard,
} from '../services/contracts/conversations';
import { formatLastActive, formatMessageTime, formatReplyRate, formatSalary } from '../format';

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
  cardKind: '' | 'consent_request' | 'consent_answer' | 'status' | 'scam_warning';
  cardTitle: string;
  cardLines: string[];
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

export function toChatHeaderView(summary: ConversationSummary, now: number = Date.now()): ChatHeaderView {
  return {
    jobTitle: summary.jobTitle,
    salaryText: formatSalary(summary.salary),
    companyName: summary.companyName,
    hrLine: `${summary.hr.name} · ${summary.hr.title}`,
    activityLine: `${formatLastActive(summary.hr.lastActiveAt, now)} · ${formatReplyRate(summary.hr.replyRate)}`,
    jobId: summary.jobId,
    applicationId: summary.applicationId,
    blocked: summary.blocked,
  };
}

/**
 * `answeredRequests`: seqs of consent requests the seeker already answered (their cards lose the buttons).
 * `now` is fixed per page session so stored lines never change and a new message crosses alone.
 */
export function toChatMessageView(
  message: ThreadMessage,
  state: DeliveryState | null,
  answeredRequests: ReadonlySet<number>,
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
  };
  const card = message.card;
  if (!card) return view;
  view.cardKind = card.kind;
  switch (card.kind) {
    case 'consent_request':
      view.subject = card.subject;
      view.cardTitle = `HR请求查看你的${CONSENT_SUBJECT_LABELS[card.subject]}`;
      view.cardLines = [card.subject === 'phone' ? '同意后HR可看到你的完整手机号' : '同意后将发送你最新上传的附件简历'];
      view.canAnswer = message.seq !== null && !answeredRequests.has(message.seq);
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

/** Seqs of consent requests the seeker has answered. */
export function answeredConsentRequests(messages: readonly ThreadMessage[]): Set<number> {
  const answered = new Set<number>();
  for (const message of messages) {
    if (message.card?.kind === 'consent_answer' && message.card.requestSeq !== null) {
      answered.add(message.card.requestSeq);
    }
  }
  return answered;
}
