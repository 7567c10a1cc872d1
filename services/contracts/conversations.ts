import type { InputRules } from './validation';
import { pageQueryRules } from './paging-rules';
import { textRule } from './text';

export const MESSAGE_SENDERS = ['seeker', 'hr', 'system'] as const;
/** Who wrote a message: the job seeker, the employer's HR, or the platform itself. */
export type MessageSender = (typeof MESSAGE_SENDERS)[number];

export interface ChatMessage {
  id: string;
  conversationId: string;
  from: MessageSender;
  text: string;
  /** ISO 8601 */
  sentAt: string;
}

/** GET /conversations item: one conversation between the seeker and an HR about one job. */
export interface ConversationSummary {
  id: string;
  applicationId: string;
  jobId: string;
  jobTitle: string;
  companyName: string;
  hr: { id: string; name: string; title: string };
  /** null only for a conversation with no message yet. */
  lastMessage: { text: string; sentAt: string; from: MessageSender } | null;
  /** Messages from the HR or the platform the seeker has not read. */
  unreadCount: number;
  /** ISO 8601 time of the latest activity; lists are sorted by it, newest first. */
  updatedAt: string;
}

/** GET /conversations and GET /conversations/:id/messages query. */
export interface ConversationListQuery {
  cursor?: string;
  limit?: string;
}

export const MESSAGE_TEXT_MAX = 1000;

export const conversationListQueryRules: InputRules<ConversationListQuery> = { ...pageQueryRules };

/** Body of a message sent into a conversation. */
export interface SendMessageRequest {
  text: string;
}

export const sendMessageRules: InputRules<SendMessageRequest> = {
  text: textRule('消息内容', {
    required: true,
    requiredMessage: '消息内容不能为空',
    max: MESSAGE_TEXT_MAX,
    multiline: true,
  }),
};
