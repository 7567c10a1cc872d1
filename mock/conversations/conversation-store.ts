import type { Database } from 'better-sqlite3';
import type { ApplicationStatus } from '../../services/contracts/applications';
import type {
  ChatMessage,
  ConversationSummary,
  EmployerConversationSummary,
  MessageCard,
  MessagePage,
  MessageSender,
} from '../../services/contracts/conversations';
import type { SalaryUnit } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { iso } from '../clock';
import { decodeCursor, toPage } from '../http/cursor';

/** Which side of a conversation is reading: the seeker, or the HR who owns the job. */
export type ChatSide = 'seeker' | 'hr';

interface ConversationRow {
  id: number;
  application_id: number;
  application_status: ApplicationStatus;
  user_id: string;
  job_id: number;
  job_title: string;
  salary_min: number;
  salary_max: number;
  salary_unit: SalaryUnit;
  salary_months: number | null;
  company_name: string;
  hr_id: number;
  hr_name: string;
  hr_title: string;
  hr_last_active_at: number;
  hr_reply_rate: number;
  last_message_at: number;
  last_seq: number;
  seeker_read_seq: number;
  hr_read_seq: number;
  blocked_at: number | null;
  last_text: string | null;
  last_sent_at: number | null;
  last_sender: MessageSender | null;
  last_card: string | null;
  unread: number;
  candidate_name: string;
}

interface MessageRow {
  id: number;
  conversation_id: number;
  seq: number;
  sender: MessageSender;
  text: string;
  client_id: string | null;
  card: string | null;
  sent_at: number;
}

/** Messages that count as unread for a side: everything the other side and the platform wrote. */
const UNREAD_SENDERS: Record<ChatSide, string> = {
  seeker: "u.sender != 'seeker'",
  hr: "u.sender = 'seeker'",
};

/** A summary as each side reads it: the HR's also names the candidate. */
export type SummaryFor<S extends ChatSide> = S extends 'hr' ? EmployerConversationSummary : ConversationSummary;

const summarySelect = (side: ChatSide) => `
  SELECT c.id, c.application_id, a.status AS application_status, c.user_id, c.job_id, j.title AS job_title,
    j.salary_min, j.salary_max, j.salary_unit, j.salary_months, co.name AS company_name,
    h.id AS hr_id, h.name AS hr_name, h.title AS hr_title, h.last_active_at AS hr_last_active_at,
    h.reply_rate AS hr_reply_rate, c.last_message_at, c.last_seq, c.seeker_read_seq, c.hr_read_seq, c.blocked_at,
    m.text AS last_text, m.sent_at AS last_sent_at, m.sender AS last_sender, m.card AS last_card,
    (SELECT count(*) FROM messages u WHERE u.conversation_id = c.id AND ${UNREAD_SENDERS[side]}
       AND u.seq > c.${side}_read_seq) AS unread,
    CASE WHEN EXISTS (SELECT 1 FROM privacy_hidden_companies p WHERE p.user_id = c.user_id AND p.company_id = j.company_id)
      THEN us.nickname ELSE coalesce(r.name, us.nickname) END AS candidate_name
  FROM conversations c
  JOIN applications a ON a.id = c.application_id
  JOIN users us ON us.id = c.user_id
  LEFT JOIN resumes r ON r.user_id = c.user_id
  JOIN jobs j ON j.id = c.job_id
  JOIN companies co ON co.id = j.company_id
  JOIN hrs h ON h.id = c.hr_id
  LEFT JOIN messages m ON m.conversation_id = c.id AND m.seq = c.last_seq`;

function toSummary<S extends ChatSide>(row: ConversationRow, side: S): SummaryFor<S> {
  const summary: ConversationSummary = {
    id: String(row.id),
    applicationId: String(row.application_id),
    applicationStatus: row.application_status,
    jobId: String(row.job_id),
    jobTitle: row.job_title,
    companyName: row.company_name,
    salary: {
      min: row.salary_min,
      max: row.salary_max,
      unit: row.salary_unit,
      ...(row.salary_months ? { months: row.salary_months } : {}),
    },
    hr: {
      id: String(row.hr_id),
      name: row.hr_name,
      title: row.hr_title,
      lastActiveAt: iso(row.hr_last_active_at),
      replyRate: row.hr_reply_rate,
    },
    lastMessage:
      row.last_text !== null && row.last_sent_at !== null && row.last_sender !== null
        ? {
            text: row.last_text,
            sentAt: iso(row.last_sent_at),
            from: row.last_sender,
            card: row.last_card === null ? null : (JSON.parse(row.last_card) as MessageCard),
          }
        : null,
    lastSeq: row.last_seq,
    unreadCount: row.unread,
    readSeq: side === 'seeker' ? row.seeker_read_seq : row.hr_read_seq,
    otherReadSeq: side === 'seeker' ? row.hr_read_seq : row.seeker_read_seq,
    blocked: row.blocked_at !== null,
    updatedAt: iso(row.last_message_at),
  };
  return (side === 'hr' ? { ...summary, candidate: { name: row.candidate_name } } : summary) as SummaryFor<S>;
}

