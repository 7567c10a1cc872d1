import type { JobListQuery, JobSummary } from '../services/contracts/jobs';
import { listJobs } from '../services/jobs';
import { CursorList } from './cursor-list';

export type JobFeedQuery = Pick<JobListQuery, 'keyword' | 'cityCode'>;

/** The jobs tab's list. */
export const jobFeedStore = new CursorList<JobSummary, JobFeedQuery>(
  (query, cursor) => listJobs({ ...query, cursor }),
  {},
);
