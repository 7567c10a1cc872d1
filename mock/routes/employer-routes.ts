import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseStatusList } from '../../services/contracts/applications';
import { consentRequestRules, markReadRules, sendMessageRules } from '../../services/contracts/conversations';
import { employerApplicationListQueryRules, rejectApplicationRules } from '../../services/contracts/employer';
import { inviteInterviewRules } from '../../services/contracts/interviews';
import type { MockContext } from '../context';
import { notFound } from '../http/api-error';
import { pageLimit } from '../http/cursor';
import { optionalText, validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';
import { readConversationList, readMessagePage } from './conversation-routes';
import { requireEmployer } from './employer-auth';

type WithId = { Params: { id: string } };

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight (China time) starting the 'YYYY-MM-DD' day, in ms. */
function chinaDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - CHINA_UTC_OFFSET_MS;
}

/** The employer side of applications: an HR works on the applications to its company's jobs. Loopback only. */
export function registerEmployerRoutes(app: FastifyInstance, ctx: MockContext): void {
  function idOf(raw: string, message = '投递记录不存在'): number {
    const id = parseId(raw);
    if (id === undefined) throw notFound(message);
    return id;
  }

  app.get('/employer/applications', async (request) => {
    const hr = requireEmployer(ctx, request);
    const query = await validateInput(employerApplicationListQueryRules, request.query, 'query');
    const from = optionalText(query.createdFrom);
    const to = optionalText(query.createdTo);
    const jobId = optionalText(query.jobId);
    return ctx.employer.list(hr, {
      statuses: parseStatusList(query.status),
      jobId: jobId === undefined ? undefined : Number(jobId),
      createdFrom: from === undefined ? undefined : chinaDayStart(from),
      createdBefore: to === undefined ? undefined : chinaDayStart(to) + DAY_MS,
      sort: query.sort,
      cursor: optionalText(query.cursor),
      limit: pageLimit(optionalText(query.limit)),
    });
  });

  app.get<WithId>('/employer/applications/:id', async (request) =>
    ctx.employer.view(requireEmployer(ctx, request), idOf(request.params.id)),
  );

  app.post<WithId>('/employer/applications/:id/view', async (request) =>
    ctx.employer.markViewed(requireEmployer(ctx, request), idOf(request.params.id)),
  );

  app.post<WithId>('/employer/applications/:id/reject', async (request) => {
    const hr = requireEmployer(ctx, request);
    const { reason } = await validateInput(rejectApplicationRules, request.body, 'body');
    return ctx.employer.reject(hr, idOf(request.params.id), reason.trim());
  });

  app.post<WithId>('/employer/applications/:id/invite', async (request) => {
    const hr = requireEmployer(ctx, request);
    const invitation = await validateInput(inviteInterviewRules, request.body, 'body');
    return ctx.employer.invite(hr, idOf(request.params.id), invitation);
  });

  // The HR's side of the chat: the company's conversations, seen from the HR (another company's is a 404).
  const hr = (request: FastifyRequest) => ({ side: 'hr' as const, ...requireEmployer(ctx, request) });

  app.get('/employer/conversations', async (request) => readConversationList(ctx.chat, hr(request), request.query));

  app.get('/employer/conversations/unread-count', async (request) => ({
    unreadCount: ctx.chat.conversationsStore.unreadTotal('hr', hr(request).companyId),
  }));

  app.get<WithId>('/employer/conversations/:id', async (request) => ctx.chat.summary(hr(request), request.params.id));

  app.get<WithId>('/employer/conversations/:id/messages', async (request) =>
    readMessagePage(ctx.chat, hr(request), request.params.id, request.query),
  );

  /** 201 when stored; 200 with the stored message for a repeated `clientId`. */
  app.post<WithId>('/employer/conversations/:id/messages', async (request, reply) => {
    const actor = hr(request);
    ctx.chat.own(actor, request.params.id);
    const input = await validateInput(sendMessageRules, request.body, 'body');
    const sent = ctx.chat.send(actor, request.params.id, input);
    return reply.code(sent.created ? 201 : 200).send(sent.message);
  });

  app.post<WithId>('/employer/conversations/:id/read', async (request) => {
    const actor = hr(request);
    ctx.chat.own(actor, request.params.id);
    const input = await validateInput(markReadRules, request.body ?? {}, 'body');
    ctx.chat.markRead(actor, request.params.id, input.seq);
    return ctx.chat.summary(actor, request.params.id);
  });

  app.post<WithId>('/employer/conversations/:id/consent-requests', async (request, reply) => {
    const actor = hr(request);
    ctx.chat.own(actor, request.params.id);
    const { subject } = await validateInput(consentRequestRules, request.body, 'body');
    return reply.code(201).send(ctx.chat.requestConsent(actor, request.params.id, subject));
  });
}
