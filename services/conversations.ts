import type {
  ChatMessage,
  ConsentAnswerRequest,
  ConversationSummary,
  MessagePage,
  UnreadTotal,
} from './contracts/conversations';
import type { CursorPage } from './contracts/page';
import { authorizedRequest } from './api';

export function listConversations(query: { unreadOnly?: boolean }, cursor?: string) {
  return authorizedRequest<CursorPage<ConversationSummary>>({
    method: 'GET',
    path: '/conversations',
    query: { cursor, unread: query.unreadOnly ? '1' : undefined },
  });
}

export function getConversation(id: string): Promise<ConversationSummary> {
  return authorizedRequest<ConversationSummary>({ method: 'GET', path: `/conversations/${id}` });
}

export function getUnreadTotal(): Promise<UnreadTotal> {
  return authorizedRequest<UnreadTotal>({ method: 'GET', path: '/conversations/unread-count' });
}

/** Oldest first: what came after `afterSeq`, or the newest `limit` before `beforeSeq`. */
export function listMessages(
  id: string,
  query: { afterSeq?: number; beforeSeq?: number; limit: number },
): Promise<MessagePage> {
  return authorizedRequest<MessagePage>({ method: 'GET', path: `/conversations/${id}/messages`, query });
}

export function markConversationRead(id: string, seq: number): Promise<ConversationSummary> {
  return authorizedRequest<ConversationSummary>({ method: 'POST', path: `/conversations/${id}/read`, body: { seq } });
}

export function answerConsent(id: string, answer: ConsentAnswerRequest): Promise<ChatMessage> {
  return authorizedRequest<ChatMessage>({ method: 'POST', path: `/conversations/${id}/consents`, body: answer });
}

export function reportChatMessage(id: string, seq: number, reason: string): Promise<{ id: string }> {
  return authorizedRequest<{ id: string }>({
    method: 'POST',
    path: `/conversations/${id}/reports`,
    body: { seq, reason },
  });
}

export function setHrBlocked(id: string, blocked: boolean): Promise<ConversationSummary> {
  return authorizedRequest<ConversationSummary>({
    method: blocked ? 'PUT' : 'DELETE',
    path: `/conversations/${id}/block`,
  });
}
