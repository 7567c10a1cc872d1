import type { FastifyInstance } from 'fastify';
import {
  employerAutopilotRules,
  employerHrOptionQueryRules,
  employerSignInRules,
  type EmployerHrOptionList,
} from '../../services/contracts/employer';
import { toEmployerHr, HR_SELECT, type HrRow } from '../auth/hr-sessions';
import type { MockContext } from '../context';
import { requireLoopback } from '../http/loopback-guard';
import { optionalText, validateInput } from '../http/validate-input';
import { bearerToken, requireEmployer } from './employer-auth';

const HR_OPTIONS_LIMIT = 50;

/**
 * The console's sign-in: QA picks a seeded HR (loopback only, like the QA switches) and gets an HR session
 * token; the HR's profile and its autopilot switch.
 */
export function registerEmployerSessionRoutes(app: FastifyInstance, ctx: MockContext): void {
  app.get('/employer/hrs', async (request): Promise<EmployerHrOptionList> => {
    requireLoopback(request);
    const query = await validateInput(employerHrOptionQueryRules, request.query, 'query');
    const keyword = optionalText(query.keyword?.trim());
    const rows = ctx.db
      .prepare(
        `WITH company_activity AS (
           SELECT j.company_id, max(a.created_at) AS last_applied_at, sum(a.status = 'submitted') AS unread
           FROM applications a JOIN jobs j ON j.id = a.job_id GROUP BY j.company_id
         ), picked AS (
           SELECT hr.*, coalesce(act.unread, 0) AS unread, act.last_applied_at
           FROM (${HR_SELECT}) hr LEFT JOIN company_activity act ON act.company_id = hr.company_id
           WHERE @keyword IS NULL OR instr(hr.company_name, @keyword) > 0 OR instr(hr.name, @keyword) > 0
           ORDER BY act.last_applied_at IS NULL, act.last_applied_at DESC, hr.company_id, hr.id
           LIMIT ${HR_OPTIONS_LIMIT}
         )
         -- Open jobs are counted for the listed HRs only.
         SELECT picked.*,
           (SELECT count(*) FROM jobs j WHERE j.company_id = picked.company_id AND j.status = 'open') AS open_jobs
         FROM picked
         ORDER BY last_applied_at IS NULL, last_applied_at DESC, company_id, id`,
      )
      .all({ keyword: keyword ?? null }) as Array<HrRow & { unread: number; open_jobs: number }>;
    return { items: rows.map((row) => ({ ...toEmployerHr(row), openJobs: row.open_jobs, unread: row.unread })) };
  });

  app.post('/employer/session', async (request, reply) => {
    requireLoopback(request);
    const { hrId } = await validateInput(employerSignInRules, request.body, 'body');
    return reply.code(201).send(ctx.hrSessions.signIn(Number(hrId)));
  });

  app.delete('/employer/session', async (request, reply) => {
    requireEmployer(ctx, request);
    const token = bearerToken(request);
    if (token) ctx.hrSessions.signOut(token);
    return reply.code(204).send();
  });

  app.get('/employer/me', async (request) => ctx.hrSessions.hr(requireEmployer(ctx, request).hrId));

  app.put('/employer/autopilot', async (request) => {
    const hr = requireEmployer(ctx, request);
    const { enabled } = await validateInput(employerAutopilotRules, request.body, 'body');
    return ctx.hrSessions.setAutopilot(hr.hrId, enabled);
  });
}
