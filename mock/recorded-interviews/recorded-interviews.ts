import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  APPLICATION_STATUS_LABELS,
  isApplicationEnded,
  type ApplicationStatus,
} from '../../services/contracts/applications';
import {
  type AnswerVideoMimeType,
  type EmployerRecordedInterview,
  type EmployerRecordedQuestion,
  type RecordedInterview,
  type RecordedInterviewStatus,
  type RecordedQuestion,
  type RecordedQuestionInput,
  type RecordedQuestionSet,
  type RecordedQuestionSetInput,
  type RecordedTake,
} from '../../services/contracts/recorded-interviews';
import type { MessageCard } from '../../services/contracts/conversations';
import type { ApplicationService } from '../applications/application-service';
import type { EmployerIdentity } from '../auth/hr-sessions';
import { iso, isoOrNull, type SimulatedClock } from '../clock';
import type { RealtimeHub } from '../realtime/hub';
import { conflict, notFound } from '../http/api-error';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Slack after a take's answer time within which the app may still report it interrupted. */
const TAKE_GRACE_SECONDS = 30;
/** Statuses an application may be in to be sent a recorded interview. */
const SENDABLE: readonly ApplicationStatus[] = ['submitted', 'viewed', 'interview'];

interface InterviewRow {
  id: number;
  application_id: number;
  user_id: string;
  hr_id: number;
  retakes: number;
  deadline_at: number;
  sent_at: number;
  completed_at: number | null;
  reviewed_at: number | null;
  job_title: string;
  company_name: string;
  company_id: number;
}

interface QuestionRow {
  id: number;
  interview_id: number;
  position: number;
  text: string;
  thinking_seconds: number;
  answer_seconds: number;
  takes_used: number;
  take_started_at: number | null;
  storage_name: string | null;
  mime_type: AnswerVideoMimeType | null;
  size_bytes: number | null;
  duration_ms: number | null;
  uploaded_at: number | null;
  rating: number | null;
}

/** A finished upload waiting in a temporary file, already checked by type and size. */
export interface ReceivedVideo {
  tempPath: string;
  mimeType: AnswerVideoMimeType;
  sizeBytes: number;
  durationMs: number;
}

const INTERVIEW_SELECT = `SELECT r.*, j.title AS job_title, c.name AS company_name, c.id AS company_id
  FROM recorded_interviews r JOIN applications a ON a.id = r.application_id JOIN jobs j ON j.id = a.job_id
  JOIN companies c ON c.id = j.company_id`;

