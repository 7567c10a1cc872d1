import { COMPANY_SIZE_LABELS, type JobDetail } from '../services/contracts/jobs';
import { toJobCardView } from './job-view';
import { formatLastActive, formatReplyRate } from '../format';

export interface JobDetailView {
  id: string;
  title: string;
  salaryText: string;
  locationText: string;
  requirementTags: string[];
  tags: string[];
  benefits: string[];
  description: string;
  requirements: string[];
  address: string;
  hasMap: boolean;
  hiringModeText: string;
  company: { name: string; verified: boolean; metaText: string };
  hr: { name: string; avatarText: string; activeText: string; replyRateText: string; inactive: boolean };
}

export function toJobDetailView(job: JobDetail, now: number = Date.now()): JobDetailView {
  const card = toJobCardView(job, now);
  const inactive = job.hrInactive;
  return {
    id: job.id,
    title: job.title,
    salaryText: card.salaryText,
    locationText: card.locationText,
    requirementTags: card.requirementTags,
    tags: job.tags,
    benefits: job.benefits,
    description: job.description,
    requirements: job.requirements,
    address: job.address,
    hasMap: job.lat !== null && job.lng !== null,
    hiringModeText: job.hiringMode === 'direct' ? '企业直招' : '人力资源机构代招',
    company: {
      name: job.company.name,
      verified: job.company.verified,
      metaText: `${job.company.industry} · ${COMPANY_SIZE_LABELS[job.company.size]}`,
    },
    hr: {
      name: `${job.hr.name} · ${job.hr.title}`,
      avatarText: job.hr.name.slice(0, 1),
      activeText: inactive ? '长期未活跃，回复可能较慢' : formatLastActive(job.hr.lastActiveAt, now),
      replyRateText: formatReplyRate(job.hr.replyRate),
      inactive,
    },
  };
}
