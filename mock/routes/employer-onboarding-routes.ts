import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  revokeContractRules,
  documentReviewRules,
  offerRules,
  shiftReviewRules,
} from '../../services/contracts/onboarding';
import type { InputRules } from '../../services/contracts/validation';
import type { MockContext } from '../context';
import { notFound } from '../http/api-error';
import { validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';
import { requireEmployer } from './employer-auth';

type WithId = { Params: { id: string } };
type WithFlow = { Params: { flowId: string } };

/** The HR's side after the interview: send the offer, countersign, review documents, approve and pay shifts. */
export function registerEmployerOnboardingRoutes(app: FastifyInstance, ctx: MockContext): void {
  const { onboarding, shifts } = ctx;
  const hrOf = (request: FastifyRequest) => requireEmployer(ctx, request);
  const body = <T>(rules: InputRules<T>, request: FastifyRequest) => validateInput(rules, request.body, 'body');
  const idOf = (raw: string, message: string) => {
    const id = parseId(raw);
    if (id === undefined) throw notFound(message);
    return id;
  };

  app.post<WithId>('/employer/applications/:id/offer', async (request) => {
    const hr = hrOf(request);
    const input = await body(offerRules, request);
    return onboarding.sendOffer(hr, idOf(request.params.id, '投递记录不存在'), input);
  });

  app.get<WithId>('/employer/applications/:id/onboarding', async (request) =>
    onboarding.view(idOf(request.params.id, '投递记录不存在'), { hr: hrOf(request) }),
  );

  app.get<WithFlow>('/employer/contracts/:flowId', async (request) =>
    onboarding.viewContract(request.params.flowId, { hr: hrOf(request) }),
  );

  // The signed-in HR countersigns in their own name: no body.
  app.post<WithFlow>('/employer/contracts/:flowId/countersign', async (request) =>
    onboarding.countersign(hrOf(request), request.params.flowId),
  );

  app.post<WithFlow>('/employer/contracts/:flowId/revoke', async (request) => {
    const hr = hrOf(request);
    const { reason } = await body(revokeContractRules, request);
    return onboarding.revoke(hr, request.params.flowId, reason.trim());
  });

  app.get<WithFlow>('/employer/contracts/:flowId/proof', async (request) =>
    onboarding.proof(request.params.flowId, { hr: hrOf(request) }),
  );

  app.get<WithFlow>('/employer/contracts/:flowId/file', async (request, reply) => {
    const file = await onboarding.pdf(request.params.flowId, { hr: hrOf(request) });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${file.fileName}"`)
      .send(Buffer.from(file.bytes));
  });

  app.post<WithId>('/employer/documents/:id/review', async (request) => {
    const hr = hrOf(request);
    const { decision, reason } = await body(documentReviewRules, request);
    return onboarding.review(hr, idOf(request.params.id, '材料不存在'), decision, reason);
  });

  app.get<WithId>('/employer/documents/:id/file', async (request, reply) => {
    const file = onboarding.documentFile(idOf(request.params.id, '材料不存在'), { hr: hrOf(request) });
    return reply.type(file.mime).header('cache-control', 'no-store').send(file.bytes);
  });

  app.post<WithId>('/employer/shifts/:id/review', async (request) => {
    const hr = hrOf(request);
    const review = await body(shiftReviewRules, request);
    const id = idOf(request.params.id, '班次不存在');
    return review.decision === 'approved'
      ? shifts.approve(hr, id, review.minutes)
      : shifts.reject(hr, id, review.reason ?? '');
  });

  app.post<WithId>('/employer/shifts/:id/pay', async (request) =>
    shifts.pay(hrOf(request), idOf(request.params.id, '班次不存在')),
  );
}
