import type { Database } from 'better-sqlite3';
import {
  APPLICATION_STATUS_LABELS,
  canTransition,
  isApplicationEnded,
  type ApplicationDetail,
  type ApplicationResumeChoice,
  type ApplicationStatus,
} from '../../services/contracts/applications';
import type { ChatMessage, MessageCard } from '../../services/contracts/conversations';
import { JOB_NOT_OPEN_MESSAGES, type JobStatus } from '../../services/contracts/jobs';
import { applyBlockedMessage } from '../../services/contracts/resume';
import { missingForApply } from './apply-requirements';
import type { SimulatedClock } from '../clock';
import { afterCommit } from '../db/after-commit';
import { ConversationStore, type ConversationParticipants, type NewMessage } from '../conversations/conversation-store';
import { ApiError, conflict, invalidInput, notFound } from '../http/api-error';
import { PrivacyStore } from '../privacy/privacy-store';
import type { Notify } from '../realtime/hub';
import { AttachmentStore } from '../resume/attachment-store';
import { ResumeStore } from '../resume/resume-store';
import { ApplicationStore, type ApplicationRecord } from './application-store';
import { matchResumeToJob, readMatchJob } from './match-score';

export interface ApplicationRules {
  /** Hours the employer has to respond before the application is closed. */
  respondByHours: number;
  dailyApplicationCap: number;
}

/** A line the platform or the HR says in the conversation, with an optional card. */
export interface ChatLine {
  from: 'hr' | 'system';
  text: string;
  card?: MessageCard;
}

/** What a status change says on the timeline, to the seeker, and in the conversation. */
export interface TransitionInput {
  to: ApplicationStatus;
  at: number;
  /** Shown on the timeline step. */
  note?: string | null;
  /** Why the application ended, kept on the application. */
  reason?: string | null;
  /**
   * What the change says in the conversation, who says it (the platform by default), and the card it
   * carries instead of the status card (an invitation, an offer).
   */
  message?: ChatLine;
  /** The employer API acting by hand: the autopilot leaves this application alone from now on. */
  byEmployerApi?: boolean;
}

const ACTION_NAMES: Partial<Record<ApplicationStatus, string>> = {
  viewed: '标记为已查看',
  interview: '邀请面试',
  offer: '发放录用通知',
  hired: '确认入职',
  rejected: '标记为不合适',
  withdrawn: '撤回',
  closed: '关闭',
};
/**
 * Told of every status change inside its transaction (so what it records commits or rolls back with the
 * change): subscription messages use this.
 */
export type StatusChangeListener = (change: {
  record: ApplicationRecord;
  from: ApplicationStatus;
  input: TransitionInput;
}) => void;

/**
 * Told of every message stored, once the outermost transaction around it commits (never for one rolled back):
 * the chat delivers it to both sides.
 */
export type MessageListener = (participants: ConversationParticipants, message: ChatMessage) => void;
/** Told after an application was created or changed, once the change is committed (the employer feed). */
export type ApplicationChangeListener = (change: { applicationId: number; created: boolean }) => void;

const AWAITING_RESPONSE: readonly ApplicationStatus[] = ['submitted', 'viewed'];
const HOUR_MS = 60 * 60 * 1000;
const CHINA_UTC_OFFSET_MS = 8 * HOUR_MS;
const DAY_MS = 24 * HOUR_MS;

/** Midnight in China (UTC+8) of the day containing `time`: the daily cap resets then. */
export function startOfChinaDay(time: number): number {
  return time - ((time + CHINA_UTC_OFFSET_MS) % DAY_MS);
}

/** The status card's line when no one wrote one: what the seeker reads in the conversation and the list. */
export function statusCardText(status: ApplicationStatus, note: string | null): string {
  const label = APPLICATION_STATUS_LABELS[status];
  return note ? `投递状态更新为「${label}」：${note}` : `投递状态更新为「${label}」`;
}

