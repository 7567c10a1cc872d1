import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendMessageRules, type SendMessageRequest } from '../../services/contracts/conversations';
import {
  employerApplicationListQueryRules,
  inviteApplicationRules,
  offerApplicationRules,
  rejectApplicationRules,
  type EmployerNoteRequest,
  type RejectApplicationRequest,
} from '../../services/contracts/employer';
import { parseStatusList, type ApplicationListQuery } from '../../services/contracts/applications';
import type { MockContext } from '../context';
import { notFound } from '../http/api-error';
import { pageLimit } from '../http/cursor';
import { requireHr as requireHrOf } from '../http/hr-guard';
import { optionalText, validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';

type WithId = { Params: { id: string } };

/** The employer side: an HR named by `X-Hr-Id` works on applications to its own jobs. Loopback only. */
export function registerEmployerRoutes(app: FastifyInstance, ctx: MockContext): void {
  const requireHr = (request: FastifyRequest) => requireHrOf(ctx, request);

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

  app.post<WithId>('/employer/conversations/:id/messages', async (request, reply) => {
    const hrId = requireHr(request);
    const { text } = await validateInput<SendMessageRequest>(sendMessageRules, request.body, 'body');
    const message = ctx.employer.sendMessage(hrId, idOf(request.params.id, '会话不存在'), text);
    return reply.code(201).send(message);
  });
}
