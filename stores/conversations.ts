import type { ConversationSummary } from '../services/contracts/conversations';
import { listConversations } from '../services/conversations';
import { CursorList } from './cursor-list';

/** The messages tab's list of conversations with employers, most recent activity first. */
export const conversationsStore = new CursorList<ConversationSummary, Record<string, never>>(
  (_query, cursor) => listConversations(cursor),
  {},
);
