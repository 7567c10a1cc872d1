import './mobx-config';
import { runInAction } from 'mobx';
import type { ChatMessage, ConversationSummary } from '../services/contracts/conversations';
import { getConversation, listConversations } from '../services/conversations';
import { CursorList } from './cursor-list';

export interface ConversationFilter {
  /** 未读: only conversations with something unread. */
  unreadOnly: boolean;
}

/** The messages tab's list of conversations with employers, most recent activity first. */
export const conversationsStore = new CursorList<ConversationSummary, ConversationFilter>(
  (query, cursor) => listConversations(query, cursor),
  { unreadOnly: false },
);

/** A conversation's row as it is now: moved to the top, or fetched when the list has not shown it yet. */
export async function updateConversationRow(
  conversationId: string,
  change: (row: ConversationSummary) => ConversationSummary,
): Promise<void> {
  const shown = conversationsStore.items.find((row) => row.id === conversationId);
  let row: ConversationSummary;
  if (shown) row = change(shown);
  else {
    if (conversationsStore.status !== 'ready') return;
    try {
      row = await getConversation(conversationId);
    } catch {
      return; // The next refresh of the tab shows it.
    }
  }
  runInAction(() => {
    const others = conversationsStore.items.filter((item) => item.id !== conversationId);
    const hidden = conversationsStore.query.unreadOnly && row.unreadCount === 0;
    conversationsStore.items = hidden ? others : [row, ...others];
  });
}

/** What a new message does to its row: last message, time and (from the other side) one more unread. */
export function withMessage(row: ConversationSummary, message: ChatMessage, read: boolean): ConversationSummary {
  if (message.seq <= row.lastSeq) return row;
  const fromOther = message.from !== 'seeker';
  return {
    ...row,
    lastMessage: { text: message.text, sentAt: message.sentAt, from: message.from, card: message.card },
    lastSeq: message.seq,
    updatedAt: message.sentAt,
    unreadCount: fromOther && !read ? row.unreadCount + 1 : row.unreadCount,
  };
}
