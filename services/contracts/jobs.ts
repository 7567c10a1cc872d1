import type { RuleItem } from 'async-validator';
import type { InputRules } from './validation';
import { pageQueryRules } from './paging-rules';
import { textRule, visibleLength } from './text';

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

/** A job's hiring state, set by its company: paused can be reopened, closed is final. */
export const JOB_STATUSES = ['open', 'paused', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  open: '招聘中',
  paused: '暂停招聘',
  closed: '已关闭',
};
export const JOB_STATUS_TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  open: ['paused', 'closed'],
  paused: ['open', 'closed'],
  closed: [],
};
/** Why a job that is not open takes no application: the seeker reads it on the job and on a refused apply. */
export const JOB_NOT_OPEN_MESSAGES: Record<Exclude<JobStatus, 'open'>, string> = {
  paused: '该职位暂停招聘，暂不接受投递',
  closed: '该职位已关闭，不再接受投递',
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
  /** Kilometres from the seeker's `lat`/`lng` (one decimal); null when the query gave no position. */
  distanceKm: number | null;
  /** The HR has not been active for more than `HR_INACTIVE_DAYS` days: shown as a warning, ranked down. */
  hrInactive: boolean;
}

/** 8000 → "8", 8500 → "8.5" (thousands, one decimal at most). */
function thousands(yuan: number): string {
  return String(Math.round(yuan / 100) / 10);
}

/** "8-12K·13薪", "200元/天", "150-200元/天", "25元/时": how the app and the HR console show pay. */
export function formatSalary(salary: Salary): string {
  if (salary.unit === 'month') {
    const range =
      salary.min === salary.max ? thousands(salary.min) : `${thousands(salary.min)}-${thousands(salary.max)}`;
    const months = salary.months && salary.months > 12 ? `·${salary.months}薪` : '';
    return `${range}K${months}`;
  }
  const suffix = salary.unit === 'day' ? '元/天' : '元/时';
  const range = salary.min === salary.max ? `${salary.min}` : `${salary.min}-${salary.max}`;
  return `${range}${suffix}`;
}

/** An HR silent for longer than this is "long inactive": their jobs are likely ghost jobs. */
export const HR_INACTIVE_DAYS = 14;

/** Monthly-equivalent pay, the unit salary filters use: a month has 21.75 working days of 8 hours. */
export const WORKDAYS_PER_MONTH = 21.75;
export const HOURS_PER_WORKDAY = 8;

export function monthlyEquivalent(amount: number, unit: SalaryUnit): number {
  if (unit === 'day') return amount * WORKDAYS_PER_MONTH;
  if (unit === 'hour') return amount * HOURS_PER_WORKDAY * WORKDAYS_PER_MONTH;
  return amount;
}

export const JOB_SORTS = ['match', 'latest', 'nearest', 'salary'] as const;
/** match: relevance, then the seeker's preferences, then recency; latest; nearest (needs lat/lng); salary, high first. */
export type JobSort = (typeof JOB_SORTS)[number];

/** GET /jobs query. Every value arrives as a string in the URL; lists are comma-separated. */
export interface JobListQuery {
  /** Title, company, tags or description; Chinese from 1 character, pinyin (qianduan) and initials (qd). */
  keyword?: string;
  cityCode?: string;
  /** A district name inside `cityCode`, as GET /cities/:code lists them. */
  district?: string;
  /** The seeker's position (WGS-84); both or neither. Given, every item carries `distanceKm`. */
  lat?: string;
  lng?: string;
  /** Monthly-equivalent yuan (see `monthlyEquivalent`); a job matches when its range overlaps. */
  salaryMin?: string;
  salaryMax?: string;
  /** Comma-separated `ExperienceLevel`s. */
  experience?: string;
  /** Comma-separated `EducationLevel`s. */
  education?: string;
  /** Comma-separated `JobType`s. */
  jobType?: string;
  /** Comma-separated industry names, as GET /job-filters lists them. */
  industry?: string;
  /** Comma-separated `CompanySize`s. */
  companySize?: string;
  /** '1': direct hire only (no agencies). */
  directOnly?: string;
  sort?: JobSort;
  /** Comma-separated job categories of the seeker's expectations (GET /job-filters `categories`), for `match`. */
  prefCategories?: string;
  /** Expected monthly-equivalent pay in yuan, for `match`. */
  prefSalaryMin?: string;
  /** Comma-separated codes of the seeker's expected cities, for `match` when no city is chosen. */
  prefCityCodes?: string;
  cursor?: string;
  limit?: string;
}

