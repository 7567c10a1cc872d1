import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  consentRequestRules,
  markReadRules,
  sendMessageRules,
  type ConsentRequestRequest,
  type MarkReadRequest,
  type SendMessageRequest,
} from '../../services/contracts/conversations';
import {
  employerApplicationListQueryRules,
  HR_ID_HEADER,
  inviteApplicationRules,
  offerApplicationRules,
  rejectApplicationRules,
  type EmployerNoteRequest,
  type RejectApplicationRequest,
} from '../../services/contracts/employer';
import { parseStatusList, type ApplicationListQuery } from '../../services/contracts/applications';
import type { MockContext } from '../context';
import { notFound, unauthorized } from '../http/api-error';
import { pageLimit } from '../http/cursor';
import { requireLoopback } from '../http/loopback-guard';
import { optionalText, validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';
import { readConversationList, readMessagePage } from './conversation-routes';

type WithId = { Params: { id: string } };

/** The employer side: an HR named by `X-Hr-Id` works on applications to its own jobs. Loopback only. */
export function registerEmployerRoutes(app: FastifyInstance, ctx: MockContext): void {
  function requireHr(request: FastifyRequest): number {
    requireLoopback(request);
    const header = request.headers[HR_ID_HEADER];
    const hrId = typeof header === 'string' ? parseId(header) : undefined;
    if (hrId === undefined) throw unauthorized('请在 X-Hr-Id 请求头中指定HR账号');
    if (!ctx.db.prepare('SELECT 1 FROM hrs WHERE id = ?').get(hrId)) throw unauthorized('HR账号不存在');
    return hrId;
  }

  function idOf(raw: string, message = '投递记录不存在'): number {
    const id = parseId(raw);
    if (id === undefined) throw notFound(message);
    return id;
  }

  app.get('/employer/applications', async (request) => {
    const hrId = requireHr(request);
    const query = await validateInput<ApplicationListQuery>(employerApplicationListQueryRules, request.query, 'query');
    return ctx.employer.list(hrId, {
      statuses: parseStatusList(query.status),
      cursor: optionalText(query.cursor),
      limit: pageLimit(optionalText(query.limit)),
    });
  });

  app.get<WithId>('/employer/applications/:id', async (request) =>
    ctx.employer.view(requireHr(request), idOf(request.params.id)),
  );

  app.post<WithId>('/employer/applications/:id/view', async (request) =>
    ctx.employer.markViewed(requireHr(request), idOf(request.params.id)),
  );

  app.post<WithId>('/employer/applications/:id/reject', async (request) => {
    const hrId = requireHr(request);
    const { reason } = await validateInput<RejectApplicationRequest>(rejectApplicationRules, request.body, 'body');
    return ctx.employer.reject(hrId, idOf(request.params.id), reason.trim());
  });

  app.post<WithId>('/employer/applications/:id/invite', async (request) => {
    const hrId = requireHr(request);
    const { note } = await validateInput<EmployerNoteRequest>(inviteApplicationRules, request.body, 'body');
    return ctx.employer.invite(hrId, idOf(request.params.id), note.trim());
  });

  app.post<WithId>('/employer/applications/:id/offer', async (request) => {
    const hrId = requireHr(request);
    const body = await validateInput<Partial<EmployerNoteRequest>>(offerApplicationRules, request.body ?? {}, 'body');
    return ctx.employer.offer(hrId, idOf(request.params.id), optionalText(body.note?.trim()));
  });

  app.post<WithId>('/employer/applications/:id/hire', async (request) =>
    ctx.employer.hire(requireHr(request), idOf(request.params.id)),
  );

  // The HR's side of the chat (the console's pane): the same conversations, seen from the HR.
  const hr = (request: FastifyRequest) => ({ side: 'hr' as const, hrId: requireHr(request) });

  app.get('/employer/conversations', async (request) => readConversationList(ctx.chat, hr(request), request.query));

  app.get<WithId>('/employer/conversations/:id', async (request) => ctx.chat.summary(hr(request), request.params.id));

  app.get<WithId>('/employer/conversations/:id/messages', async (request) =>
    readMessagePage(ctx.chat, hr(request), request.params.id, request.query),
  );

  /** 201 when stored; 200 with the stored message for a repeated `clientId`. */
  app.post<WithId>('/employer/conversations/:id/messages', async (request, reply) => {
    const actor = hr(request);
    ctx.chat.own(actor, request.params.id);
    const input = await validateInput<SendMessageRequest>(sendMessageRules, request.body, 'body');
    const sent = ctx.chat.send(actor, request.params.id, input);
    return reply.code(sent.created ? 201 : 200).send(sent.message);
  });

  app.post<WithId>('/employer/conversations/:id/read', async (request) => {
    const actor = hr(request);
    ctx.chat.own(actor, request.params.id);
    const input = await validateInput<MarkReadRequest>(markReadRules, request.body ?? {}, 'body');
    ctx.chat.markRead(actor, request.params.id, input.seq);
    return ctx.chat.summary(actor, request.params.id);
  });

  app.post<WithId>('/employer/conversations/:id/consent-requests', async (request, reply) => {
    const actor = hr(request);
    ctx.chat.own(actor, request.params.id);
    const { subject } = await validateInput<ConsentRequestRequest>(consentRequestRules, request.body, 'body');
    return reply.code(201).send(ctx.chat.requestConsent(actor.hrId, request.params.id, subject));
  });
}
