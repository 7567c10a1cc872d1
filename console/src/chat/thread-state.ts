/**
 * One conversation as the HR console holds it: the stored messages (by sequence, each once), the HR's own
 * messages still on their way, and how far the seeker has read. Pure functions from state to state, so
 * pushes, HTTP answers and resyncs can arrive in any order and twice.
 */
import type { ChatMessage, ConsentSubject, MessagePage } from '../../../services/contracts/conversations';
import { mergeBySeq } from '../../../services/contracts/message-order';

/** An HR message sent but not yet stored (or refused: `failure` says why, and 重发 sends it again). */
export interface PendingMessage {
  clientId: string;
  text: string;
  /** ISO 8601, when the HR sent it. */
  sentAt: string;
  failure?: string;
}

export interface ThreadState {
  /** Stored messages, oldest first. */
  messages: ChatMessage[];
  pending: PendingMessage[];
  /** Older history is on the server. */
  hasOlder: boolean;
  /** Every message up to this sequence is here (older pages aside): a resync asks for what follows. */
  lastSeq: number;
  /** The seeker has read up to this sequence: the HR's messages at or below it show 已读. */
  seekerReadSeq: number;
}

/** 发送中 → 已发送 → 已读, or 发送失败 (with 重发). Only the HR side's messages have one. */
export type DeliveryState = 'sending' | 'sent' | 'read' | 'failed';

export const DELIVERY_LABELS: Record<DeliveryState, string> = {
  sending: '发送中',
  sent: '已发送',
  read: '已读',
  failed: '发送失败',
};

/** A line of the thread: a stored message or a pending one. `key` stays the same across the ack. */
export type ThreadItem =
  | { key: string; stored: ChatMessage; pending?: undefined }
  | { key: string; stored?: undefined; pending: PendingMessage };

/** The newest page, as the conversation opens. */
export function threadFromPage(page: MessagePage): ThreadState {
  return {
    messages: page.items,
    pending: [],
    hasOlder: page.hasMore,
    lastSeq: page.lastSeq,
    seekerReadSeq: page.otherReadSeq,
  };
}

/** Where the contiguous run of sequences starting after `lastSeq` ends. */
function contiguousEnd(lastSeq: number, messages: readonly ChatMessage[]): number {
  const seqs = new Set(messages.map((m) => m.seq));
  let seq = lastSeq;
  while (seqs.has(seq + 1)) seq++;
  return seq;
}

/**
 * Stored messages arrived (a push, a send's answer, a resync page): each shown once, in order; the HR's own
 * leave the pending list. `lastSeq` only moves over messages without a gap, so a resync fills any hole.
 */
export function withStored(state: ThreadState, incoming: readonly ChatMessage[]): ThreadState {
  if (!incoming.length) return state;
  const sorted = [...incoming].sort((a, b) => a.seq - b.seq);
  const messages = mergeBySeq(state.messages, sorted);
  const storedIds = new Set(sorted.filter((m) => m.from === 'hr' && m.clientId).map((m) => m.clientId));
  const pending = state.pending.some((p) => storedIds.has(p.clientId))
    ? state.pending.filter((p) => !storedIds.has(p.clientId))
    : state.pending;
  return { ...state, messages, pending, lastSeq: contiguousEnd(state.lastSeq, messages) };
}

/** A resync page: its messages, and the seeker's read position as the server knows it. */
export function withResyncPage(state: ThreadState, page: MessagePage): ThreadState {
  return withSeekerRead(withStored(state, page.items), page.otherReadSeq);
}

/** An older page, put in front. */
export function withOlder(state: ThreadState, page: MessagePage): ThreadState {
  const first = state.messages[0]?.seq ?? Number.MAX_SAFE_INTEGER;
  const older = page.items.filter((m) => m.seq < first);
  return { ...state, messages: [...older, ...state.messages], hasOlder: page.hasMore };
}

/** Something is missing between what is here and the newest message: fetch what follows `lastSeq`. */
export function hasGap(state: ThreadState): boolean {
  const last = state.messages[state.messages.length - 1];
  return !!last && last.seq > state.lastSeq;
}

export function withSeekerRead(state: ThreadState, seq: number): ThreadState {
  return seq > state.seekerReadSeq ? { ...state, seekerReadSeq: seq } : state;
}

export function withPending(state: ThreadState, message: PendingMessage): ThreadState {
  return { ...state, pending: [...state.pending, message] };
}

/**
 * Messages that were unsent before a reload, back among the pending ones: those the server stored meanwhile
 * (their client id is among the stored messages) or already pending are left out.
 */
export function withRestored(state: ThreadState, unsent: readonly PendingMessage[]): ThreadState {
  const known = new Set([
    ...state.messages.filter((m) => m.from === 'hr' && m.clientId).map((m) => m.clientId),
    ...state.pending.map((p) => p.clientId),
  ]);
  const restored = unsent.filter((p) => !known.has(p.clientId));
  return restored.length ? { ...state, pending: [...state.pending, ...restored] } : state;
}

/** Marks a pending message refused (`failure`) or on its way again (undefined). */
export function withFailure(state: ThreadState, clientId: string, failure: string | undefined): ThreadState {
  return {
    ...state,
    pending: state.pending.map((p) => (p.clientId === clientId ? { ...p, failure } : p)),
  };
}

/** What the thread shows: stored messages, then the HR's pending ones in the order sent. */
export function threadItems(state: ThreadState): ThreadItem[] {
  // The HR's own keep their client id as key, so the line is not redrawn when it is stored.
  const stored = state.messages.map((message): ThreadItem => ({
    key: message.from === 'hr' && message.clientId ? message.clientId : `s${message.seq}`,
    stored: message,
  }));
  return [...stored, ...state.pending.map((pending): ThreadItem => ({ key: pending.clientId, pending }))];
}

export function deliveryOf(state: ThreadState, item: ThreadItem): DeliveryState | null {
  if (item.pending) return item.pending.failure ? 'failed' : 'sending';
  if (item.stored.from !== 'hr') return null;
  return item.stored.seq <= state.seekerReadSeq ? 'read' : 'sent';
}

/** The seeker's answer to each consent request shown, by the request's sequence. */
export function consentAnswers(messages: readonly ChatMessage[]): Map<number, ChatMessage> {
  const answers = new Map<number, ChatMessage>();
  for (const message of messages) {
    if (message.card?.kind === 'consent_answer' && message.card.requestSeq !== null) {
      answers.set(message.card.requestSeq, message);
    }
  }
  return answers;
}

/** A consent request of `subject` the seeker has not answered yet (asking again would only repeat it). */
export function openConsentRequest(messages: readonly ChatMessage[], subject: ConsentSubject): ChatMessage | undefined {
  const answers = consentAnswers(messages);
  return messages.find((m) => m.card?.kind === 'consent_request' && m.card.subject === subject && !answers.has(m.seq));
}

/** Whether the seeker has shared the resume attachment in these messages (asked or unasked). */
export function attachmentShared(messages: readonly ChatMessage[]): boolean {
  return messages.some(
    (m) => m.card?.kind === 'consent_answer' && m.card.subject === 'attachment' && m.card.agreed && !!m.card.attachment,
  );
}

/** A client id as the app makes them (`c` and 128 random bits in hex): a retry with it is never stored twice. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `c${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The HR's read answered: its read counts taken into the summary shown, nothing else from that answer. */
export function withOwnRead<S extends { readSeq: number; unreadCount: number }>(shown: S, answer: S): S {
  if (answer.readSeq < shown.readSeq) return shown;
  return { ...shown, readSeq: answer.readSeq, unreadCount: answer.unreadCount };
}
