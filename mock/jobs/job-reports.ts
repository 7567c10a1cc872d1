import type { Database } from 'better-sqlite3';
import type { JobReportCreated, JobReportReason } from '../../services/contracts/jobs';
import { notFound } from '../http/api-error';

/** Stores a seeker's report of a job for moderation; 404 when the job does not exist. */
export function reportJob(
  db: Database,
  report: { userId: string; jobId: number; reason: JobReportReason; text: string | null; now: number },
): JobReportCreated {
  const exists = db.prepare('SELECT 1 FROM jobs WHERE id = ?').get(report.jobId);
  if (!exists) throw notFound('职位不存在或已下线');
  const result = db
    .prepare('INSERT INTO job_reports (user_id, job_id, reason, text, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(report.userId, report.jobId, report.reason, report.text, report.now);
  return { id: String(result.lastInsertRowid) };
}
