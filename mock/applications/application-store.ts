import type { Database } from 'better-sqlite3';
import type {
  ApplicationDetail,
  ApplicationStatus,
  ApplicationSummary,
  ApplicationTimelineStep,
} from '../../services/contracts/applications';
import type { CursorPage } from '../../services/contracts/page';
import type { EmployerApplicationSort, EmployerApplicationWithResume } from '../../services/contracts/employer';
import { iso, isoOrNull } from '../clock';
import { decodeCursor, toPage } from '../http/cursor';
import { JOB_JOINS, JOB_SUMMARY_COLUMNS, toJobSummary, type JobSummaryRow } from '../jobs/job-queries';
import { ResumeStore } from '../resume/resume-store';
import { readTrustBadges } from '../trust/trust-badges';

/** An application's own columns, as the service reasons about them. */
export interface ApplicationRecord {
  id: number;
  userId: string;
  jobId: number;
  hrId: number;
  status: ApplicationStatus;
  respondBy: number | null;
  autopilot: boolean;
  createdAt: number;
}

interface ApplicationRow extends JobSummaryRow {
  application_id: number;
  user_id: string;
  user_nickname: string;
  status: ApplicationStatus;
  greeting: string | null;
  reason: string | null;
  respond_by: number | null;
  application_created_at: number;
  application_updated_at: number;
  conversation_id: number;
  resume_kind: 'online' | 'attachment';
  attachment_id: number | null;
  attachment_file_name: string | null;
  phone_shared_at: number | null;
  match_score: number | null;
  match_reasons: string;
}

const APPLICATION_SELECT = `
  SELECT a.id AS application_id, a.user_id, u.nickname AS user_nickname, a.status, a.greeting, a.reason,
    a.respond_by, a.created_at AS application_created_at, a.updated_at AS application_updated_at,
    conv.id AS conversation_id, a.resume_kind, a.attachment_id, ra.file_name AS attachment_file_name,
    a.phone_shared_at, a.match_score, a.match_reasons, ${JOB_SUMMARY_COLUMNS}
  FROM applications a
  JOIN users u ON u.id = a.user_id
  JOIN conversations conv ON conv.application_id = a.id
  LEFT JOIN resume_attachments ra ON ra.id = a.attachment_id
  JOIN jobs j ON j.id = a.job_id ${JOB_JOINS}`;

function toSummary(row: ApplicationRow, db: Database): ApplicationSummary {
  return {
    id: String(row.application_id),
    status: row.status,
    job: toJobSummary(row),
    conversationId: String(row.conversation_id),
    createdAt: iso(row.application_created_at),
    updatedAt: iso(row.application_updated_at),
    respondBy: isoOrNull(row.respond_by),
    reason: row.reason,
    resume:
      row.resume_kind === 'attachment' && row.attachment_id !== null
        ? { kind: 'attachment', attachmentId: String(row.attachment_id), fileName: row.attachment_file_name ?? '' }
        : { kind: 'online' },
    phoneShared: row.phone_shared_at !== null,
    trust: readTrustBadges(db, row.user_id),
  };
}

/** The columns of an application row that its state machine needs. */
export interface ApplicationRecordRow {
  id: number;
  user_id: string;
  job_id: number;
  hr_id: number;
  status: ApplicationStatus;
  respond_by: number | null;
  autopilot: number;
  created_at: number;
}

/** An `applications` row (the columns of ApplicationRecordRow) as the record the services work on. */
export function toApplicationRecord(row: ApplicationRecordRow): ApplicationRecord {
  return {
    id: row.id,
    userId: row.user_id,
    jobId: row.job_id,
    hrId: row.hr_id,
    status: row.status,
    respondBy: row.respond_by,
    autopilot: row.autopilot === 1,
    createdAt: row.created_at,
  };
}

export interface ListFilter {
  /** Any of these statuses; all when absent. */
  statuses?: ApplicationStatus[];
  jobId?: number;
  /** Sent at or after / before these times (ms). */
  createdFrom?: number;
  createdBefore?: number;
  /** Default latest (newest first); match: best match first (employer side). */
  sort?: EmployerApplicationSort;
  cursor?: string;
  limit: number;
}

/** Reads of applications, newest first; the service decides who may see which. */
export class ApplicationStore {
  private readonly resumes: ResumeStore;

  constructor(private readonly db: Database) {
    this.resumes = new ResumeStore(db);
  }

  record(id: number): ApplicationRecord | undefined {
    const row = this.db
      .prepare(
        'SELECT id, user_id, job_id, hr_id, status, respond_by, autopilot, created_at FROM applications WHERE id = ?',
      )
      .get(id) as ApplicationRecordRow | undefined;
    return row && toApplicationRecord(row);
  }

  detail(id: number): ApplicationDetail | undefined {
    const row = this.db.prepare(`${APPLICATION_SELECT} WHERE a.id = ?`).get(id) as ApplicationRow | undefined;
    return row && { ...toSummary(row, this.db), greeting: row.greeting, timeline: this.timeline(id) };
  }

