import type { Database } from 'better-sqlite3';
import {
  ROOM_CLOSES_AFTER_MS,
  ROOM_OPENS_BEFORE_MS,
  type EmployerInterview,
  type Interview,
  type InterviewKind,
  type InterviewStatus,
} from '../../services/contracts/interviews';
import { iso } from '../clock';
import { candidateNameSql } from '../privacy/candidate-name';

export interface InterviewRow {
  id: number;
  application_id: number;
  kind: InterviewKind;
  address: string | null;
  phone: string | null;
  interviewer: string;
  length_minutes: number;
  notes: string;
  status: InterviewStatus;
  slots: string;
  proposed_slots: string;
  scheduled_at: number | null;
  reschedule_count: number;
  /** The start agreed before the pending proposal, restored if the HR refuses it. */
  agreed_before_reschedule: number | null;
  reschedule_refusal: string | null;
  decline_reason: string | null;
  cancel_reason: string | null;
  feedback_took_place: number | null;
  feedback_interviewer_came: number | null;
  feedback_at: number | null;
  created_at: number;
  updated_at: number;
}

interface InterviewViewRow extends InterviewRow {
  user_id: string;
  user_nickname: string;
  candidate_name: string;
  hr_id: number;
  conversation_id: number;
  job_id: number;
  job_title: string;
  company_id: number;
  company_name: string;
  lat: number | null;
  lng: number | null;
}

/** An interview with whose it is: the seeker, the HR who invited and its company. */
export interface InterviewRecord {
  row: InterviewRow;
  userId: string;
  nickname: string;
  /** The seeker as the company may name them (EmployerInterview.candidate). */
  candidateName: string;
  hrId: number;
  companyId: number;
  view: Interview;
}

const MINUTE_MS = 60 * 1000;

const SELECT = `
  SELECT i.*, a.user_id, u.nickname AS user_nickname, a.hr_id, conv.id AS conversation_id, j.id AS job_id,
    j.title AS job_title, j.lat, j.lng, co.id AS company_id, co.name AS company_name,
    ${candidateNameSql({ userId: 'a.user_id', companyId: 'co.id', nickname: 'u.nickname', resumeName: 'r.name' })}
      AS candidate_name
  FROM interviews i
  JOIN applications a ON a.id = i.application_id
  JOIN users u ON u.id = a.user_id
  LEFT JOIN resumes r ON r.user_id = a.user_id
  JOIN conversations conv ON conv.application_id = a.id
  JOIN jobs j ON j.id = a.job_id
  JOIN companies co ON co.id = j.company_id`;

export function slotTimes(json: string): number[] {
  return JSON.parse(json) as number[];
}

function toInterview(row: InterviewViewRow): Interview {
  const scheduled = row.scheduled_at;
  return {
    id: String(row.id),
    applicationId: String(row.application_id),
    conversationId: String(row.conversation_id),
    job: { id: String(row.job_id), title: row.job_title },
    company: { id: String(row.company_id), name: row.company_name },
    kind: row.kind,
    address: row.address,
    location:
      row.kind === 'onsite' && row.lat !== null && row.lng !== null ? { latitude: row.lat, longitude: row.lng } : null,
    phone: row.phone,
    interviewer: row.interviewer,
    lengthMinutes: row.length_minutes,
    notes: row.notes,
    status: row.status,
    slots: slotTimes(row.slots).map(iso),
    proposedSlots: slotTimes(row.proposed_slots).map(iso),
    scheduledAt: scheduled === null ? null : iso(scheduled),
    rescheduleCount: row.reschedule_count,
    rescheduleRefusal: row.reschedule_refusal,
    declineReason: row.decline_reason,
    cancelReason: row.cancel_reason,
    feedback:
      row.feedback_at === null
        ? null
        : {
            tookPlace: row.feedback_took_place === 1,
            interviewerCame: row.feedback_interviewer_came === 1,
            at: iso(row.feedback_at),
          },
    room:
      row.kind === 'video' && row.status === 'scheduled' && scheduled !== null
        ? {
            opensAt: iso(scheduled - ROOM_OPENS_BEFORE_MS),
            closesAt: iso(scheduled + row.length_minutes * MINUTE_MS + ROOM_CLOSES_AFTER_MS),
          }
        : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function toRecord(row: InterviewViewRow): InterviewRecord {
  return {
    row,
    userId: row.user_id,
    nickname: row.user_nickname,
    candidateName: row.candidate_name,
    hrId: row.hr_id,
    companyId: row.company_id,
    view: toInterview(row),
  };
}

export function employerInterviewOf(record: InterviewRecord): EmployerInterview {
  return { ...record.view, candidate: { name: record.candidateName } };
}

/** Reads of interviews; the service decides who may see which. */
export class InterviewStore {
  constructor(private readonly db: Database) {}

  find(id: number): InterviewRecord | undefined {
    const row = this.db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as InterviewViewRow | undefined;
    return row && toRecord(row);
  }

  /** The invitation still open or agreed for an application (at most one at a time). */
  activeForApplication(applicationId: number): InterviewRecord | undefined {
    const row = this.db
      .prepare(
        `${SELECT} WHERE i.application_id = ? AND i.status IN ('invited', 'reschedule_requested', 'scheduled')
         ORDER BY i.id DESC LIMIT 1`,
      )
      .get(applicationId) as InterviewViewRow | undefined;
    return row && toRecord(row);
  }

  listForUser(userId: string): Interview[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE a.user_id = ? ORDER BY coalesce(i.scheduled_at, i.created_at) DESC, i.id DESC`)
      .all(userId) as InterviewViewRow[];
    return rows.map(toInterview);
  }

  listForCompany(companyId: number, applicationId?: number): EmployerInterview[] {
    const rows = this.db
      .prepare(
        `${SELECT} WHERE co.id = ? AND (? IS NULL OR i.application_id = ?)
         ORDER BY coalesce(i.scheduled_at, i.created_at) DESC, i.id DESC LIMIT 200`,
      )
      .all(companyId, applicationId ?? null, applicationId ?? null) as InterviewViewRow[];
    return rows.map((row) => employerInterviewOf(toRecord(row)));
  }

  /** Agreed interviews starting in (from, to]: the reminder sweep. */
  scheduledBetween(from: number, to: number): InterviewRecord[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE i.status = 'scheduled' AND i.scheduled_at > ? AND i.scheduled_at <= ?`)
      .all(from, to) as InterviewViewRow[];
    return rows.map(toRecord);
  }

  /** Reschedules waiting for an HR the autopilot answers for. */
  awaitingAutopilotConfirmation(): InterviewRecord[] {
    const rows = this.db
      .prepare(
        `${SELECT} JOIN hrs h ON h.id = a.hr_id
         WHERE i.status = 'reschedule_requested' AND h.autopilot = 1 AND a.autopilot = 1`,
      )
      .all() as InterviewViewRow[];
    return rows.map(toRecord);
  }
}
