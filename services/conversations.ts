import type { ConversationSummary } from './contracts/conversations';
import type { CursorPage } from './contracts/page';
import { authorizedRequest } from './api';

export function listConversations(cursor?: string): Promise<CursorPage<ConversationSummary>> {
  return authorizedRequest<CursorPage<ConversationSummary>>({
    method: 'GET',
    path: '/conversations',
    query: { cursor },
  });
}
