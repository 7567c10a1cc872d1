import type { ApiErrorBody } from './errors';
import type { JobSummary } from './jobs';
import { pageQueryRules } from './paging-rules';
import type { SectionKey } from './resume';
import type { TrustBadges } from './trust';
import type { InputRules } from './validation';
import { textRule } from './text';

export const APPLICATION_STATUSES = [
  'submitted',
  'viewed',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
  'closed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '被查看',
  interview: '面试',
  offer: '录用',
  hired: '已入职',
  rejected: '不合适',
  withdrawn: '已撤回',
  closed: '已关闭',
};

/**
 * The state machine: the statuses each status may move to. The server refuses anything else with 409;
 * the app reads it to decide which actions to offer (e.g. withdraw). offer → hired also needs an accepted
 * offer, a contract both sides signed and the first-day check-in (`services/contracts/onboarding.ts`): the
 * check-in itself makes the move, nobody declares it.
 */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['viewed', 'rejected', 'withdrawn', 'closed'],
  viewed: ['interview', 'rejected', 'withdrawn', 'closed'],
  interview: ['offer', 'rejected', 'withdrawn'],
  offer: ['hired', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
  closed: [],
};

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

/** Nothing more can happen to it (hired, rejected, withdrawn, closed): no action is offered on it any more. */
export function isApplicationEnded(status: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[status].length === 0;
}

/** One step of an application's history. */
export interface ApplicationTimelineStep {
  status: ApplicationStatus;
  /** ISO 8601 */
  at: string;
  /** Why or what: a rejection reason, an interview note, why it was closed. */
  note: string | null;
}

/** GET /applications item. */
export interface ApplicationSummary {
  id: string;
  status: ApplicationStatus;
  job: JobSummary;
  conversationId: string;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601 of the latest status change. */
  updatedAt: string;
  /**
   * ISO 8601 time by which the employer is due to respond ("预计3天内反馈"); null once it has decided or
   * the application ended. Past it with no decision, the application is closed with a reason.
   */
  respondBy: string | null;
  /** Why it ended (rejected, closed, withdrawn), shown to the seeker; null otherwise. */
  reason: string | null;
  /** Which resume was sent. The employer's reply rate is `job.hr.replyRate` (0..1). */
  resume: ApplicationResume;
  /** The seeker let the employer see their phone number (POST /applications/:id/share-phone). */
  phoneShared: boolean;
  /** The applicant's verified trust badges, as the employer sees them. */
  trust: TrustBadges;
}

/** The resume an application carries. */
export type ApplicationResume = { kind: 'online' } | { kind: 'attachment'; attachmentId: string; fileName: string };

/** Which resume to send: the online one, or one of the seeker's uploaded attachments. */
export type ApplicationResumeChoice = { kind: 'online' } | { kind: 'attachment'; attachmentId: string };

/** GET /applications/:id */
export interface ApplicationDetail extends ApplicationSummary {
  greeting: string | null;
  /** Oldest first. */
  timeline: ApplicationTimelineStep[];
}

/** POST /applications. Needs an `Idempotency-Key` header. */
export interface CreateApplicationRequest {
  jobId: string;
  /** First message to the HR. */
  greeting?: string;
  /** Default `{ kind: 'online' }`. Applying needs at least basic info and a phone number on the resume. */
  resume?: ApplicationResumeChoice;
}

export const GREETING_MAX = 200;
/** How many applications a seeker may send a day (China time). */
export const DAILY_APPLICATION_CAP = 50;

export const createApplicationRules: InputRules<CreateApplicationRequest> = {
  jobId: { type: 'string', required: true, pattern: /^\d{1,12}$/, message: '请选择要投递的职位' },
  greeting: textRule('打招呼内容', { max: GREETING_MAX, multiline: true }),
  resume: {
    type: 'object',
    message: '请选择要投递的简历',
    fields: {
      kind: { type: 'enum', required: true, enum: ['online', 'attachment'], message: '请选择要投递的简历' },
      attachmentId: {
        validator: (_rule, value: unknown, _callback, source) => {
          if ((source as { kind?: unknown }).kind !== 'attachment') return true;
          return typeof value === 'string' && /^\d{1,12}$/.test(value);
        },
        message: '请选择要投递的附件简历',
      },
    },
  },
};

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Checked against `{ 'idempotency-key': value }` from the request headers. */
export const idempotencyKeyRules: InputRules<Record<string, string>> = {
  [IDEMPOTENCY_KEY_HEADER]: {
    type: 'string',
    required: true,
    pattern: /^[A-Za-z0-9_-]{8,128}$/,
    message: '请求缺少有效的幂等键（Idempotency-Key），请重试',
  },
};

/** GET /applications query. */
export interface ApplicationListQuery {
  /** One status, or several separated by commas (`offer,hired`). */
  status?: string;
  /** Only the application to this job. */
  jobId?: string;
  cursor?: string;
  limit?: string;
}

export const applicationListQueryRules: InputRules<ApplicationListQuery> = {
  ...pageQueryRules,
  status: {
    type: 'string',
    validator: (_rule, value: unknown) =>
      value === undefined ||
      (typeof value === 'string' &&
        value.split(',').every((status) => (APPLICATION_STATUSES as readonly string[]).indexOf(status) >= 0)),
    message: '投递状态不正确',
  },
  jobId: { type: 'string', pattern: /^\d{1,12}$/, message: '职位编号不正确' },
};

/** The statuses of a `status` query value: `offer,hired` → ['offer', 'hired']. */
export function parseStatusList(value: string | undefined): ApplicationStatus[] | undefined {
  return value ? (value.split(',') as ApplicationStatus[]) : undefined;
}

/**
 * Why a 409 on POST /applications, in `error.reason`: `resume_incomplete` (fill `error.missing` first),
 * `company_hidden` (the seeker hid their resume from the job's company), `job_not_open` (the company paused
 * or closed the job), or absent for other conflicts.
 */
export type ApplyConflictReason = 'resume_incomplete' | 'company_hidden' | 'job_not_open';

/** 409 body when the resume lacks what an application needs; `message` says what to fill. */
export interface ResumeIncompleteErrorBody extends ApiErrorBody {
  error: ApiErrorBody['error'] & { reason: 'resume_incomplete'; missing: SectionKey[] };
}

/** 409 body when the seeker already applied to the job: points at the existing application. */
export interface DuplicateApplicationErrorBody extends ApiErrorBody {
  error: ApiErrorBody['error'] & { applicationId: string };
}