/** "3天" for whole days, else "36小时": how long the employer has, in the seeker's words. */
export function respondWindowText(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24}天` : `${hours}小时`;
}

/** The applications state machine: creation, every status change, and who hears about it. */
export class ApplicationService {
  readonly store: ApplicationStore;
  readonly conversations: ConversationStore;
  private readonly resumes: ResumeStore;
  private readonly privacy: PrivacyStore;
  private readonly attachments: AttachmentStore;
  private readonly statusListeners: StatusChangeListener[] = [];
  private readonly messageListeners: MessageListener[] = [];
  private readonly changeListeners: ApplicationChangeListener[] = [];
  private hireGuard: (applicationId: number) => string | null = () => '还不能入职：HR发出录用通知';

  constructor(
    private readonly db: Database,
    private readonly clock: SimulatedClock,
    private readonly notify: Notify,
    readonly rules: ApplicationRules,
  ) {
    this.store = new ApplicationStore(db);
    this.conversations = new ConversationStore(db);
    this.resumes = new ResumeStore(db);
    this.privacy = new PrivacyStore(db);
    this.attachments = AttachmentStore.forDatabase(db);
    this.fillMissingMatches();
  }

  onStatusChange(listener: StatusChangeListener): void {
    this.statusListeners.push(listener);
  }

  onMessage(listener: MessageListener): void {
    this.messageListeners.push(listener);
  }

  /** Tells the listeners about stored messages once they are committed (`afterCommit`). */
  announce(conversationId: number, messages: ChatMessage[]): void {
    afterCommit(this.db, () => {
      const participants = this.conversations.participants(conversationId);
      if (!participants) return;
      for (const message of messages) for (const listener of this.messageListeners) listener(participants, message);
    });
  }

  onChange(listener: ApplicationChangeListener): void {
    this.changeListeners.push(listener);
  }

  /**
   * 已入职 is earned, not declared: `guard` names what still stands in the way (an accepted offer, a signed
   * contract, the first-day check-in) and the move to `hired` is refused with it.
   */
  guardHire(guard: (applicationId: number) => string | null): void {
    this.hireGuard = guard;
  }

  /**
   * Submits an application carrying the chosen resume and opens its conversation with the job's HR, greeting
   * first. Refuses (in this order): an unknown job, a paused or closed one (409 `job_not_open`), a second
   * application to the same job (409 with its id), a company the seeker hid their resume from, a resume
   * without basic info and phone (409 `resume_incomplete` naming what is missing), an attachment that is not
   * theirs (400), the daily cap (429).
   */
  create(
    userId: string,
    jobId: number,
    greeting: string | undefined,
    resume: ApplicationResumeChoice = { kind: 'online' },
  ): ApplicationDetail {
    const now = this.clock.now();
    const job = this.db.prepare('SELECT id, hr_id, company_id, status, title FROM jobs WHERE id = ?').get(jobId) as
      { id: number; hr_id: number; company_id: number; status: string; title: string } | undefined;
    if (!job) throw notFound('职位不存在或已下线');
    if (job.status !== 'open') {
      throw conflict(JOB_NOT_OPEN_MESSAGES[job.status as Exclude<JobStatus, 'open'>], { reason: 'job_not_open' });
    }
    const existing = this.store.idForUserAndJob(userId, jobId);
    if (existing !== undefined) {
      throw conflict('你已投递过该职位，可在「我的投递」查看进度', { applicationId: String(existing) });
    }
    if (this.privacy.isHiddenFrom(userId, job.company_id)) {
      throw conflict('你已屏蔽该公司，请先在隐私设置中取消屏蔽再投递', { reason: 'company_hidden' });
    }
    const essentials = this.resumes.essentials(userId);
    const missing = missingForApply({
      basic: essentials.hasBasic ? {} : null,
      phone: essentials.phone,
      phoneVerified: essentials.phoneVerified,
    });
    if (missing.length) throw conflict(applyBlockedMessage(missing), { reason: 'resume_incomplete', missing });
    const attachmentId = resume.kind === 'attachment' ? Number(resume.attachmentId) : null;
    if (attachmentId !== null && !this.attachments.find(userId, attachmentId)) {
      throw invalidInput([{ path: 'resume.attachmentId', message: '附件简历不存在，请重新选择' }]);
    }
    const cap = this.rules.dailyApplicationCap;
    if (this.store.countCreatedSince(userId, startOfChinaDay(now)) >= cap) {
      throw new ApiError(429, 'rate_limited', `今天已投递${cap}个职位，达到每日上限，明天再来吧`);
    }
    const match = this.matchOf(userId, jobId, now);
    const id = this.db.transaction(() => {
      const result = this.db
        .prepare(
          `INSERT INTO applications
             (user_id, job_id, hr_id, status, greeting, respond_by, created_at, updated_at, resume_kind, attachment_id,
              match_score, match_reasons)
           VALUES (?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          userId,
          jobId,
          job.hr_id,
          greeting ?? null,
          now + this.rules.respondByHours * HOUR_MS,
          now,
          now,
          resume.kind,
          attachmentId,
          match.score,
          JSON.stringify(match.reasons),
        );
      const applicationId = Number(result.lastInsertRowid);
      this.addEvent(applicationId, 'submitted', null, now);
      const conversationId = this.conversations.open({ applicationId, userId, hrId: job.hr_id, jobId, at: now });
      if (greeting) this.conversations.append(conversationId, { sender: 'seeker', text: greeting, at: now });
      else {
        const window = respondWindowText(this.rules.respondByHours);
        const text = `你投递了「${job.title}」，HR预计${window}内反馈`;
        // The card tells the HR's console what happened, for a line of its own.
        const card: MessageCard = { kind: 'status', status: 'submitted', note: `HR预计${window}内反馈` };
        this.conversations.append(conversationId, { sender: 'system', text, card, at: now });
        // The seeker's own action: nothing new for them to read.
        this.conversations.markRead(conversationId, 'seeker');
      }
      return applicationId;
    })();
    this.changed(id, true);
    return this.detailOf(id);
  }

  /** The seeker's own application, or 404: others' applications do not exist for them. */
  detailForUser(userId: string, id: number): ApplicationDetail {
    const record = this.store.record(id);
    if (!record || record.userId !== userId) throw notFound('投递记录不存在');
    return this.detailOf(id);
  }

  withdraw(userId: string, id: number): ApplicationDetail {
    const record = this.store.record(id);
    if (!record || record.userId !== userId) throw notFound('投递记录不存在');
    return this.transition(record, { to: 'withdrawn', at: this.clock.now(), reason: '你已撤回本次投递' });
  }

  /**
   * The seeker lets this application's employer see their phone number (and email): until then the employer
   * view masks them. Tells the HR in the conversation. Idempotent.
   */
  sharePhone(userId: string, id: number, requestSeq: number | null = null): ApplicationDetail {
    const record = this.store.record(id);
    if (!record || record.userId !== userId) throw notFound('投递记录不存在');
    if (isApplicationEnded(record.status))
      throw conflict(`这份投递已结束（${APPLICATION_STATUS_LABELS[record.status]}），不能再分享手机号`);
    if (!this.resumes.essentials(userId).phone) throw conflict('请先在简历中填写手机号，再分享给HR');
    const shared = this.db
      .prepare('UPDATE applications SET phone_shared_at = ? WHERE id = ? AND phone_shared_at IS NULL')
      .run(this.clock.now(), id);
    if (shared.changes > 0) {
      this.postMessage(this.conversations.idForApplication(id), {
        sender: 'seeker',
        text: '我已同意向你展示手机号，可直接电话联系',
        card: { kind: 'consent_answer', subject: 'phone', agreed: true, requestSeq },
      });
      this.changed(id, false);
    }
    return this.detailOf(id);
  }

  /**
   * Moves an application to a new status, refusing moves the state machine does not allow (409), records
   * the timeline step, and pushes the change (and any message) to the seeker.
   */
  transition(record: ApplicationRecord, input: TransitionInput): ApplicationDetail {
    if (!canTransition(record.status, input.to)) {
      throw conflict(
        `投递当前为「${APPLICATION_STATUS_LABELS[record.status]}」状态，无法${ACTION_NAMES[input.to] ?? '变更'}`,
      );
    }
    const hireBlocked = input.to === 'hired' ? this.hireGuard(record.id) : null;
    if (hireBlocked) throw conflict(hireBlocked);
    let message: ChatMessage | undefined;
    const conversationId = this.conversations.idForApplication(record.id);
    this.db.transaction(() => {
      const awaiting = AWAITING_RESPONSE.includes(input.to);
      this.db
        .prepare(
          `UPDATE applications SET status = ?, updated_at = ?, reason = coalesce(?, reason),
             respond_by = CASE WHEN ? THEN respond_by ELSE NULL END,
             autopilot = CASE WHEN ? THEN 0 ELSE autopilot END
           WHERE id = ?`,
        )
        .run(input.to, input.at, input.reason ?? null, awaiting ? 1 : 0, input.byEmployerApi ? 1 : 0, record.id);
      this.addEvent(record.id, input.to, input.note ?? input.reason ?? null, input.at);
      for (const listener of this.statusListeners) listener({ record, from: record.status, input });
      const note = input.note ?? input.reason ?? null;
      const card: MessageCard = input.message?.card ?? { kind: 'status', status: input.to, note };
      const text = input.message?.text ?? statusCardText(input.to, note);
      message = this.conversations.append(conversationId, {
        sender: input.message?.from ?? 'system',
        text,
        card,
        at: input.at,
      }).message;
      // The seeker's own withdrawal: nothing new for them to read.
      if (input.to === 'withdrawn') this.conversations.markRead(conversationId, 'seeker');
      if (input.byEmployerApi || input.message?.from === 'hr') {
        this.db
          .prepare('UPDATE hrs SET last_active_at = max(last_active_at, ?) WHERE id = ?')
          .run(input.at, record.hrId);
      }
    })();
    record.status = input.to;
    const detail = this.detailOf(record.id);
    this.notifyAfterCommit(record.userId, detail);
    if (message) this.announce(conversationId, [message]);
    this.changed(record.id, false);
    return detail;
  }

  /**
   * A step inside the current status (an interview answered, rescheduled, confirmed): recorded on the
   * timeline with its note, optionally said in the conversation, and pushed to both sides.
   */
  recordStep(record: ApplicationRecord, note: string, message?: ChatLine): void {
    const at = this.clock.now();
    this.addEvent(record.id, record.status, note, at);
    this.db.prepare('UPDATE applications SET updated_at = ? WHERE id = ?').run(at, record.id);
    if (message) {
      this.postMessage(this.conversations.idForApplication(record.id), {
        sender: message.from,
        text: message.text,
        card: message.card,
      });
    }
    this.notifyAfterCommit(record.userId, this.detailOf(record.id));
    this.changed(record.id, false);
  }

  /**
   * Stores a message (now) in a conversation and delivers it once committed: inside a caller's transaction,
   * when that commits; never when it rolls back.
   */
  postMessage(conversationId: number, input: Omit<NewMessage, 'at'>): ChatMessage {
    const participants = this.conversations.participants(conversationId);
    if (!participants) throw notFound('会话不存在');
    const at = this.clock.now();
    const message = this.db.transaction(() => {
      if (input.sender === 'hr') {
        this.db
          .prepare('UPDATE hrs SET last_active_at = max(last_active_at, ?) WHERE id = ?')
          .run(at, participants.hrId);
      }
      return this.conversations.append(conversationId, { ...input, at }).message;
    })();
    this.announce(conversationId, [message]);
    return message;
  }

  detailOf(id: number): ApplicationDetail {
    const detail = this.store.detail(id);
    if (!detail) throw notFound('投递记录不存在');
    return detail;
  }

  private changed(applicationId: number, created: boolean): void {
    afterCommit(this.db, () => {
      for (const listener of this.changeListeners) listener({ applicationId, created });
    });
  }

  private notifyAfterCommit(userId: string, application: ApplicationDetail): void {
    afterCommit(this.db, () => this.notify(userId, { type: 'application.updated', application }));
  }

  private matchOf(userId: string, jobId: number, now: number) {
    const job = readMatchJob(this.db, jobId);
    return job ? matchResumeToJob(this.resumes.resume(userId, now), job, now) : { score: 0, reasons: [] };
  }

  /** Applications sent before match scores existed get theirs from the resume as it is now. */
  private fillMissingMatches(): void {
    const rows = this.db.prepare('SELECT id, user_id, job_id FROM applications WHERE match_score IS NULL').all() as {
      id: number;
      user_id: string;
      job_id: number;
    }[];
    const update = this.db.prepare('UPDATE applications SET match_score = ?, match_reasons = ? WHERE id = ?');
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const row of rows) {
        const match = this.matchOf(row.user_id, row.job_id, now);
        update.run(match.score, JSON.stringify(match.reasons), row.id);
      }
    })();
  }

  private addEvent(applicationId: number, status: ApplicationStatus, note: string | null, at: number): void {
    this.db
      .prepare('INSERT INTO application_events (application_id, status, note, at) VALUES (?, ?, ?, ?)')
      .run(applicationId, status, note, at);
  }
}
