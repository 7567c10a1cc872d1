import type { FastifyInstance } from 'fastify';
import {
  chatReportRules,
  consentAnswerRules,
  conversationListQueryRules,
  markReadRules,
  messageListQueryRules,
  sendMessageRules,
} from '../../services/contracts/conversations';
import type { ChatActor, ChatService } from '../chat/chat-service';
import type { MockContext } from '../context';
import { pageLimit } from '../http/cursor';
import { optionalText, validateInput } from '../http/validate-input';

type WithId = { Params: { id: string } };

/** Message pages default to one screen and a half. */
const MESSAGE_PAGE_DEFAULT = 30;

export async function readMessagePage(chat: ChatService, actor: ChatActor, rawId: string, rawQuery: unknown) {
  const conversation = chat.own(actor, rawId);
  const query = await validateInput(messageListQueryRules, rawQuery, 'query');
  const afterSeq = optionalText(query.afterSeq);
  const beforeSeq = optionalText(query.beforeSeq);
  const limit = query.limit ? Number(query.limit) : MESSAGE_PAGE_DEFAULT;
  return chat.conversationsStore.messages(actor.side, conversation.id, {
    afterSeq: afterSeq === undefined ? undefined : Number(afterSeq),
    beforeSeq: beforeSeq === undefined ? undefined : Number(beforeSeq),
    limit,
  });
}

export async function readConversationList(chat: ChatService, actor: ChatActor, rawQuery: unknown) {
  const query = await validateInput(conversationListQueryRules, rawQuery, 'query');
  return chat.conversationsStore.list(actor.side, actor.side === 'seeker' ? actor.userId : actor.companyId, {
    cursor: optionalText(query.cursor),
    limit: pageLimit(optionalText(query.limit)),
    unreadOnly: query.unread === '1',
  });
}

/** The seeker's conversations with HRs. Someone else's conversation answers 404. */
export function registerConversationRoutes(app: FastifyInstance, ctx: MockContext): void {
  const { chat } = ctx;
  const seeker = (authorization: string | undefined): ChatActor => ({
    side: 'seeker',
    userId: ctx.tokens.requireUser(authorization),
  });

  app.get('/conversations', async (request) =>
    readConversationList(chat, seeker(request.headers.authorization), request.query),
  );

  app.get('/conversations/unread-count', async (request) => ({
    unreadCount: chat.conversationsStore.unreadTotal('seeker', ctx.tokens.requireUser(request.headers.authorization)),
  }));

  app.get<WithId>('/conversations/:id', async (request) =>
    chat.summary(seeker(request.headers.authorization), request.params.id),
  );

  app.get<WithId>('/conversations/:id/messages', async (request) =>
    readMessagePage(chat, seeker(request.headers.authorization), request.params.id, request.query),
  );

  /** The socket's `message.send` over HTTP: 201 when stored, 200 with the stored message for a repeated clientId. */
  app.post<WithId>('/conversations/:id/messages', async (request, reply) => {
    const actor = seeker(request.headers.authorization);
    chat.own(actor, request.params.id);
    const input = await validateInput(sendMessageRules, request.body, 'body');
    const sent = chat.send(actor, request.params.id, input);
    return reply.code(sent.created ? 201 : 200).send(sent.message);
  });

  app.post<WithId>('/conversations/:id/read', async (request) => {
    const actor = seeker(request.headers.authorization);
    chat.own(actor, request.params.id);
    const input = await validateInput(markReadRules, request.body ?? {}, 'body');
    chat.markRead(actor, request.params.id, input.seq);
    return chat.summary(actor, request.params.id);
  });

  app.post<WithId>('/conversations/:id/consents', async (request, reply) => {
    const { userId } = seeker(request.headers.authorization) as { userId: string };
    chat.own({ side: 'seeker', userId }, request.params.id);
    const input = await validateInput(consentAnswerRules, request.body, 'body');
    return reply.code(201).send(chat.answerConsent(userId, request.params.id, input));
  });

  app.post<WithId>('/conversations/:id/reports', async (request, reply) => {
    const { userId } = seeker(request.headers.authorization) as { userId: string };
    chat.own({ side: 'seeker', userId }, request.params.id);
    const input = await validateInput(chatReportRules, request.body, 'body');
    return reply.code(201).send(chat.report(userId, request.params.id, input));
  });

  app.put<WithId>('/conversations/:id/block', async (request) => {
    const { userId } = seeker(request.headers.authorization) as { userId: string };
    return chat.setBlocked(userId, request.params.id, true);
  });

  app.delete<WithId>('/conversations/:id/block', async (request) => {
    const { userId } = seeker(request.headers.authorization) as { userId: string };
    return chat.setBlocked(userId, request.params.id, false);
  });
}
