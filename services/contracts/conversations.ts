import type { ApplicationStatus } from './applications';
import type { InterviewKind } from './interviews';
import type { Salary } from './jobs';
import type { PayKind } from './onboarding';
import { pageQueryRules } from './paging-rules';
import type { ScamFlag } from './scam-rules';
import type { InputRules } from './validation';
import { messageTextRules } from './chat-text';
import { textRule } from './text';

export { MESSAGE_TEXT_MAX } from './chat-text';

export const MESSAGE_SENDERS = ['seeker', 'hr', 'system'] as const;
/** Who wrote a message: the job seeker, the employer's HR, or the platform itself. */
export type MessageSender = (typeof MESSAGE_SENDERS)[number];

/** What the HR may ask the seeker to share in the chat. */
export type ConsentSubject = 'phone' | 'attachment';
export const CONSENT_SUBJECT_LABELS: Record<ConsentSubject, string> = { phone: '手机号', attachment: '附件简历' };

/** Which onboarding step an `onboarding` card tells: the offer accepted, the contract countersigned or redone. */
export type OnboardingCardStep = 'offer_accepted' | 'contract_signed' | 'contract_reissued';

/** Which step of an interview an `interview` card announces. */
export type InterviewCardStep = 'invited' | 'reinvited' | 'reschedule_proposed' | 'reschedule_confirmed';

/**
 * What a message shows besides its text. `text` is always set too (a line for previews, notifications, the
 * console and older clients).
 * - consent_request: the HR asks for the phone or the resume attachment.
 * - consent_answer: the seeker agreed or declined (`requestSeq`), or offered it unasked (`requestSeq` null).
 * - status: the application changed status.
 * - interview: an invitation (or a new round, a reschedule asked or confirmed) the seeker answers from the
 *   card; the card draws the interview as it is now, these fields only until it is loaded.
 * - recorded_interview: a recorded (one-way) interview to answer by `deadline`.
 * - offer: an offer to view and answer.
 * - scam_warning: the platform's warning about the HR message `aboutSeq`.
 * - onboarding: a step of the offer's contract (`reason`: why the HR revoked it); `text` is for the seeker.
 */
export type MessageCard =
  | { kind: 'consent_request'; subject: ConsentSubject }
  | {
      kind: 'interview';
      interviewId: string;
      step: InterviewCardStep;
      interviewKind: InterviewKind;
      /** ISO 8601 starts on the table when the message was sent (offered, proposed or the one confirmed). */
      slots: string[];
      interviewer: string;
      lengthMinutes: number;
    }
  | {
      kind: 'recorded_interview';
      recordedInterviewId: string;
      applicationId: string;
      questionCount: number;
      /** ISO 8601 */
      deadline: string;
    }
  | {
      kind: 'offer';
      offerId: string;
      applicationId: string;
      position: string;
      payKind: PayKind;
      payFen: number;
      /** 'YYYY-MM-DD' */
      startDate: string;
      /** ISO 8601 */
      expiresAt: string;
    }
  | {
      kind: 'consent_answer';
      subject: ConsentSubject;
      agreed: boolean;
      requestSeq: number | null;
      /** The attachment shared, when the subject is the attachment and the seeker agreed. */
      attachment?: { id: string; fileName: string };
    }
  | { kind: 'status'; status: ApplicationStatus; note: string | null }
  | { kind: 'scam_warning'; aboutSeq: number; flags: ScamFlag[]; law: string }
  | { kind: 'onboarding'; step: OnboardingCardStep; applicationId: string; reason: string | null };

/** The cards the seeker answers from the chat, drawn from the state of what they are about as it is now. */
export type ActionCard = Extract<MessageCard, { kind: 'interview' | 'recorded_interview' | 'offer' }>;

export function isActionCard(card: MessageCard | null): card is ActionCard {
  return card !== null && (card.kind === 'interview' || card.kind === 'recorded_interview' || card.kind === 'offer');
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  /** 1, 2, 3… within the conversation, in the order the server accepted them. */
  seq: number;
  from: MessageSender;
  text: string;
  /** The sender's id for this message: a retry carrying it never makes a second message. */
  clientId: string | null;
  card: MessageCard | null;
  /** ISO 8601 */
  sentAt: string;
}

/** The HR as the chat header shows them. */
export interface ConversationHr {
  id: string;
  name: string;
  title: string;
  /** ISO 8601 */
  lastActiveAt: string;
  /** 0–1: share of applications the HR answered. */
  replyRate: number;
}

/** GET /conversations item: one conversation between the seeker and an HR about one job. */
export interface ConversationSummary {
  id: string;
  applicationId: string;
  applicationStatus: ApplicationStatus;
  jobId: string;
  jobTitle: string;
  companyName: string;
  salary: Salary;
  hr: ConversationHr;
  /** null only for a conversation with no message yet. */
  /** `card` tells a side's client what happened, to word the preview for its reader (the HR's console). */
  lastMessage: { text: string; sentAt: string; from: MessageSender; card: MessageCard | null } | null;
  /** Sequence of the newest message (0 when none). */
  lastSeq: number;
  /** Messages from the other side (and the platform) this side has not read. */
  unreadCount: number;
  /** This side has read up to this sequence. */
  readSeq: number;
  /** The other side has read up to this sequence: this side's messages at or below it show 已读. */
  otherReadSeq: number;
  /** The seeker blocked this HR: the HR can no longer write here. */
  blocked: boolean;
  /** ISO 8601 time of the latest activity; lists are sorted by it, newest first. */
  updatedAt: string;
}

