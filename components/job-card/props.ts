import type { JobCardView } from '../../view-models/job-view';

export interface JobCardProps {
  /** The job, already formatted for display. */
  job: JobCardView | null;
  /** Called with the job id when the card is tapped. */
  onTap?: (jobId: string) => void;
}

export const JobCardDefaultProps: JobCardProps = {
  job: null,
};
