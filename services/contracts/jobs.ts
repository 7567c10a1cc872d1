import type { Rules } from './validation';
import { pageQueryRules } from './paging-rules';

export const JOB_TYPES = ['full_time', 'part_time', 'intern', 'daily_gig'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_TYPE_LABELS: Record<JobType, string> = {
  full_time: '全职',
  part_time: '兼职',
  intern: '实习',
  daily_gig: '日结',
};

export const EDUCATION_LEVELS = [
  'any',
  'junior_high',
  'high_school',
  'associate',
  'bachelor',
  'master',
  'doctor',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  any: '学历不限',
  junior_high: '初中及以下',
  high_school: '高中/中专',
  associate: '大专',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
};

export const EXPERIENCE_LEVELS = ['any', 'fresh', 'lt1', '1_3', '3_5', '5_10', 'gt10'] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export const EXPERIENCE_LABELS: Record<ExperienceLevel, string> = {
  any: '经验不限',
  fresh: '应届生',
  lt1: '1年以内',
  '1_3': '1-3年',
  '3_5': '3-5年',
  '5_10': '5-10年',
  gt10: '10年以上',
};

export const COMPANY_SIZES = ['lt20', '20_99', '100_499', '500_999', '1000_9999', 'gt10000'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];
export const COMPANY_SIZE_LABELS: Record<CompanySize, string> = {
  lt20: '0-20人',
  '20_99': '20-99人',
  '100_499': '100-499人',
  '500_999': '500-999人',
  '1000_9999': '1000-9999人',
  gt10000: '10000人以上',
};

export const SALARY_UNITS = ['month', 'day', 'hour'] as const;
export type SalaryUnit = (typeof SALARY_UNITS)[number];

/** Amounts in yuan. `months` is the number of monthly salaries a year (13 for 13薪), monthly pay only. */
export interface Salary {
  min: number;
  max: number;
  unit: SalaryUnit;
  months?: number;
}

export type HiringMode = 'direct' | 'agency';

export interface CompanySummary {
  id: string;
  name: string;
  verified: boolean;
  size: CompanySize;
  industry: string;
}

export interface HrSummary {
  id: string;
  name: string;
  title: string;
  /** ISO 8601 */
  lastActiveAt: string;
  /** Share of conversations answered, 0..1. */
  replyRate: number;
}

export interface JobSummary {
  id: string;
  title: string;
  salary: Salary;
  /** GB/T 2260 code of the prefecture-level city. */
  cityCode: string;
  cityName: string;
  district: string;
  experience: ExperienceLevel;
  education: EducationLevel;
  jobType: JobType;
  hiringMode: HiringMode;
  tags: string[];
  company: CompanySummary;
  hr: HrSummary;
  /** ISO 8601 */
  publishedAt: string;
}

/** GET /jobs query. Every value arrives as a string in the URL. */
export interface JobListQuery {
  keyword?: string;
  cityCode?: string;
  cursor?: string;
  limit?: string;
}

export const jobListQueryRules: Rules = {
  keyword: { type: 'string', max: 50, message: '搜索关键词不能超过50个字' },
  cityCode: { type: 'string', pattern: /^\d{6}$/, message: '城市编码应为6位数字' },
  ...pageQueryRules,
};

/** GET /jobs/:id */
export interface JobDetail extends JobSummary {
  description: string;
  /** One requirement per line, shown as a list. */
  requirements: string[];
  benefits: string[];
  /** Street address inside the city, without the province. */
  address: string;
  /** WGS-84; null while the city data carries no coordinates. */
  lat: number | null;
  lng: number | null;
}
