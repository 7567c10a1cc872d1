import {
  APPLICATION_STATUSES,
  applicationListQueryRules,
  type ApplicationDetail,
  type ApplicationStatus,
} from './applications';
import { JOB_STATUSES, type CompanySummary, type JobStatus, type JobSummary } from './jobs';
import type { Education, Gender, ResumeExpectations, WorkExperience, WorkStatus } from './resume';
import type { ResumeAttachment } from './resume-attachments';
import { textRule } from './text';
import type { TrustBadges } from './trust';
import type { InputRules } from './validation';

/**
 * The employer side of the mock backend: the HR's console (console/) and tests. Accepted from loopback only;
 * the mini-program never calls these. A request names its HR with `Authorization: Bearer <HR session token>`
 * (POST /employer/session) or, for tests, `X-Hr-Id: <hr id>`. An HR works on its own company's jobs and
 * applications; another company's are 404.
 */
export const HR_ID_HEADER = 'x-hr-id';

/** The HR signed in to the console. */
export interface EmployerHr {
  id: string;
  name: string;
  title: string;
  company: CompanySummary;
  /**
   * The mock's autopilot answers this HR's applications. Signing in to the console turns it off (a person
   * answers, and is never overruled); PUT /employer/autopilot turns it back on.
   */
  autopilot: boolean;
}

/** GET /employer/hrs: the seeded HRs QA may sign in as, busiest companies first. */
export interface EmployerHrOption extends EmployerHr {
  openJobs: number;
  /** Applications to the company's jobs not yet opened by an HR. */
  unread: number;
}

export interface EmployerHrOptionList {
  items: EmployerHrOption[];
}

export interface EmployerHrOptionQuery {
  /** Part of a company or HR name. */
  keyword?: string;
}

export const EMPLOYER_KEYWORD_MAX = 30;

export const employerHrOptionQueryRules: InputRules<EmployerHrOptionQuery> = {
  keyword: { type: 'string', max: EMPLOYER_KEYWORD_MAX, message: `搜索内容不能超过${EMPLOYER_KEYWORD_MAX}个字` },
};

/** GET /employer/interviews?applicationId= (an unknown id lists nothing) */
export interface EmployerInterviewListQuery {
  applicationId?: string;
}

export const employerInterviewListQueryRules: InputRules<EmployerInterviewListQuery> = {
  applicationId: { type: 'string', pattern: /^\d{1,12}$/, message: '投递编号不正确' },
};

/** POST /employer/session */
export interface EmployerSignInRequest {
  hrId: string;
}

export const employerSignInRules: InputRules<EmployerSignInRequest> = {
  hrId: { type: 'string', required: true, pattern: /^\d{1,12}$/, message: '请选择要登录的HR账号' },
};

export interface EmployerSession {
  token: string;
  /** Seconds. */
  expiresIn: number;
  hr: EmployerHr;
}

/** PUT /employer/autopilot */
export interface EmployerAutopilotRequest {
  enabled: boolean;
}

export const employerAutopilotRules: InputRules<EmployerAutopilotRequest> = {
  enabled: { type: 'boolean', required: true, message: '请选择是否开启自动处理' },
};

/** An application as its company's HR sees it. */
export interface EmployerApplicationView extends ApplicationDetail {
  applicant: { userId: string; nickname: string };
  /** How well the resume sent fits the job, 0..100, worked out when the seeker applied. */
  matchScore: number;
  /** What fits, in Chinese (期望职位相符, 学历符合要求…), best first. */
  matchReasons: string[];
  /** No HR has opened it yet (still 已投递). */
  unread: boolean;
}

export const EMPLOYER_APPLICATION_SORTS = ['latest', 'match'] as const;
/** latest: newest first; match: best match first, newest among equals. */
export type EmployerApplicationSort = (typeof EMPLOYER_APPLICATION_SORTS)[number];

/** GET /employer/applications query (strings, as in a URL). */
export interface EmployerApplicationListQuery {
  /** One status, or several separated by commas. */
  status?: string;
  jobId?: string;
  /** 'YYYY-MM-DD', China time, inclusive: applications sent on or after this day. */
  createdFrom?: string;
  /** 'YYYY-MM-DD', China time, inclusive. */
  createdTo?: string;
  sort?: EmployerApplicationSort;
  cursor?: string;
  limit?: string;
}

const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const employerApplicationListQueryRules: InputRules<EmployerApplicationListQuery> = {
  ...applicationListQueryRules,
  createdFrom: { type: 'string', pattern: DAY_PATTERN, message: '开始日期格式应为YYYY-MM-DD' },
  createdTo: [
    { type: 'string', pattern: DAY_PATTERN, message: '结束日期格式应为YYYY-MM-DD' },
    {
      validator: (_rule, value: unknown, _callback, source) => {
        const from = (source as { createdFrom?: unknown }).createdFrom;
        return typeof value !== 'string' || typeof from !== 'string' || from <= value;
      },
      message: '结束日期不能早于开始日期',
    },
  ],
  sort: { type: 'enum', enum: [...EMPLOYER_APPLICATION_SORTS], message: '排序方式不正确' },
};

/** GET /employer/jobs item: one of the company's jobs with its applications counted by status. */
export interface EmployerJob extends JobSummary {
  status: JobStatus;
  applicationCounts: Record<ApplicationStatus, number>;
  applicationTotal: number;
  unread: number;
}

export interface EmployerJobList {
  items: EmployerJob[];
}

/** PUT /employer/jobs/:id/status. Moves not in JOB_STATUS_TRANSITIONS are refused with 409. */
export interface JobStatusRequest {
  status: JobStatus;
}

export const jobStatusRules: InputRules<JobStatusRequest> = {
  status: { type: 'enum', required: true, enum: [...JOB_STATUSES], message: '请选择职位状态' },
};

export function emptyApplicationCounts(): Record<ApplicationStatus, number> {
  const counts = {} as Record<ApplicationStatus, number>;
  for (const status of APPLICATION_STATUSES) counts[status] = 0;
  return counts;
}

export const REASON_MAX = 200;

/** POST /employer/applications/:id/reject */
export interface RejectApplicationRequest {
  reason: string;
}

export const rejectApplicationRules: InputRules<RejectApplicationRequest> = {
  reason: textRule('不合适的原因', {
    required: true,
    requiredMessage: '请填写不合适的原因',
    max: REASON_MAX,
    multiline: true,
  }),
};

// ---------------------------------------------------------------------------------------------------------
// What an employer sees (employer API: GET /employer/applications[/:id] as `applicantResume`)

export interface EmployerResumeFull {
  redacted: false;
  name: string | null;
  gender: Gender | null;
  birthYear: number | null;
  cityName: string | null;
  status: WorkStatus | null;
  /** Masked (138****5678) until the seeker shares it for this application. */
  phone: string | null;
  /** Masked (z***@example.com) until the seeker shares contact details. */
  email: string | null;
  contactShared: boolean;
  expectations: ResumeExpectations | null;
  workExperiences: WorkExperience[];
  educations: Education[];
  skills: string[];
  selfIntro: string;
  /** The attachment chosen for this application, when one was. */
  attachment: ResumeAttachment | null;
  trust: TrustBadges;
}

/** The seeker hid their resume from this company: nothing about them is shown. */
export interface EmployerResumeRedacted {
  redacted: true;
  message: string;
}

export type EmployerResumeView = EmployerResumeFull | EmployerResumeRedacted;

/** An application as its HR sees it (employer API), with the applicant's resume. */
export interface EmployerApplicationWithResume extends EmployerApplicationView {
  applicantResume: EmployerResumeView;
}
