import type { Database } from 'better-sqlite3';
import type { ChatMessage, ConversationSummary, MessageSender } from '../../services/contracts/conversations';
import type { CursorPage } from '../../services/contracts/page';
import { iso } from '../clock';
import { decodeCursor, toPage } from '../http/cursor';

interface ConversationRow {
  id: number;
  application_id: number;
  user_id: string;
  job_id: number;
  job_title: string;
  company_name: string;
  hr_id: number;
  hr_name: string;
  hr_title: string;
  last_message_at: number;
  last_text: string | null;
  last_sent_at: number | null;
  last_sender: MessageSender | null;
  unread: number;
}

interface MessageRow {
  id: number;
  conversation_id: number;
  sender: MessageSender;
  text: string;
  sent_at: number;
}

const SUMMARY_SELECT = `
  SELECT c.id, c.application_id, c.user_id, c.job_id, j.title AS job_title, co.name AS company_name,
    h.id AS hr_id, h.name AS hr_name, h.title AS hr_title, c.last_message_at,
    m.text AS last_text, m.sent_at AS last_sent_at, m.sender AS last_sender,
    (SELECT count(*) FROM messages u
      WHERE u.conversation_id = c.id AND u.sender != 'seeker' AND u.id > c.seeker_read_message_id) AS unread
  FROM conversations c
  JOIN jobs j ON j.id = c.job_id
  JOIN companies co ON co.id = j.company_id
  JOIN hrs h ON h.id = c.hr_id
  LEFT JOIN messages m ON m.id = (SELECT max(id) FROM messages WHERE conversation_id = c.id)`;

function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: String(row.id),
    applicationId: String(row.application_id),
    jobId: String(row.job_id),
    jobTitle: row.job_title,
    companyName: row.company_name,
    hr: { id: String(row.hr_id), name: row.hr_name, title: row.hr_title },
    lastMessage:
      row.last_text !== null && row.last_sent_at !== null && row.last_sender !== null
        ? { text: row.last_text, sentAt: iso(row.last_sent_at), from: row.last_sender }
        : null,
    unreadCount: row.unread,
    updatedAt: iso(row.last_message_at),
  };
}

export function toChatMessage(row: MessageRow): ChatMessage {
  return {
    id: String(row.id),
    conversationId: String(row.conversation_id),
    from: row.sender,
    text: row.text,
    sentAt: iso(row.sent_at),
  };
}

export interface ConversationParticipants {
  id: number;
  userId: string;
  hrId: number;
}

/** Conversations and their messages; every read is scoped to the user who owns the conversation. */
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

  append(conversationId: number, sender: MessageSender, text: string, at: number): ChatMessage {
    const result = this.db
      .prepare('INSERT INTO messages (conversation_id, sender, text, sent_at) VALUES (?, ?, ?, ?)')
      .run(conversationId, sender, text, at);
    const id = Number(result.lastInsertRowid);
    this.db
      .prepare('UPDATE conversations SET last_message_at = max(last_message_at, ?) WHERE id = ?')
      .run(at, conversationId);
    if (sender === 'seeker') {
      this.db.prepare('UPDATE conversations SET seeker_read_message_id = ? WHERE id = ?').run(id, conversationId);
    }
    return toChatMessage({ id, conversation_id: conversationId, sender, text, sent_at: at });
  }

  participants(conversationId: number): ConversationParticipants | undefined {
    const row = this.db.prepare('SELECT id, user_id, hr_id FROM conversations WHERE id = ?').get(conversationId) as
      { id: number; user_id: string; hr_id: number } | undefined;
    return row && { id: row.id, userId: row.user_id, hrId: row.hr_id };
  }

  idForApplication(applicationId: number): number {
    const row = this.db.prepare('SELECT id FROM conversations WHERE application_id = ?').get(applicationId) as {
      id: number;
    };
    return row.id;
  }

  /** Newest activity first. A conversation that gets a message moves up, so it may show on two pages. */
  list(userId: string, cursor: string | undefined, limit: number): CursorPage<ConversationSummary> {
    const after = decodeCursor(cursor, 2);
    const rows = this.db
      .prepare(
        `${SUMMARY_SELECT}
         WHERE c.user_id = @userId
           AND (@afterTime IS NULL OR c.last_message_at < @afterTime
                OR (c.last_message_at = @afterTime AND c.id < @afterId))
         ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit`,
      )
      .all({
        userId,
        afterTime: after?.[0] ?? null,
        afterId: after?.[1] ?? null,
        limit: limit + 1,
      }) as ConversationRow[];
    return toPage(rows, limit, toSummary, (row) => [row.last_message_at, row.id]);
  }

  find(userId: string, conversationId: number): ConversationSummary | undefined {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE c.id = ? AND c.user_id = ?`).get(conversationId, userId) as
      ConversationRow | undefined;
    return row && toSummary(row);
  }

  /** Newest first; the cursor pages back in history. */
  messages(conversationId: number, cursor: string | undefined, limit: number): CursorPage<ChatMessage> {
    const after = decodeCursor(cursor, 1);
    const rows = this.db
      .prepare(
        `SELECT id, conversation_id, sender, text, sent_at FROM messages
         WHERE conversation_id = @conversationId AND (@beforeId IS NULL OR id < @beforeId)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({ conversationId, beforeId: after?.[0] ?? null, limit: limit + 1 }) as MessageRow[];
    return toPage(rows, limit, toChatMessage, (row) => [row.id]);
  }

  markReadBySeeker(conversationId: number): void {
    this.db
      .prepare(
        `UPDATE conversations SET seeker_read_message_id =
           coalesce((SELECT max(id) FROM messages WHERE conversation_id = ?), 0) WHERE id = ?`,
      )
      .run(conversationId, conversationId);
  }
}
