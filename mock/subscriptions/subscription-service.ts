import type { Database } from 'better-sqlite3';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../services/contracts/applications';
import {
  NOTIFICATION_APPLICATION_PAGE,
  NOTIFICATION_INTERVIEW_PAGE,
  NOTIFICATION_CONVERSATION_PAGE,
  SUBSCRIPTION_TEMPLATES,
  TEMPLATES_FOR_STATUS,
  type SubscriptionConsent,
  type SubscriptionConsentList,
  type SubscriptionTemplateKey,
  type WouldSendNotification,
  type WouldSendNotificationList,
} from '../../services/contracts/subscriptions';
import type { StatusChangeListener } from '../applications/application-service';
import type { ApplicationRecord } from '../applications/application-store';
import type { SimulatedClock } from '../clock';
import { iso } from '../clock';

interface ConsentRow {
  id: number;
  template_id: string;
  application_id: number | null;
  granted_at: number;
}

interface OutboxRow {
  id: number;
  user_id: string;
  template_id: string;
  application_id: number;
  status: ApplicationStatus;
  data: string;
  page: string;
  conversation_id: number | null;
  created_at: number;
}

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2025-01-15 14:30", China time, as a template keyword shows it. */
export function chinaDateTime(time: number): string {
  return new Date(time + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function toConsent(row: ConsentRow): SubscriptionConsent {
  return {
    id: String(row.id),
    templateId: row.template_id,
    applicationId: row.application_id === null ? null : String(row.application_id),
    grantedAt: iso(row.granted_at),
  };
}

function toNotification(row: OutboxRow): WouldSendNotification {
  return {
    id: String(row.id),
    userId: row.user_id,
    templateId: row.template_id,
    applicationId: String(row.application_id),
    status: row.status,
    conversationId: row.conversation_id === null ? null : String(row.conversation_id),
    data: JSON.parse(row.data) as WouldSendNotification['data'],
    page: row.page,
    at: iso(row.created_at),
  };
}

function keywords(values: string[]): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  values.forEach((value, i) => {
    data[`keyword${i + 1}`] = { value };
  });
  return data;
}

/**
 * One-time subscription consents and the messages they pay for. Instead of calling
 * alipay.open.app.mini.templatemessage.send, each message is recorded in an outbox the admin API lists.
 */
export class SubscriptionService {
  constructor(
    private readonly db: Database,
    private readonly clock: SimulatedClock,
  ) {}

  /** Records what `my.requestSubscribeMessage` granted: one consent per accepted template id. */
  grant(userId: string, templateIds: string[], applicationId: number | null): SubscriptionConsentList {
    const insert = this.db.prepare(
      'INSERT INTO subscription_consents (user_id, template_id, application_id, granted_at) VALUES (?, ?, ?, ?)',
    );
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const templateId of templateIds) insert.run(userId, templateId, applicationId, now);
    })();
    return this.list(userId);
  }

  list(userId: string): SubscriptionConsentList {
    const rows = this.db
      .prepare(
        `SELECT id, template_id, application_id, granted_at FROM subscription_consents
         WHERE user_id = ? AND consumed_at IS NULL ORDER BY id`,
      )
      .all(userId) as ConsentRow[];
    return { items: rows.map(toConsent) };
  }

  notifications(userId: string | undefined): WouldSendNotificationList {
    const rows = this.db
      .prepare('SELECT * FROM notifications_outbox WHERE (? IS NULL OR user_id = ?) ORDER BY id')
      .all(userId ?? null, userId ?? null) as OutboxRow[];
    return { items: rows.map(toNotification) };
  }

  /** For ApplicationService.onStatusChange: runs inside the status change's transaction. */
  readonly listener: StatusChangeListener = ({ record, input }) => {
    this.notifyStatus(record, input.to, input.at, input.note ?? input.reason ?? null);
  };

  /**
   * Uses one consent for this status change, preferring one tied to this application and the template that
   * fits the status best, and records the message it would send. No consent: nothing is sent.
   */
  private notifyStatus(record: ApplicationRecord, status: ApplicationStatus, at: number, note: string | null): void {
    const templateKeys = TEMPLATES_FOR_STATUS[status];
    if (!templateKeys) return;
    const consent = this.pickConsent(record, templateKeys);
    if (!consent) return;
    const key = templateKeys.find((candidate) => SUBSCRIPTION_TEMPLATES[candidate].id === consent.template_id);
    const job = this.db
      .prepare('SELECT j.title, c.name AS company FROM jobs j JOIN companies c ON c.id = j.company_id WHERE j.id = ?')
      .get(record.jobId) as { title: string; company: string };
    const when = chinaDateTime(at);
    let values: string[];
    switch (key) {
      case 'interviewInvite':
        values = [job.title, job.company, note ?? 'HR邀请你参加面试，请在消息中查看详情', when];
        break;
      case 'offer':
        values = [job.title, job.company, status === 'hired' ? '已确认入职' : '恭喜你被录用', when];
        break;
      default:
        values = [job.title, job.company, APPLICATION_STATUS_LABELS[status], when, note ?? '点击查看投递详情'];
    }
    this.db.prepare('UPDATE subscription_consents SET consumed_at = ? WHERE id = ?').run(at, consent.id);
    this.db
      .prepare(
        `INSERT INTO notifications_outbox (user_id, consent_id, template_id, application_id, status, data, page, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.userId,
        consent.id,
        consent.template_id,
        record.id,
        status,
        JSON.stringify(keywords(values)),
        `${NOTIFICATION_APPLICATION_PAGE}?id=${record.id}`,
        at,
      );
  }

  /**
   * An interview reminder: uses one interviewReminder consent (tied to the application, or a general one) and
   * records the message; returns false when there is no consent left, and nothing is sent.
   */
  sendInterviewReminder(input: {
    userId: string;
    applicationId: number;
    interviewId: number;
    values: string[];
    at: number;
  }): boolean {
    const consent = this.pickConsent({ userId: input.userId, id: input.applicationId }, ['interviewReminder']);
    if (!consent) return false;
    this.db.prepare('UPDATE subscription_consents SET consumed_at = ? WHERE id = ?').run(input.at, consent.id);
    this.db
      .prepare(
        `INSERT INTO notifications_outbox (user_id, consent_id, template_id, application_id, status, data, page, created_at)
         VALUES (?, ?, ?, ?, 'interview', ?, ?, ?)`,
      )
      .run(
        input.userId,
        consent.id,
        consent.template_id,
        input.applicationId,
        JSON.stringify(keywords(input.values)),
        `${NOTIFICATION_INTERVIEW_PAGE}?id=${input.interviewId}`,
        input.at,
      );
    return true;
  }

  /**
   * An HR message the seeker is not connected to see: uses one chat-message consent (this application's
   * first) and records the notification. No consent: nothing is sent. Answers whether one was sent.
   */
  notifyChat(input: {
    userId: string;
    applicationId: number;
    conversationId: number;
    text: string;
    at: number;
  }): boolean {
    const application = this.db
      .prepare(
        `SELECT a.status, j.title, c.name AS company FROM applications a JOIN jobs j ON j.id = a.job_id
         JOIN companies c ON c.id = j.company_id WHERE a.id = ?`,
      )
      .get(input.applicationId) as { status: ApplicationStatus; title: string; company: string };
    const consent = this.db
      .prepare(
        `SELECT id, template_id FROM subscription_consents
         WHERE user_id = ? AND consumed_at IS NULL AND template_id = ? AND (application_id IS NULL OR application_id = ?)
         ORDER BY application_id IS NULL, id LIMIT 1`,
      )
      .get(input.userId, SUBSCRIPTION_TEMPLATES.chatMessage.id, input.applicationId) as
      { id: number; template_id: string } | undefined;
    if (!consent) return false;
    // A template keyword holds a short line: the start of the message.
    const preview = input.text.length > 20 ? `${input.text.slice(0, 20)}…` : input.text;
    this.db.transaction(() => {
      this.db.prepare('UPDATE subscription_consents SET consumed_at = ? WHERE id = ?').run(input.at, consent.id);
      this.db
        .prepare(
          `INSERT INTO notifications_outbox
             (user_id, consent_id, template_id, application_id, status, data, page, conversation_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.userId,
          consent.id,
          consent.template_id,
          input.applicationId,
          application.status,
          JSON.stringify(keywords([application.title, application.company, preview, chinaDateTime(input.at)])),
          `${NOTIFICATION_CONVERSATION_PAGE}?id=${input.conversationId}`,
          input.conversationId,
          input.at,
        );
    })();
    return true;
  }

  private pickConsent(
    record: Pick<ApplicationRecord, 'userId' | 'id'>,
    templateKeys: readonly SubscriptionTemplateKey[],
  ) {
    const rows = this.db
      .prepare(
        `SELECT id, template_id, application_id, granted_at FROM subscription_consents
         WHERE user_id = ? AND consumed_at IS NULL AND (application_id IS NULL OR application_id = ?)
         ORDER BY application_id IS NULL, id`,
      )
      .all(record.userId, record.id) as ConsentRow[];
    for (const key of templateKeys) {
      const match = rows.find((row) => row.template_id === SUBSCRIPTION_TEMPLATES[key].id);
      if (match) return match;
    }
    return undefined;
  }
}