export function toChatMessage(row: MessageRow): ChatMessage {
  return {
    id: String(row.id),
    conversationId: String(row.conversation_id),
    seq: row.seq,
    from: row.sender,
    text: row.text,
    clientId: row.client_id,
    card: row.card === null ? null : (JSON.parse(row.card) as MessageCard),
    sentAt: iso(row.sent_at),
  };
}

export interface ConversationParticipants {
  id: number;
  applicationId: number;
  userId: string;
  hrId: number;
  blocked: boolean;
}

export interface NewMessage {
  sender: MessageSender;
  text: string;
  at: number;
  clientId?: string | null;
  card?: MessageCard | null;
}

const MESSAGE_COLUMNS = 'id, conversation_id, seq, sender, text, client_id, card, sent_at';

/** Conversations and their messages; each read is scoped to one side (the seeker or the HR) by the caller. */
export class ConversationStore {
  constructor(private readonly db: Database) {}

  open(input: { applicationId: number; userId: string; hrId: number; jobId: number; at: number }): number {
    const result = this.db
      .prepare(
        `INSERT INTO conversations (application_id, user_id, hr_id, job_id, created_at, last_message_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(input.applicationId, input.userId, input.hrId, input.jobId, input.at, input.at);
    return Number(result.lastInsertRowid);
  }

  /**
   * Stores a message with the conversation's next sequence number. A message carrying a client id the sender
   * already used in this conversation is not stored again: the first one is returned with `created: false`.
   * The sender has read everything up to their own message. Callers run it inside their transaction.
   */
  append(conversationId: number, input: NewMessage): { message: ChatMessage; created: boolean } {
    const clientId = input.clientId ?? null;
    if (clientId !== null) {
      const existing = this.db
        .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND sender = ? AND client_id = ?`)
        .get(conversationId, input.sender, clientId) as MessageRow | undefined;
      if (existing) return { message: toChatMessage(existing), created: false };
    }
    const { last_seq: lastSeq } = this.db
      .prepare('UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq')
      .get(conversationId) as { last_seq: number };
    const card = input.card ? JSON.stringify(input.card) : null;
    const result = this.db
      .prepare(
        'INSERT INTO messages (conversation_id, seq, sender, text, client_id, card, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(conversationId, lastSeq, input.sender, input.text, clientId, card, input.at);
    this.db
      .prepare('UPDATE conversations SET last_message_at = max(last_message_at, ?) WHERE id = ?')
      .run(input.at, conversationId);
    if (input.sender !== 'system') this.markRead(conversationId, input.sender, lastSeq);
    const row: MessageRow = {
      id: Number(result.lastInsertRowid),
      conversation_id: conversationId,
      seq: lastSeq,
      sender: input.sender,
      text: input.text,
      client_id: clientId,
      card,
      sent_at: input.at,
    };
    return { message: toChatMessage(row), created: true };
  }

  participants(conversationId: number): ConversationParticipants | undefined {
    const row = this.db
      .prepare('SELECT id, application_id, user_id, hr_id, blocked_at FROM conversations WHERE id = ?')
      .get(conversationId) as
      { id: number; application_id: number; user_id: string; hr_id: number; blocked_at: number | null } | undefined;
    return (
      row && {
        id: row.id,
        applicationId: row.application_id,
        userId: row.user_id,
        hrId: row.hr_id,
        blocked: row.blocked_at !== null,
      }
    );
  }

  idForApplication(applicationId: number): number {
    const row = this.db.prepare('SELECT id FROM conversations WHERE application_id = ?').get(applicationId) as {
      id: number;
    };
    return row.id;
  }