export const KEYWORD_MAX_LENGTH = 50;
/** How many values a comma-separated filter takes at most. */
export const FILTER_LIST_MAX = 20;
export const SALARY_FILTER_MAX = 1000000;

type Source = Record<string, unknown>;
const given = (value: unknown): value is string => typeof value === 'string' && value !== '';

function listRule(allowed: readonly string[] | null, label: string): RuleItem {
  return {
    type: 'string',
    validator: (_rule, value: unknown) => {
      if (!given(value)) return value === undefined || value === '';
      const items = value.split(',').map((item) => item.trim());
      if (items.length > FILTER_LIST_MAX || items.some((item) => item === '' || item.length > 20)) return false;
      return allowed === null || items.every((item) => allowed.indexOf(item) >= 0);
    },
    message: `${label}筛选值无效`,
  };
}

function numberRule(min: number, max: number, integer: boolean, message: string): RuleItem {
  return {
    type: 'string',
    validator: (_rule, value: unknown) => {
      if (!given(value)) return value === undefined || value === '';
      if (!(integer ? /^\d{1,9}$/ : /^-?\d{1,3}(\.\d{1,10})?$/).test(value)) return false;
      const n = Number(value);
      return n >= min && n <= max;
    },
    message,
  };
}

export const jobListQueryRules: InputRules<JobListQuery> = {
  keyword: {
    type: 'string',
    validator: (_rule, value: unknown) =>
      value === undefined || (typeof value === 'string' && visibleLength(value.trim()) <= KEYWORD_MAX_LENGTH),
    message: `搜索关键词不能超过${KEYWORD_MAX_LENGTH}个字`,
  },
  cityCode: { type: 'string', pattern: /^\d{6}$/, message: '城市编码应为6位数字' },
  district: { type: 'string', max: 30, message: '区县名称无效' },
  lat: [
    numberRule(-90, 90, false, '纬度应为-90到90之间的数字'),
    {
      validator: (_rule, value: unknown, _cb: unknown, source: Source) => given(value) === given(source.lng),
      message: '纬度和经度需要同时提供',
    },
  ],
  lng: [
    numberRule(-180, 180, false, '经度应为-180到180之间的数字'),
    {
      validator: (_rule, value: unknown, _cb: unknown, source: Source) => given(value) === given(source.lat),
      message: '纬度和经度需要同时提供',
    },
  ],
  salaryMin: numberRule(0, SALARY_FILTER_MAX, true, `最低薪资应为0到${SALARY_FILTER_MAX}之间的整数（元/月）`),
  salaryMax: [
    numberRule(0, SALARY_FILTER_MAX, true, `最高薪资应为0到${SALARY_FILTER_MAX}之间的整数（元/月）`),
    {
      validator: (_rule, value: unknown, _cb: unknown, source: Source) =>
        !given(value) || !given(source.salaryMin) || Number(source.salaryMin) <= Number(value),
      message: '最高薪资不能低于最低薪资',
    },
  ],
  experience: listRule(EXPERIENCE_LEVELS, '经验要求'),
  education: listRule(EDUCATION_LEVELS, '学历要求'),
  jobType: listRule(JOB_TYPES, '职位类型'),
  industry: listRule(null, '行业'),
  companySize: listRule(COMPANY_SIZES, '公司规模'),
  directOnly: { type: 'enum', enum: ['1', '0', ''], message: '只看直招应为1或0' },
  sort: [
    { type: 'enum', enum: [...JOB_SORTS, ''], message: '排序方式应为match、latest、nearest或salary' },
    {
      validator: (_rule, value: unknown, _cb: unknown, source: Source) =>
        value !== 'nearest' || (given(source.lat) && given(source.lng)),
      message: '按距离排序需要先获取当前位置',
    },
  ],
  prefCategories: listRule(null, '期望职位'),
  prefSalaryMin: numberRule(0, SALARY_FILTER_MAX, true, `期望薪资应为0到${SALARY_FILTER_MAX}之间的整数（元/月）`),
  prefCityCodes: {
    type: 'string',
    pattern: /^\d{6}(,\d{6}){0,4}$/,
    message: '期望城市应为至多5个6位城市编码，以逗号分隔',
  },
  ...pageQueryRules,
};

