import type {
  JobDetail,
  JobFilterOptions,
  JobListQuery,
  JobReportCreated,
  JobReportReason,
  JobSuggestList,
  JobSummary,
  SimilarJobList,
} from './contracts/jobs';
import type { CursorPage } from './contracts/page';
import { authorizedRequest } from './api';
import { send } from './http';

/** The list is public: browsing works before sign-in finishes. */
export function listJobs(query: JobListQuery): Promise<CursorPage<JobSummary>> {
  return send<CursorPage<JobSummary>>({ method: 'GET', path: '/jobs', query: { ...query } });
}

export function suggestJobs(keyword: string): Promise<JobSuggestList> {
  return send<JobSuggestList>({ method: 'GET', path: '/jobs/suggest', query: { keyword } });
}

export function getJobFilters(): Promise<JobFilterOptions> {
  return send<JobFilterOptions>({ method: 'GET', path: '/job-filters' });
}

/** Signed in, so the answer says whether the seeker saved this job. */
export function getJob(id: string): Promise<JobDetail> {
  return authorizedRequest<JobDetail>({ method: 'GET', path: `/jobs/${encodeURIComponent(id)}` });
}

export function listSimilarJobs(id: string): Promise<SimilarJobList> {
  return send<SimilarJobList>({ method: 'GET', path: `/jobs/${encodeURIComponent(id)}/similar` });
}

export function reportJob(id: string, reason: JobReportReason, text: string): Promise<JobReportCreated> {
  return authorizedRequest<JobReportCreated>({
    method: 'POST',
    path: `/jobs/${encodeURIComponent(id)}/reports`,
    body: { reason, text: text || undefined },
  });
}
