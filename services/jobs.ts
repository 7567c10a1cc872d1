import type { JobDetail, JobListQuery, JobSummary } from './contracts/jobs';
import type { CursorPage } from './contracts/page';
import { send } from './http';

/** Jobs are public: browsing works before sign-in finishes. */
export function listJobs(query: JobListQuery): Promise<CursorPage<JobSummary>> {
  return send<CursorPage<JobSummary>>({ method: 'GET', path: '/jobs', query: { ...query } });
}

export function getJob(id: string): Promise<JobDetail> {
  return send<JobDetail>({ method: 'GET', path: `/jobs/${encodeURIComponent(id)}` });
}