/** GET /employer/conversations item: the conversation as the HR sees it, with who the seeker is. */
export interface EmployerConversationSummary extends ConversationSummary {
  /** The resume's name; the Alipay nickname when there is none or the seeker hid the resume from the company. */
  candidate: { name: string };
}

/** GET /conversations query. */
export interface ConversationListQuery {
  cursor?: string;
  limit?: string;
  /** '1': only conversations with unread messages. */
  unread?: string;
}

export const conversationListQueryRules: InputRules<ConversationListQuery> = {
  ...pageQueryRules,
  unread: { type: 'enum', enum: ['0', '1'], message: 'unread 只能是 0 或 1' },
};

/** GET /conversations/:id/messages query: either what came after a sequence, or a page older than one. */
export interface MessageListQuery {
  afterSeq?: string;
  beforeSeq?: string;
  limit?: string;
}

export const MESSAGE_PAGE_MAX = 100;

const seqRule = { type: 'string' as const, pattern: /^\d{1,9}$/, message: '消息序号必须是非负整数' };
export const messageListQueryRules: InputRules<MessageListQuery> = {
  afterSeq: seqRule,
  beforeSeq: seqRule,
  limit: { type: 'string', pattern: /^([1-9]|[1-9]\d|100)$/, message: `limit 必须在 1 到 ${MESSAGE_PAGE_MAX} 之间` },
};

/**
 * GET /conversations/:id/messages answer, oldest first. With `afterSeq`: up to `limit` messages after it
 * (`hasMore` when more follow). Otherwise: the newest `limit` before `beforeSeq` (or the end), `hasMore`
 * when older ones remain.
 */
export interface MessagePage {
  items: ChatMessage[];
  hasMore: boolean;
  lastSeq: number;
  otherReadSeq: number;
}

/** Ids are the client's: letters, digits, `-` and `_`, 8–64 characters. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Body of a message sent into a conversation (the HR over HTTP; the seeker over the socket). */
export interface SendMessageRequest {
  text: string;
  clientId?: string;
}

export const sendMessageRules: InputRules<SendMessageRequest> = {
  ...messageTextRules,
  clientId: { type: 'string', pattern: CLIENT_ID_PATTERN, message: 'clientId 须为 8–64 位字母、数字、-或_' },
};

/** POST …/read: this side has read up to `seq` (default: everything). */
export interface MarkReadRequest {
  seq?: number;
}

export const markReadRules: InputRules<MarkReadRequest> = {
  seq: { type: 'integer', min: 0, message: 'seq 必须是非负整数' },
};

/** POST /conversations/:id/consents: the seeker answers a request (`requestSeq`) or offers unasked. */
export interface ConsentAnswerRequest {
  subject: ConsentSubject;
  agreed: boolean;
  requestSeq?: number;
}

export const consentAnswerRules: InputRules<ConsentAnswerRequest> = {
  subject: { type: 'enum', enum: ['phone', 'attachment'], required: true, message: '请选择要分享的内容' },
  agreed: { type: 'boolean', required: true, message: '请选择同意或拒绝' },
  requestSeq: { type: 'integer', min: 1, message: 'requestSeq 必须是正整数' },
};

/** POST /employer/conversations/:id/consent-requests */
export interface ConsentRequestRequest {
  subject: ConsentSubject;
}

export const consentRequestRules: InputRules<ConsentRequestRequest> = {
  subject: { type: 'enum', enum: ['phone', 'attachment'], required: true, message: '请选择要请求的内容' },
};

/** POST /conversations/:id/reports: the seeker reports an HR message (from a warning card or a long press). */
export interface ChatReportRequest {
  seq: number;
  reason: string;
}

export const chatReportRules: InputRules<ChatReportRequest> = {
  seq: { type: 'integer', min: 1, required: true, message: '请选择要举报的消息' },
  reason: textRule('举报原因', { required: true, requiredMessage: '请说明举报原因', max: 200, multiline: true }),
};

/** GET /conversations/unread-count: the 消息 tab's badge; GET /employer/conversations/unread-count: the console's. */
export interface UnreadTotal {
  unreadCount: number;
}

/** Quick replies (常用语) the seeker keeps on the device. */
export const QUICK_REPLY_MAX = 20;
export const QUICK_REPLY_TEXT_MAX = 100;

/** Greeting templates (招呼语) offered when applying; the seeker may edit the one chosen. */
export const GREETING_TEMPLATES: readonly string[] = [
  '您好，我对这个职位很感兴趣，希望能有机会进一步沟通。',
  '您好，我的经历和这个职位很匹配，方便的话可以看看我的简历。',
  '您好，请问这个职位还在招吗？我可以随时到岗。',
  '您好，我是应届毕业生，学习能力强，希望获得面试机会。',
];
