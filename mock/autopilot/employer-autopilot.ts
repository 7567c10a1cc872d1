import type { Database } from 'better-sqlite3';
import type { ApplicationStatus } from '../../services/contracts/applications';
import { toApplicationRecord, type ApplicationRecordRow } from '../applications/application-store';
import { respondWindowText, type ApplicationService } from '../applications/application-service';
import type { SimulatedClock } from '../clock';
import type { RecordedInterviews } from '../recorded-interviews/recorded-interviews';
import { uniformFrom } from '../seed/prng';

const MINUTE_MS = 60 * 1000;
/** The autopilot watches a finished recorded interview this long after it was completed. */
export const RECORDED_REVIEW_DELAY_MS = 120 * MINUTE_MS;

const INVITE_NOTES = [
  '你好，看了你的简历觉得挺合适的，想约你来公司面试，具体时间我们在消息里沟通。',
  '你好，方便的话明天下午来面试，记得带上身份证。',
  '你好，邀请你参加电话面试，时间在工作日下午，请留意来电。',
  '你好，你的经历和岗位很匹配，这周内哪天方便来面试？',
];
const REJECT_REASONS = [
  '你的经历与岗位要求暂不匹配',
  '该岗位已招满，感谢你的关注',
  '岗位要求有相关工作经验',
  '期望与岗位情况差距较大',
];

export interface PlannedStep {
  status: Extract<ApplicationStatus, 'viewed' | 'interview' | 'rejected'>;
  at: number;
  note: string | null;
}

/**
 * What the employer will do with an application, drawn only from (seed, application id) and the HR's
 * reply rate, so the same database replays the same story. Responsive HRs view within a day and decide
 * within 36 hours after; the others may glance at it and let it lapse.
 */
export function planEmployerResponse(
  seed: string,
  applicationId: number,
  submittedAt: number,
  replyRate: number,
): PlannedStep[] {
  const draw = (purpose: string) => uniformFrom(seed, purpose, applicationId);
  const responds = draw('responds') < replyRate;
  if (!responds && draw('glances') >= 0.5) return [];
  const viewedAt = submittedAt + Math.round((5 + draw('view-delay') * (24 * 60 - 5)) * MINUTE_MS);
  const steps: PlannedStep[] = [{ status: 'viewed', at: viewedAt, note: null }];
  if (!responds) return steps;
  const decidedAt = viewedAt + Math.round((10 + draw('decide-delay') * (36 * 60 - 10)) * MINUTE_MS);
  const pickFrom = (items: string[], purpose: string) => items[Math.floor(draw(purpose) * items.length)];
  // Attentive HRs invite more often.
  if (draw('outcome') < 0.25 + 0.4 * replyRate) {
    steps.push({ status: 'interview', at: decidedAt, note: pickFrom(INVITE_NOTES, 'invite-note') });
  } else {
    steps.push({ status: 'rejected', at: decidedAt, note: pickFrom(REJECT_REASONS, 'reject-reason') });
  }
  return steps;
}

export function overdueReason(status: ApplicationStatus, respondByHours: number): string {
  const window = respondWindowText(respondByHours);
  return status === 'submitted'
    ? `HR超过${window}未查看简历，本次投递已自动关闭，去看看其他机会吧`
    : `HR查看后${window}内未给出答复，本次投递已自动关闭，去看看其他机会吧`;
}

interface AwaitingRow extends ApplicationRecordRow {
  reply_rate: number;
  hr_autopilot: number;
}

/**
 * The employers of the mock: on each tick, applications move on as their plans say (except for HRs a person
 * drives from the console), and overdue ones close (the platform's rule, whoever the HR is).
 */
export class EmployerAutopilot {
  constructor(
    private readonly db: Database,
    private readonly clock: SimulatedClock,
    private readonly applications: ApplicationService,
    private readonly seed: string,
    private readonly recordedInterviews: RecordedInterviews,
  ) {}

  /** Applies every step due by now; returns how many status changes it made. */
  tick(): number {
    const now = this.clock.now();
    const rows = this.db
      .prepare(
        `SELECT a.id, a.user_id, a.job_id, a.hr_id, a.status, a.respond_by, a.autopilot, a.created_at, h.reply_rate,
           h.autopilot AS hr_autopilot
         FROM applications a JOIN hrs h ON h.id = a.hr_id
         WHERE a.status IN ('submitted', 'viewed') ORDER BY a.id`,
      )
      .all() as AwaitingRow[];
    let changes = 0;
    for (const row of rows) {
      const record = toApplicationRecord(row);
      // A person answers for this HR in the console (hrs.autopilot = 0), or took this application over.
      if (record.autopilot && row.hr_autopilot === 1) {
        for (const step of planEmployerResponse(this.seed, row.id, row.created_at, row.reply_rate)) {
          if (step.at > now || (record.respondBy !== null && step.at >= record.respondBy)) break;
          if (record.status === step.status) continue;
          this.applications.transition(record, {
            to: step.status,
            at: step.at,
            note: step.note,
            reason: step.status === 'rejected' ? step.note : null,
            message: step.status === 'interview' && step.note ? { from: 'hr', text: step.note } : undefined,
          });
          changes++;
        }
      }
      if ((record.status === 'submitted' || record.status === 'viewed') && record.respondBy !== null) {
        if (record.respondBy <= now) {
          const reason = overdueReason(record.status, this.applications.rules.respondByHours);
          this.applications.transition(record, { to: 'closed', at: record.respondBy, reason });
          changes++;
        }
      }
    }
    changes += this.reviewRecordedInterviews(now);
    this.clock.save();
    return changes;
  }

  /**
   * Recorded interviews finished at least two simulated hours ago, for HRs on autopilot: each answer gets
   * a rating drawn from (seed, question id), and the application moves on: 录用 when they average 3.5 or
   * more, 不合适 otherwise. An application a person already moved on is left as it is.
   */
  private reviewRecordedInterviews(now: number): number {
    let changes = 0;
    for (const due of this.recordedInterviews.awaitingReview(now - RECORDED_REVIEW_DELAY_MS)) {
      const ratings = new Map<number, number>();
      for (const questionId of this.recordedInterviews.questionIds(due.interviewId)) {
        ratings.set(questionId, 2 + Math.floor(uniformFrom(this.seed, 'recorded-rating', questionId) * 4));
      }
      const average = [...ratings.values()].reduce((sum, r) => sum + r, 0) / Math.max(1, ratings.size);
      const at = due.completedAt + RECORDED_REVIEW_DELAY_MS;
      this.recordedInterviews.recordReview(due.interviewId, ratings, at);
      const record = this.applications.store.record(due.applicationId);
      if (record?.status !== 'interview') continue;
      if (average >= 3.5) {
        const text = '你的视频面试表现很好，我们决定录用你，入职安排稍后发给你。';
        this.applications.transition(record, { to: 'offer', at, note: '视频面试通过', message: { from: 'hr', text } });
      } else {
        const reason = '视频面试未通过，感谢你的时间';
        this.applications.transition(record, { to: 'rejected', at, reason, message: { from: 'hr', text: reason } });
      }
      changes++;
    }
    return changes;
  }
}
