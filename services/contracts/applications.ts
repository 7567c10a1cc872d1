import type { ApiErrorBody } from './errors';
import type { JobSummary } from './jobs';
import { pageQueryRules } from './paging-rules';
import type { Rules } from './validation';

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
 * the app reads it to decide which actions to offer (e.g. withdraw).
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
}

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
}

export const GREETING_MAX = 200;
/** How many applications a seeker may send a day (China time). */
export const DAILY_APPLICATION_CAP = 50;

export const createApplicationRules: Rules = {
  jobId: { type: 'string', required: true, pattern: /^\d{1,12}$/, message: '请选择要投递的职位' },
  greeting: { type: 'string', max: GREETING_MAX, message: `打招呼内容不能超过${GREETING_MAX}个字` },
};

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Checked against `{ 'idempotency-key': value }` from the request headers. */
export const idempotencyKeyRules: Rules = {
  [IDEMPOTENCY_KEY_HEADER]: {
    type: 'string',
    required: true,
    pattern: /^[A-Za-z0-9_-]{8,128}$/,
    message: '请求缺少有效的幂等键（Idempotency-Key），请重试',
  },
};

/** GET /applications query. */
export interface ApplicationListQuery {
  status?: ApplicationStatus;
  cursor?: string;
  limit?: string;
}

export const applicationListQueryRules: Rules = {
  ...pageQueryRules,
  status: { type: 'enum', enum: [...APPLICATION_STATUSES], message: '投递状态不正确' },
};

/** 409 body when the seeker already applied to the job: points at the existing application. */
export interface DuplicateApplicationErrorBody extends ApiErrorBody {
  error: ApiErrorBody['error'] & { applicationId: string };
}