  employerView(id: number): EmployerApplicationWithResume | undefined {
    const row = this.db.prepare(`${APPLICATION_SELECT} WHERE a.id = ?`).get(id) as ApplicationRow | undefined;
    return row && this.toEmployerView(row);
  }

  listForUser(userId: string, filter: ListFilter): CursorPage<ApplicationSummary> {
    return toPage(
      this.listRows('a.user_id = @owner', userId, filter),
      filter.limit,
      (row) => toSummary(row, this.db),
      (row) => [row.application_id],
    );
  }

  /** A company's applications, to all of its jobs. */
  listForCompany(companyId: number, filter: ListFilter): CursorPage<EmployerApplicationWithResume> {
    return toPage(
      this.listRows('j.company_id = @owner', companyId, filter),
      filter.limit,
      (row) => this.toEmployerView(row),
      (row) => (filter.sort === 'match' ? [row.match_score ?? 0, row.application_id] : [row.application_id]),
    );
  }

  /** The company whose job an application went to. */
  companyOf(id: number): number | undefined {
    const row = this.db
      .prepare('SELECT j.company_id FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.id = ?')
      .get(id) as { company_id: number } | undefined;
    return row?.company_id;
  }

  /** The company whose job a conversation is about. */
  companyOfConversation(conversationId: number): number | undefined {
    const row = this.db
      .prepare('SELECT j.company_id FROM conversations c JOIN jobs j ON j.id = c.job_id WHERE c.id = ?')
      .get(conversationId) as { company_id: number } | undefined;
    return row?.company_id;
  }

  idForUserAndJob(userId: string, jobId: number): number | undefined {
    const row = this.db.prepare('SELECT id FROM applications WHERE user_id = ? AND job_id = ?').get(userId, jobId) as
      { id: number } | undefined;
    return row?.id;
  }

  countCreatedSince(userId: string, since: number): number {
    const row = this.db
      .prepare('SELECT count(*) AS n FROM applications WHERE user_id = ? AND created_at >= ?')
      .get(userId, since) as { n: number };
    return row.n;
  }

  private listRows(ownerCondition: string, owner: string | number, filter: ListFilter): ApplicationRow[] {
    const byMatch = filter.sort === 'match';
    const after = decodeCursor(filter.cursor, byMatch ? 2 : 1);
    const [afterScore, afterId] = byMatch && after ? after : [null, after?.[0] ?? null];
    return this.db
      .prepare(
        `${APPLICATION_SELECT}
         WHERE ${ownerCondition} AND (@statuses IS NULL OR a.status IN (SELECT value FROM json_each(@statuses)))
           AND (@jobId IS NULL OR a.job_id = @jobId)
           AND (@createdFrom IS NULL OR a.created_at >= @createdFrom)
           AND (@createdBefore IS NULL OR a.created_at < @createdBefore)
           AND ${
             byMatch
               ? `(@afterId IS NULL OR coalesce(a.match_score, 0) < @afterScore
                   OR (coalesce(a.match_score, 0) = @afterScore AND a.id < @afterId))`
               : '(@afterId IS NULL OR a.id < @afterId)'
           }
         ORDER BY ${byMatch ? 'coalesce(a.match_score, 0) DESC, ' : ''}a.id DESC LIMIT @limit`,
      )
      .all({
        owner,
        statuses: filter.statuses ? JSON.stringify(filter.statuses) : null,
        jobId: filter.jobId ?? null,
        createdFrom: filter.createdFrom ?? null,
        createdBefore: filter.createdBefore ?? null,
        ...(byMatch ? { afterScore } : {}),
        afterId,
        limit: filter.limit + 1,
      }) as ApplicationRow[];
  }

  private timeline(id: number): ApplicationTimelineStep[] {
    const rows = this.db
      .prepare('SELECT status, note, at FROM application_events WHERE application_id = ? ORDER BY at, id')
      .all(id) as { status: ApplicationStatus; note: string | null; at: number }[];
    return rows.map((row) => ({ status: row.status, at: iso(row.at), note: row.note }));
  }

  private toEmployerView(row: ApplicationRow): EmployerApplicationWithResume {
    return {
      ...toSummary(row, this.db),
      greeting: row.greeting,
      timeline: this.timeline(row.application_id),
      applicant: { userId: row.user_id, nickname: row.user_nickname },
      matchScore: row.match_score ?? 0,
      matchReasons: JSON.parse(row.match_reasons) as string[],
      unread: row.status === 'submitted',
      applicantResume: this.resumes.employerView(row.user_id, {
        companyId: row.company_id,
        contactShared: row.phone_shared_at !== null,
        attachmentId: row.resume_kind === 'attachment' ? row.attachment_id : null,
      }),
    };
  }
}