/** GET /jobs/suggest?keyword= */
export interface JobSuggestQuery {
  keyword?: string;
}

export const jobSuggestQueryRules: InputRules<JobSuggestQuery> = {
  keyword: jobListQueryRules.keyword,
};

export const JOB_SUGGESTIONS_MAX = 8;

export interface JobSuggestion {
  text: string;
  kind: 'title' | 'company';
}

/** GET /jobs/suggest answer: at most `JOB_SUGGESTIONS_MAX`, most common first; empty for an empty keyword. */
export interface JobSuggestList {
  items: JobSuggestion[];
}

/** GET /job-filters: the values the data uses, for the filter sheet and the expectation picker. */
export interface JobFilterOptions {
  industries: string[];
  /** Job categories (前端开发工程师, 厨师, 货车司机…): what `prefCategories` takes. */
  categories: string[];
  /** The same categories by industry (互联网/IT: 前端开发工程师…), each category once; 其他 last if any. */
  categoryGroups: CategoryGroup[];
}

export interface CategoryGroup {
  industry: string;
  categories: string[];
}

/** GET /jobs/:id/similar: same category, in the same or a nearby city, the job itself excluded. */
export interface SimilarJobList {
  items: JobSummary[];
}

export const SIMILAR_JOBS_MAX = 6;

export const JOB_REPORT_REASONS = ['fake', 'fee', 'discrimination', 'contact', 'other'] as const;
export type JobReportReason = (typeof JOB_REPORT_REASONS)[number];
export const JOB_REPORT_REASON_LABELS: Record<JobReportReason, string> = {
  fake: '虚假职位',
  fee: '收取费用',
  discrimination: '就业歧视',
  contact: '联系方式异常',
  other: '其他',
};
export const JOB_REPORT_TEXT_MAX = 200;

/** POST /jobs/:id/reports (signed in) → 201 `JobReportCreated`. */
export interface JobReportRequest {
  reason: JobReportReason;
  /** Details, at most `JOB_REPORT_TEXT_MAX` characters. */
  text?: string;
}

export interface JobReportCreated {
  id: string;
}

export const jobReportRules: InputRules<JobReportRequest> = {
  reason: { type: 'enum', required: true, enum: [...JOB_REPORT_REASONS], message: '请选择举报原因' },
  text: textRule('举报说明', { max: JOB_REPORT_TEXT_MAX, multiline: true }),
};

/** GET /jobs/:id */
export interface JobDetail extends JobSummary {
  description: string;
  /** One requirement per line, shown as a list. */
  requirements: string[];
  benefits: string[];
  /** Street address inside the city, without the province. */
  address: string;
  /** WGS-84 (approximate: the district's place in the city); null only for data without coordinates. */
  lat: number | null;
  lng: number | null;
  /** Whether the signed-in seeker saved this job; false when the request carries no token. */
  favorited: boolean;
  /** Only open jobs take applications; paused and closed ones still open from links and favorites. */
  status: JobStatus;
}