  /**
   * One side's conversations (the seeker's by user id, the HR console's by company id), newest activity first (`unreadOnly`: those with something unread). A
   * conversation that gets a message moves up, so it may show on two pages.
   */
  list<S extends ChatSide>(
    side: S,
    ownerId: string | number,
    options: { cursor?: string; limit: number; unreadOnly?: boolean },
  ): CursorPage<SummaryFor<S>> {
    const after = decodeCursor(options.cursor, 2);
    const owner = side === 'seeker' ? 'c.user_id' : 'j.company_id';
    const rows = this.db
      .prepare(
        `SELECT * FROM (${summarySelect(side)}
           WHERE ${owner} = @ownerId
             AND (@afterTime IS NULL OR c.last_message_at < @afterTime
                  OR (c.last_message_at = @afterTime AND c.id < @afterId)))
         WHERE (@unreadOnly = 0 OR unread > 0)
         ORDER BY last_message_at DESC, id DESC LIMIT @limit`,
      )
      .all({
        ownerId,
        afterTime: after?.[0] ?? null,
        afterId: after?.[1] ?? null,
        unreadOnly: options.unreadOnly ? 1 : 0,
        limit: options.limit + 1,
      }) as ConversationRow[];
    return toPage(
      rows,
      options.limit,
      (row) => toSummary(row, side),
      (row) => [row.last_message_at, row.id],
    );
  }

  summary<S extends ChatSide>(side: S, conversationId: number): SummaryFor<S> | undefined {
    const row = this.db.prepare(`${summarySelect(side)} WHERE c.id = ?`).get(conversationId) as
      ConversationRow | undefined;
    return row && toSummary(row, side);
  }

  /** Unread messages across one side's conversations: the seeker's (the 消息 tab's badge) or the company's. */
  unreadTotal(side: ChatSide, ownerId: string | number): number {
    const owner = side === 'seeker' ? 'c.user_id' : 'j.company_id';
    const row = this.db
      .prepare(
        `SELECT count(*) AS n FROM messages u JOIN conversations c ON c.id = u.conversation_id
         JOIN jobs j ON j.id = c.job_id
         WHERE ${owner} = ? AND ${UNREAD_SENDERS[side]} AND u.seq > c.${side}_read_seq`,
      )
      .get(ownerId) as { n: number };
    return row.n;
  }

  /** Oldest first. `afterSeq`: what came after it (resync). Otherwise the newest page before `beforeSeq`. */
  messages(
    side: ChatSide,
    conversationId: number,
    query: { afterSeq?: number; beforeSeq?: number; limit: number },
  ): MessagePage {
    let rows: MessageRow[];
    let hasMore: boolean;
    if (query.afterSeq !== undefined) {
      rows = this.db
        .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`)
        .all(conversationId, query.afterSeq, query.limit + 1) as MessageRow[];
      hasMore = rows.length > query.limit;
      rows = rows.slice(0, query.limit);
    } else {
      rows = this.db
        .prepare(
          `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
        )
        .all(conversationId, query.beforeSeq ?? Number.MAX_SAFE_INTEGER, query.limit + 1) as MessageRow[];
      hasMore = rows.length > query.limit;
      rows = rows.slice(0, query.limit).reverse();
    }
    const state = this.db
      .prepare('SELECT last_seq, seeker_read_seq, hr_read_seq FROM conversations WHERE id = ?')
      .get(conversationId) as { last_seq: number; seeker_read_seq: number; hr_read_seq: number };
    return {
      items: rows.map(toChatMessage),
      hasMore,
      lastSeq: state.last_seq,
      otherReadSeq: side === 'seeker' ? state.hr_read_seq : state.seeker_read_seq,
    };
  }

  message(conversationId: number, seq: number): ChatMessage | undefined {
    const row = this.db
      .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND seq = ?`)
      .get(conversationId, seq) as MessageRow | undefined;
    return row && toChatMessage(row);
  }

  messageId(conversationId: number, seq: number): number | undefined {
    const row = this.db
      .prepare('SELECT id FROM messages WHERE conversation_id = ? AND seq = ?')
      .get(conversationId, seq) as { id: number } | undefined;
    return row?.id;
  }

  /**
   * Moves `side`'s read position up to `seq` (never down, never past the last message); everything when `seq`
   * is omitted. Answers the position now, and whether it moved.
   */
  markRead(conversationId: number, side: ChatSide, seq?: number): { seq: number; moved: boolean } {
    const column = `${side}_read_seq`;
    const before = this.db
      .prepare(`SELECT ${column} AS r, last_seq FROM conversations WHERE id = ?`)
      .get(conversationId) as { r: number; last_seq: number };
    const target = Math.min(seq ?? before.last_seq, before.last_seq);
    if (target <= before.r) return { seq: before.r, moved: false };
    this.db.prepare(`UPDATE conversations SET ${column} = ? WHERE id = ?`).run(target, conversationId);
    return { seq: target, moved: true };
  }

  setBlocked(conversationId: number, blocked: boolean, at: number): void {
    this.db.prepare('UPDATE conversations SET blocked_at = ? WHERE id = ?').run(blocked ? at : null, conversationId);
  }
}
