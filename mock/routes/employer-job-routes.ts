import type { FastifyInstance } from 'fastify';
import { jobStatusRules, type EmployerJobList } from '../../services/contracts/employer';
import type { MockContext } from '../context';
import { notFound } from '../http/api-error';
import { validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';
import { requireEmployer } from './employer-auth';

/** The company's jobs in the console: counts per application status; pause, reopen, close. Loopback only. */
export function registerEmployerJobRoutes(app: FastifyInstance, ctx: MockContext): void {
  app.get('/employer/jobs', async (request): Promise<EmployerJobList> => ({
    items: ctx.employerJobs.list(requireEmployer(ctx, request)),
  }));

  app.put<{ Params: { id: string } }>('/employer/jobs/:id/status', async (request) => {
    const hr = requireEmployer(ctx, request);
    const { status } = await validateInput(jobStatusRules, request.body, 'body');
    const jobId = parseId(request.params.id);
    if (jobId === undefined) throw notFound('职位不存在');
    return ctx.employerJobs.setStatus(hr, jobId, status);
  });
}
