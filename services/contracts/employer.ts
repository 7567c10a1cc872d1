import { APPLICATION_STATUSES, type ApplicationDetail } from './applications';
import { pageQueryRules } from './paging-rules';
import type { Rules } from './validation';
import { textRule } from './text';

/**
 * The employer side of the mock backend (an HR acting from its own app). Requests carry `X-Hr-Id` with
 * the id of a seeded HR and are accepted from loopback only; the mini-program never calls these.
 */
export const HR_ID_HEADER = 'x-hr-id';

/** An application as its HR sees it. */
export interface EmployerApplicationView extends ApplicationDetail {
  applicant: { userId: string; nickname: string };
}

export const employerApplicationListQueryRules: Rules = {
  ...pageQueryRules,
  status: { type: 'enum', enum: [...APPLICATION_STATUSES], message: '投递状态不正确' },
};

export const REASON_MAX = 200;
export const NOTE_MAX = 500;

/** POST /employer/applications/:id/reject */
export interface RejectApplicationRequest {
  reason: string;
}

export const rejectApplicationRules: Rules = {
  reason: textRule('原因', {
    required: true,
    requiredMessage: '请填写不合适的原因',
    max: REASON_MAX,
    multiline: true,
  }),
};

/** POST /employer/applications/:id/invite and /offer */
export interface EmployerNoteRequest {
  note: string;
}

export const inviteApplicationRules: Rules = {
  note: textRule('面试安排', {
    required: true,
    requiredMessage: '请填写面试安排（时间、地点或方式）',
    max: NOTE_MAX,
    multiline: true,
  }),
};

export const offerApplicationRules: Rules = {
  note: textRule('录用说明', { max: NOTE_MAX, multiline: true }),
};
