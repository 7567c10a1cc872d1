import { EDUCATION_LABELS, EXPERIENCE_LABELS, JOB_TYPE_LABELS, type JobSummary } from '../services/contracts/jobs';
import { formatDistance, formatLastActive, formatSalary } from '../format';

/** What a job card shows, already formatted: the view never formats. */
export interface JobCardView {
  id: string;
  title: string;
  salaryText: string;
  locationText: string;
  requirementTags: string[];
  tags: string[];
  companyName: string;
  companyVerified: boolean;
  hrText: string;
  hrInactive: boolean;
}

export function toJobCardView(job: JobSummary, now: number = Date.now()): JobCardView {
  const requirementTags = [EXPERIENCE_LABELS[job.experience], EDUCATION_LABELS[job.education]];
  if (job.jobType !== 'full_time') requirementTags.unshift(JOB_TYPE_LABELS[job.jobType]);
  if (job.hiringMode === 'agency') requirementTags.push('代招');
  const hrInactive = job.hrInactive;
  const place = [job.cityName, job.district];
  if (job.distanceKm !== null && job.distanceKm !== undefined) place.push(formatDistance(job.distanceKm));
  return {
    id: job.id,
    title: job.title,
    salaryText: formatSalary(job.salary),
    locationText: place.filter(Boolean).join(' · '),
    requirementTags,
    tags: job.tags.slice(0, 3),
    companyName: job.company.name,
    companyVerified: job.company.verified,
    hrText: `${job.hr.name}·${job.hr.title} · ${hrInactive ? '长期未活跃' : formatLastActive(job.hr.lastActiveAt, now)}`,
    hrInactive,
  };
}
