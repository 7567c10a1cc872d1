import type { JobListQuery, JobSummary } from '../services/contracts/jobs';
import { listJobs } from '../services/jobs';
import { CursorList } from './cursor-list';

/** The jobs tab's list, for the query the search store sets. */
export const jobFeedStore = new CursorList<JobSummary, JobListQuery>(
  (query, cursor) => listJobs({ ...query, cursor }),
  {},
);
