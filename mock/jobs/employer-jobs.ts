import type { Database } from 'better-sqlite3';
import { canTransition, type ApplicationStatus } from '../../services/contracts/applications';
import type { ApplicationService } from '../applications/application-service';
import { emptyApplicationCounts, type EmployerJob } from '../../services/contracts/employer';
import { JOB_STATUS_LABELS, JOB_STATUS_TRANSITIONS, type JobStatus } from '../../services/contracts/jobs';
import type { EmployerIdentity } from '../auth/hr-sessions';
import { conflict, notFound } from '../http/api-error';
import { JOB_JOINS, JOB_SUMMARY_COLUMNS, toJobSummary, type JobSummaryRow } from './job-queries';

const STATUS_CHANGE_NAMES: Record<JobStatus, string> = { open: '恢复招聘', paused: '暂停招聘', closed: '关闭' };
/** Why an application still waiting for the HR ends when its job closes (timeline, 我的投递). */
const JOB_CLOSED_REASON = '职位已停止招聘';

/** A company's own jobs, as its HRs manage them: open ones first, with applications counted by status. */
export class EmployerJobs {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
    private readonly applications: ApplicationService,
  ) {}

  list(hr: EmployerIdentity): EmployerJob[] {
    return this.rows(hr.companyId, null);
  }

  /**
   * Pauses, reopens or closes one of the company's jobs; 409 for a move JOB_STATUS_TRANSITIONS forbids.
   * Closing is final, so the applications still waiting for a decision (submitted, viewed) end too, as
   * `closed` with the reason, each seeker told in the conversation and in 我的投递: nobody waits on a job
   * that is gone. Those in an interview or with an offer go on: real candidates the HR still answers.
   * Pausing leaves every application as it is (the job may come back).
   */
  setStatus(hr: EmployerIdentity, jobId: number, status: JobStatus): EmployerJob {
    const [job] = this.rows(hr.companyId, jobId);
    if (!job) throw notFound('职位不存在');
    if (job.status !== status) {
      if (JOB_STATUS_TRANSITIONS[job.status].indexOf(status) < 0) {
        throw conflict(`职位当前为「${JOB_STATUS_LABELS[job.status]}」，无法${STATUS_CHANGE_NAMES[status]}`);
      }
      // One commit: a job never closed with some of its waiting applications left open.
      this.db.transaction(() => {
        this.db.prepare('UPDATE jobs SET status = ? WHERE id = ?').run(status, jobId);
        if (status === 'closed') this.closeWaitingApplications(jobId, job.title);
      })();
    }
    return this.rows(hr.companyId, jobId)[0];
  }

  private closeWaitingApplications(jobId: number, title: string): void {
    const ids = this.db
      .prepare("SELECT id FROM applications WHERE job_id = ? AND status IN ('submitted', 'viewed') ORDER BY id")
      .pluck()
      .all(jobId) as number[];
    for (const id of ids) {
      const record = this.applications.store.record(id);
      if (!record || !canTransition(record.status, 'closed')) continue;
      this.applications.transition(record, {
        to: 'closed',
        at: this.now(),
        reason: JOB_CLOSED_REASON,
        message: {
          from: 'system',
          text: `「${title}」已停止招聘，你的投递已关闭。感谢关注，可以看看这家公司的其他职位。`,
        },
      });
    }
  }

  private rows(companyId: number, jobId: number | null): EmployerJob[] {
    const rows = this.db
      .prepare(
        `SELECT ${JOB_SUMMARY_COLUMNS}, j.status FROM jobs j ${JOB_JOINS}
         WHERE j.company_id = @companyId AND (@jobId IS NULL OR j.id = @jobId)
         ORDER BY CASE j.status WHEN 'open' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END, j.published_at DESC, j.id DESC`,
      )
      .all({ companyId, jobId }) as Array<JobSummaryRow & { status: JobStatus }>;
    const counts = this.db
      .prepare(
        `SELECT a.job_id, a.status, count(*) AS n FROM applications a JOIN jobs j ON j.id = a.job_id
         WHERE j.company_id = @companyId AND (@jobId IS NULL OR j.id = @jobId) GROUP BY a.job_id, a.status`,
      )
      .all({ companyId, jobId }) as { job_id: number; status: ApplicationStatus; n: number }[];
    const byJob = new Map<number, EmployerJob['applicationCounts']>();
    for (const count of counts) {
      const jobCounts = byJob.get(count.job_id) ?? emptyApplicationCounts();
      jobCounts[count.status] = count.n;
      byJob.set(count.job_id, jobCounts);
    }
    const now = this.now();
    return rows.map((row) => {
      const applicationCounts = byJob.get(row.job_id) ?? emptyApplicationCounts();
      return {
        ...toJobSummary(row, now),
        status: row.status,
        applicationCounts,
        applicationTotal: Object.values(applicationCounts).reduce((sum, n) => sum + n, 0),
        unread: applicationCounts.submitted,
      };
    });
  }
}
