import type { FastifyInstance } from 'fastify';
import { employerInterviewListQueryRules } from '../../services/contracts/employer';
import {
  cancelInterviewRules,
  confirmInterviewRules,
  refuseRescheduleRules,
} from '../../services/contracts/interviews';
import type { MockContext } from '../context';
import { notFound } from '../http/api-error';
import { optionalText, validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';
import { requireEmployer } from './employer-auth';

type WithId = { Params: { id: string } };

/** The HR's side of interviews: its company's interviews, confirming or refusing reschedules, cancelling, the room. */
export function registerEmployerInterviewRoutes(app: FastifyInstance, ctx: MockContext): void {
  const idOf = (raw: string) => {
    const id = parseId(raw);
    if (id === undefined) throw notFound('面试不存在');
    return id;
  };

  app.get('/employer/interviews', async (request) => {
    const hr = requireEmployer(ctx, request);
    const query = await validateInput(employerInterviewListQueryRules, request.query, 'query');
    const applicationId = optionalText(query.applicationId);
    return {
      items: ctx.interviews.store.listForCompany(
        hr.companyId,
        applicationId ? (parseId(applicationId) ?? -1) : undefined,
      ),
    };
  });

  /** Who waits in the company's rooms (候场) now. */
  app.get('/employer/interviews/waiting', async (request) => ({
    items: ctx.signalling.waitingFor(requireEmployer(ctx, request).companyId),
  }));

  app.post<WithId>('/employer/interviews/:id/confirm', async (request) => {
    const hr = requireEmployer(ctx, request);
    const { slot } = await validateInput(confirmInterviewRules, request.body, 'body');
    return ctx.interviews.confirm(hr.companyId, idOf(request.params.id), slot);
  });

  app.post<WithId>('/employer/interviews/:id/refuse', async (request) => {
    const hr = requireEmployer(ctx, request);
    const { reason } = await validateInput(refuseRescheduleRules, request.body, 'body');
    return ctx.interviews.refuse(hr.companyId, idOf(request.params.id), reason.trim());
  });

  app.post<WithId>('/employer/interviews/:id/cancel', async (request) => {
    const hr = requireEmployer(ctx, request);
    const { reason } = await validateInput(cancelInterviewRules, request.body, 'body');
    return ctx.interviews.cancel(hr.companyId, idOf(request.params.id), reason.trim());
  });

  app.post<WithId>('/employer/interviews/:id/room', async (request) => {
    const hr = requireEmployer(ctx, request);
    return ctx.rooms.ticket(ctx.interviews.forCompany(hr.companyId, idOf(request.params.id)), 'hr');
  });
}
