import type { Database } from 'better-sqlite3';
import type { ApplicationStatus } from '../../services/contracts/applications';
import { emptyApplicationCounts, type EmployerJob } from '../../services/contracts/employer';
import { JOB_STATUS_LABELS, JOB_STATUS_TRANSITIONS, type JobStatus } from '../../services/contracts/jobs';
import type { EmployerIdentity } from '../auth/hr-sessions';
import { conflict, notFound } from '../http/api-error';
import { JOB_JOINS, JOB_SUMMARY_COLUMNS, toJobSummary, type JobSummaryRow } from './job-queries';

const STATUS_CHANGE_NAMES: Record<JobStatus, string> = { open: '恢复招聘', paused: '暂停招聘', closed: '关闭' };

/** A company's own jobs, as its HRs manage them: open ones first, with applications counted by status. */
export class EmployerJobs {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  list(hr: EmployerIdentity): EmployerJob[] {
    return this.rows(hr.companyId, null);
  }

  /** Pauses, reopens or closes one of the company's jobs; 409 for a move JOB_STATUS_TRANSITIONS forbids. */
  setStatus(hr: EmployerIdentity, jobId: number, status: JobStatus): EmployerJob {
    const [job] = this.rows(hr.companyId, jobId);
    if (!job) throw notFound('职位不存在');
    if (job.status !== status) {
      if (JOB_STATUS_TRANSITIONS[job.status].indexOf(status) < 0) {
        throw conflict(`职位当前为「${JOB_STATUS_LABELS[job.status]}」，无法${STATUS_CHANGE_NAMES[status]}`);
      }
      this.db.prepare('UPDATE jobs SET status = ? WHERE id = ?').run(status, jobId);
    }
    return this.rows(hr.companyId, jobId)[0];
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