function deadlineText(deadline: number): string {
  const china = new Date(deadline + 8 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}

/**
 * Recorded interviews: question sets per job, interviews sent to applicants, takes and answers. Videos
 * live in files under `<data folder>/recorded-answers`; rows say which answer is which.
 */
export class RecordedInterviews {
  readonly dir: string;

  constructor(
    private readonly db: Database,
    private readonly clock: SimulatedClock,
    private readonly applications: ApplicationService,
    /** The consoles, keyed by company id: told of each answer as it arrives. */
    private readonly employerHub: RealtimeHub,
    /** The seekers' app connections: told when an interview is sent and of each answer. */
    private readonly seekerHub: RealtimeHub,
    /** Real time for how long a take may be given back (simulated time may run 60× faster). */
    private readonly realNow: () => number = Date.now,
  ) {
    this.dir = path.join(path.dirname(db.name), 'recorded-answers');
  }

  // ── the employer side ──

  questionSet(hr: EmployerIdentity, jobId: number): RecordedQuestionSet {
    this.ownJob(hr, jobId);
    const row = this.db.prepare('SELECT * FROM recorded_question_sets WHERE job_id = ?').get(jobId) as
      { questions: string; retakes: number; updated_at: number } | undefined;
    if (!row) return { jobId: String(jobId), questions: [], retakes: 1, updatedAt: null };
    return {
      jobId: String(jobId),
      questions: JSON.parse(row.questions) as RecordedQuestionInput[],
      retakes: row.retakes,
      updatedAt: iso(row.updated_at),
    };
  }

  saveQuestionSet(hr: EmployerIdentity, jobId: number, input: RecordedQuestionSetInput): RecordedQuestionSet {
    this.ownJob(hr, jobId);
    const questions = input.questions.map(({ text, thinkingSeconds, answerSeconds }) => ({
      text: text.trim(),
      thinkingSeconds,
      answerSeconds,
    }));
    this.db
      .prepare(
        `INSERT INTO recorded_question_sets (job_id, questions, retakes, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (job_id) DO UPDATE SET questions = excluded.questions, retakes = excluded.retakes,
           updated_at = excluded.updated_at`,
      )
      .run(jobId, JSON.stringify(questions), input.retakes, this.clock.now());
    return this.questionSet(hr, jobId);
  }

  /**
   * Sends the job's questions to the applicant: the application moves to 面试 (opened first if it was
   * not) and the HR's message in the conversation says until when. 409 without questions, for an
   * application past deciding, or when one was sent already.
   */
  send(hr: EmployerIdentity, applicationId: number, deadlineDays: number): EmployerRecordedInterview {
    const record = this.applications.store.record(applicationId);
    if (!record || this.applications.store.companyOf(applicationId) !== hr.companyId) {
      throw notFound('投递记录不存在');
    }
    if (this.interviewIdOfApplication(applicationId) !== undefined) {
      throw conflict('已向这位求职者发送过视频面试');
    }
    if (!SENDABLE.includes(record.status)) {
      throw conflict('投递已结束或已录用，无法再发送视频面试');
    }
    const set = this.questionSet(hr, record.jobId);
    if (set.questions.length === 0) throw conflict('请先为这个职位设置视频面试题目');
    const now = this.clock.now();
    const deadline = now + deadlineDays * DAY_MS;
    const text = `邀请你参加视频面试（${set.questions.length}道题），请在${deadlineText(deadline)}前完成录制。`;
    const id = this.db.transaction(() => {
      const result = this.db
        .prepare(
          `INSERT INTO recorded_interviews (application_id, user_id, hr_id, retakes, deadline_at, sent_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(applicationId, record.userId, hr.hrId, set.retakes, deadline, now);
      const interviewId = Number(result.lastInsertRowid);
      const insert = this.db.prepare(
        `INSERT INTO recorded_questions (interview_id, position, text, thinking_seconds, answer_seconds)
         VALUES (?, ?, ?, ?, ?)`,
      );
      set.questions.forEach((q, i) => insert.run(interviewId, i + 1, q.text, q.thinkingSeconds, q.answerSeconds));
      const card: MessageCard = {
        kind: 'recorded_interview',
        recordedInterviewId: String(interviewId),
        applicationId: String(applicationId),
        questionCount: set.questions.length,
        deadline: iso(deadline),
      };
      if (record.status === 'interview') {
        this.applications.postMessage(this.applications.conversations.idForApplication(applicationId), {
          sender: 'hr',
          text,
          card,
        });
      } else {
        if (record.status === 'submitted') {
          this.applications.transition(record, { to: 'viewed', at: now, byEmployerApi: true });
        }
        this.applications.transition(record, {
          to: 'interview',
          at: now,
          note: '录制面试',
          message: { from: 'hr', text, card },
          byEmployerApi: true,
        });
      }
      return interviewId;
    })();
    this.pushToSeeker(id);
    return this.employerView(id);
  }

  /** The interview sent for one of the company's applications; null before one is sent (404: not its own). */
  forApplication(hr: EmployerIdentity, applicationId: number): EmployerRecordedInterview | null {
    if (this.applications.store.companyOf(applicationId) !== hr.companyId) throw notFound('投递记录不存在');
    const id = this.interviewIdOfApplication(applicationId);
    return id === undefined ? null : this.employerView(id);
  }

  rate(hr: EmployerIdentity, interviewId: number, questionId: number, rating: number): EmployerRecordedInterview {
    const question = this.employerQuestion(hr, interviewId, questionId);
    if (question.storage_name === null) throw conflict('这道题还没有回答，无法评分');
    this.db.prepare('UPDATE recorded_questions SET rating = ? WHERE id = ?').run(rating, questionId);
    return this.employerView(interviewId);
  }

  /** The answer's file for the console's player. */
  videoFile(
    hr: EmployerIdentity,
    interviewId: number,
    questionId: number,
  ): { file: string; mimeType: string; sizeBytes: number } {
    const question = this.employerQuestion(hr, interviewId, questionId);
    if (question.storage_name === null) throw notFound('这道题还没有回答');
    return {
      file: path.join(this.dir, question.storage_name),
      mimeType: question.mime_type as string,
      sizeBytes: question.size_bytes as number,
    };
  }

  // ── the seeker side ──

  listForUser(userId: string): RecordedInterview[] {
    const rows = this.db
      .prepare(`${INTERVIEW_SELECT} WHERE r.user_id = ? ORDER BY r.id DESC`)
      .all(userId) as InterviewRow[];
    return rows.map((row) => this.seekerView(row));
  }

  forUser(userId: string, interviewId: number): RecordedInterview {
    return this.seekerView(this.ownInterview(userId, interviewId));
  }

  /**
   * Starts a take of a question: 409 after the deadline, for an answered question, or past the retakes
   * allowed. The first take is free; each later one spends a retake.
   */
  startTake(userId: string, interviewId: number, questionId: number): RecordedTake {
    const { interview, question } = this.answerable(userId, interviewId, questionId);
    if (question.takes_used >= interview.retakes + 1) {
      throw conflict(interview.retakes === 0 ? '这道题不能重录' : `这道题最多重录${interview.retakes}次，已用完`, {
        reason: 'no_retakes_left',
      });
    }
    const take = question.takes_used + 1;
    this.db
      .prepare('UPDATE recorded_questions SET takes_used = ?, take_started_at = ? WHERE id = ?')
      .run(take, this.realNow(), questionId);
    return { take, retakesLeft: interview.retakes + 1 - take };
  }

  /**
   * The camera stopped because the app left the foreground: that take does not count. Only the latest,
   * not yet uploaded take can be given back.
   */
  interruptTake(userId: string, interviewId: number, questionId: number, take: number): RecordedTake {
    const { interview, question } = this.answerable(userId, interviewId, questionId);
    if (take !== question.takes_used || take < 1) throw conflict('只能放弃正在录制的这一次');
    // A take is interrupted while it records; one finished long ago (and uploaded or not) stays counted.
    const recordingEnds = (question.take_started_at ?? 0) + (question.answer_seconds + TAKE_GRACE_SECONDS) * 1000;
    if (this.realNow() > recordingEnds) throw conflict('这次录制已结束，不能再放弃');
    const left = take - 1;
    this.db.prepare('UPDATE recorded_questions SET takes_used = ? WHERE id = ?').run(left, questionId);
    return { take: left, retakesLeft: interview.retakes + 1 - Math.max(1, left) };
  }

  /**
   * Checks, before any byte of the body is read, that this take may be uploaded now: the interview is
   * the user's (404 otherwise), before its deadline, the question unanswered, the take the latest one.
   */
  checkUpload(userId: string, interviewId: number, questionId: number, take: number): void {
    const { question } = this.answerable(userId, interviewId, questionId);
    if (take < 1 || take !== question.takes_used) {
      throw conflict(
        take > question.takes_used ? '这次录制没有开始，请重新录制' : '已经重录过这道题，只能上传最新的一次',
        { reason: 'stale_take' },
      );
    }
  }

  /** Keeps a received video as the answer; the interview completes with its last answer. */
  saveAnswer(
    userId: string,
    interviewId: number,
    questionId: number,
    take: number,
    video: ReceivedVideo,
  ): RecordedInterview {
    this.checkUpload(userId, interviewId, questionId, take);
    const extension = { 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm' }[video.mimeType];
    const storageName = `${interviewId}-${questionId}-${take}.${extension}`;
    fs.mkdirSync(this.dir, { recursive: true });
    const now = this.clock.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE recorded_questions SET storage_name = ?, mime_type = ?, size_bytes = ?, duration_ms = ?,
             uploaded_at = ? WHERE id = ?`,
        )
        .run(storageName, video.mimeType, video.sizeBytes, video.durationMs, now, questionId);
      this.db
        .prepare(
          `UPDATE recorded_interviews SET completed_at = ? WHERE id = ? AND completed_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM recorded_questions WHERE interview_id = ? AND storage_name IS NULL)`,
        )
        .run(now, interviewId, interviewId);
      // Last: a failed write leaves no file behind (the caller drops the upload), a failed move no row.
      fs.renameSync(video.tempPath, path.join(this.dir, storageName));
    })();
    const interview = this.employerView(interviewId);
    this.employerHub.sendToUser(String(this.interviewRow(interviewId)?.company_id), {
      type: 'recorded-interview.updated',
      applicationId: interview.applicationId,
      interview,
    });
    this.pushToSeeker(interviewId);
    return this.forUser(userId, interviewId);
  }

  /** The seeker's other screens (the chat card, the application) follow each change. */
  private pushToSeeker(interviewId: number): void {
    const row = this.interviewRow(interviewId);
    if (row)
      this.seekerHub.sendToUser(row.user_id, { type: 'recorded-interview.updated', interview: this.seekerView(row) });
  }

  // ── the autopilot ──

  /** Completed interviews of HRs on autopilot, not yet reviewed, completed at or before `before`. */
  awaitingReview(before: number): { interviewId: number; applicationId: number; completedAt: number }[] {
    return (
      this.db
        .prepare(
          `SELECT r.id, r.application_id, r.completed_at FROM recorded_interviews r
           JOIN applications a ON a.id = r.application_id JOIN hrs h ON h.id = a.hr_id
           WHERE r.completed_at IS NOT NULL AND r.completed_at <= ? AND r.reviewed_at IS NULL AND h.autopilot = 1
           ORDER BY r.id`,
        )
        .all(before) as { id: number; application_id: number; completed_at: number }[]
    ).map((row) => ({ interviewId: row.id, applicationId: row.application_id, completedAt: row.completed_at }));
  }

  /** Records the autopilot's ratings (question id → 1..5) and when it reviewed. */
  recordReview(interviewId: number, ratings: Map<number, number>, at: number): void {
    this.db.transaction(() => {
      const rate = this.db.prepare('UPDATE recorded_questions SET rating = ? WHERE id = ? AND rating IS NULL');
      for (const [questionId, rating] of ratings) rate.run(rating, questionId);
      this.db.prepare('UPDATE recorded_interviews SET reviewed_at = ? WHERE id = ?').run(at, interviewId);
    })();
  }

  questionIds(interviewId: number): number[] {
    return this.db
      .prepare('SELECT id FROM recorded_questions WHERE interview_id = ? ORDER BY position')
      .pluck()
      .all(interviewId) as number[];
  }

  /** Whether an application has a recorded interview (the plan-based autopilot leaves those alone). */
  interviewIdOfApplication(applicationId: number): number | undefined {
    return this.db.prepare('SELECT id FROM recorded_interviews WHERE application_id = ?').pluck().get(applicationId) as
      number | undefined;
  }

  // ── helpers ──

  private answerable(userId: string, interviewId: number, questionId: number) {
    const interview = this.ownInterview(userId, interviewId);
    const question = this.questionRows(interviewId).find((row) => row.id === questionId);
    if (!question) throw notFound('题目不存在');
    if (this.clock.now() >= interview.deadline_at) {
      throw conflict(`录制面试已于${deadlineText(interview.deadline_at)}截止，无法再作答`, {
        reason: 'deadline_passed',
      });
    }
    // Withdrawn, rejected, closed (the job too): nobody would watch an answer now.
    const application = this.db
      .prepare('SELECT status, reason FROM applications WHERE id = ?')
      .get(interview.application_id) as { status: ApplicationStatus; reason: string | null };
    if (isApplicationEnded(application.status)) {
      const why = application.reason ?? APPLICATION_STATUS_LABELS[application.status];
      throw conflict(`这份投递已结束（${why}），无需再作答`, { reason: 'application_ended' });
    }
    if (question.storage_name !== null) {
      throw conflict('这道题已经回答过了', { reason: 'already_answered' });
    }
    return { interview, question };
  }

  private ownInterview(userId: string, interviewId: number): InterviewRow {
    const row = this.interviewRow(interviewId);
    // Someone else's interview does not exist for this seeker.
    if (!row || row.user_id !== userId) throw notFound('录制面试不存在');
    return row;
  }

  private employerQuestion(hr: EmployerIdentity, interviewId: number, questionId: number): QuestionRow {
    const row = this.interviewRow(interviewId);
    if (!row || row.company_id !== hr.companyId) throw notFound('视频面试不存在');
    const question = this.questionRows(interviewId).find((q) => q.id === questionId);
    if (!question) throw notFound('题目不存在');
    return question;
  }

  private ownJob(hr: EmployerIdentity, jobId: number): void {
    const companyId = this.db.prepare('SELECT company_id FROM jobs WHERE id = ?').pluck().get(jobId);
    if (companyId !== hr.companyId) throw notFound('职位不存在');
  }

  private interviewRow(id: number): InterviewRow | undefined {
    return this.db.prepare(`${INTERVIEW_SELECT} WHERE r.id = ?`).get(id) as InterviewRow | undefined;
  }

  private questionRows(interviewId: number): QuestionRow[] {
    return this.db
      .prepare('SELECT * FROM recorded_questions WHERE interview_id = ? ORDER BY position')
      .all(interviewId) as QuestionRow[];
  }

  private status(row: InterviewRow): RecordedInterviewStatus {
    if (row.completed_at !== null) return 'completed';
    return this.clock.now() >= row.deadline_at ? 'expired' : 'pending';
  }

  private seekerView(row: InterviewRow): RecordedInterview {
    return {
      id: String(row.id),
      applicationId: String(row.application_id),
      jobTitle: row.job_title,
      companyName: row.company_name,
      status: this.status(row),
      retakes: row.retakes,
      deadline: iso(row.deadline_at),
      sentAt: iso(row.sent_at),
      completedAt: isoOrNull(row.completed_at),
      questions: this.questionRows(row.id).map(toQuestion),
    };
  }

  private employerView(id: number): EmployerRecordedInterview {
    const row = this.interviewRow(id);
    if (!row) throw notFound('视频面试不存在');
    return {
      ...this.seekerView(row),
      reviewedAt: isoOrNull(row.reviewed_at),
      questions: this.questionRows(id).map((q): EmployerRecordedQuestion => ({
        ...toQuestion(q),
        videoUrl: q.storage_name === null ? null : `/employer/recorded-interviews/${id}/questions/${q.id}/video`,
        rating: q.rating,
      })),
    };
  }
}

function toQuestion(row: QuestionRow): RecordedQuestion {
  return {
    id: String(row.id),
    index: row.position,
    text: row.text,
    thinkingSeconds: row.thinking_seconds,
    answerSeconds: row.answer_seconds,
    takesUsed: row.takes_used,
    answer:
      row.storage_name === null
        ? null
        : {
            uploadedAt: iso(row.uploaded_at as number),
            durationMs: row.duration_ms as number,
            sizeBytes: row.size_bytes as number,
            mimeType: row.mime_type as AnswerVideoMimeType,
          },
  };
}
