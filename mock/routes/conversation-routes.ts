import type { FastifyInstance } from 'fastify';
import { conversationListQueryRules } from '../../services/contracts/conversations';
import type { MockContext } from '../context';
import { notFound } from '../http/api-error';
import { pageLimit } from '../http/cursor';
import { optionalText, validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';

/** The seeker's conversations with HRs. Someone else's conversation answers 404. */
export function registerConversationRoutes(app: FastifyInstance, ctx: MockContext): void {
  const conversations = ctx.applications.conversations;

  /** The conversation id of the path if it is the user's, else a 404. */
  function ownConversationId(userId: string, rawId: string): number {
    const id = parseId(rawId);
    const participants = id === undefined ? undefined : conversations.participants(id);
    if (!participants || participants.userId !== userId) throw notFound('会话不存在');
    return participants.id;
  }

  app.get('/conversations', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const query = await validateInput(conversationListQueryRules, request.query, 'query');
    return conversations.list(userId, optionalText(query.cursor), pageLimit(optionalText(query.limit)));
  });

  app.get<{ Params: { id: string } }>('/conversations/:id', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const id = ownConversationId(userId, request.params.id);
    const summary = conversations.find(userId, id);
    if (!summary) throw notFound('会话不存在');
    return summary;
  });

  app.get<{ Params: { id: string } }>('/conversations/:id/messages', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const id = ownConversationId(userId, request.params.id);
    const query = await validateInput(conversationListQueryRules, request.query, 'query');
    return conversations.messages(id, optionalText(query.cursor), pageLimit(optionalText(query.limit)));
  });

  app.post<{ Params: { id: string } }>('/conversations/:id/read', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const id = ownConversationId(userId, request.params.id);
    conversations.markReadBySeeker(id);
    const summary = conversations.find(userId, id);
    if (!summary) throw notFound('会话不存在');
    return summary;
  });
}
