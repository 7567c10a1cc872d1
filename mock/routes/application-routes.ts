import type { FastifyInstance } from 'fastify';
import {
  applicationListQueryRules,
  parseStatusList,
  createApplicationRules,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyRules,
  type ApplicationResumeChoice,
} from '../../services/contracts/applications';
import type { MockContext } from '../context';
import { requestFingerprint } from '../applications/idempotency-store';
import { notFound } from '../http/api-error';
import { pageLimit } from '../http/cursor';
import { optionalText, validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';

const CREATE_ROUTE = 'POST /applications';

/** The seeker's applications: apply once, follow each one, withdraw. */
export function registerApplicationRoutes(app: FastifyInstance, ctx: MockContext): void {
  app.post('/applications', async (request, reply) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const headers = await validateInput(
      idempotencyKeyRules,
      { [IDEMPOTENCY_KEY_HEADER]: request.headers[IDEMPOTENCY_KEY_HEADER] },
      'headers',
    );
    const body = await validateInput(createApplicationRules, request.body, 'body');
    const key = headers[IDEMPOTENCY_KEY_HEADER];
    const greeting = optionalText(body.greeting?.trim());
    const resume: ApplicationResumeChoice =
      body.resume?.kind === 'attachment'
        ? { kind: 'attachment', attachmentId: body.resume.attachmentId }
        : { kind: 'online' };
    // The default resume leaves the fingerprint as before, so keys stored by older requests still replay.
    const fingerprint = requestFingerprint(
      CREATE_ROUTE,
      resume.kind === 'online' ? { jobId: body.jobId, greeting } : { jobId: body.jobId, greeting, resume },
    );
    // No await from here on: the check, the insert and the stored answer happen as one step.
    const replayed = ctx.idempotency.replay(userId, key, fingerprint);
    if (replayed) return reply.code(replayed.statusCode).send(replayed.body);
    const detail = ctx.db.transaction(() => {
      const created = ctx.applications.create(userId, Number(body.jobId), greeting, resume);
      ctx.idempotency.remember(userId, key, CREATE_ROUTE, fingerprint, { statusCode: 201, body: created });
      return created;
    })();
    return reply.code(201).send(detail);
  });

  app.get('/applications', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const query = await validateInput(applicationListQueryRules, request.query, 'query');
    return ctx.applications.store.listForUser(userId, {
      statuses: parseStatusList(query.status),
      jobId: query.jobId ? Number(query.jobId) : undefined,
      cursor: optionalText(query.cursor),
      limit: pageLimit(optionalText(query.limit)),
    });
  });

  app.get<{ Params: { id: string } }>('/applications/:id', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const id = parseId(request.params.id);
    if (id === undefined) throw notFound('投递记录不存在');
    return ctx.applications.detailForUser(userId, id);
  });

  app.post<{ Params: { id: string } }>('/applications/:id/withdraw', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const id = parseId(request.params.id);
    if (id === undefined) throw notFound('投递记录不存在');
    return ctx.applications.withdraw(userId, id);
  });

  /** The seeker's consent: this application's employer may see their phone number from now on. */
  app.post<{ Params: { id: string } }>('/applications/:id/share-phone', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const id = parseId(request.params.id);
    if (id === undefined) throw notFound('投递记录不存在');
    return ctx.applications.sharePhone(userId, id);
  });
}
