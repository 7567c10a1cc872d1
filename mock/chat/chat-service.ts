import type { Database } from 'better-sqlite3';
import {
  CONSENT_SUBJECT_LABELS,
  type ChatMessage,
  type ConsentSubject,
  type MessageCard,
} from '../../services/contracts/conversations';
import { SCAM_LAW_NOTE, scanForScam } from '../../services/contracts/scam-rules';
import type { ApplicationService } from '../applications/application-service';
import type { MessageEvent, ReadEvent } from '../../services/contracts/realtime';
import type { EmployerIdentity } from '../auth/hr-sessions';
import type { SimulatedClock } from '../clock';
import {
  seenBy,
  type ChatSide,
  type ConversationParticipants,
  type ConversationStore,
} from '../conversations/conversation-store';
import { ApiError, conflict, forbidden, invalidInput, notFound } from '../http/api-error';
import { parseId } from '../jobs/job-queries';
import type { RealtimeHub } from '../realtime/hub';
import { AttachmentStore } from '../resume/attachment-store';
import { SubscriptionService } from '../subscriptions/subscription-service';
import { FloodGuard, type ChatRate } from './flood-guard';

/** Who is acting: the seeker (by user id) or an HR of the job's company (colleagues share its chats). */
export type ChatActor = { side: 'seeker'; userId: string } | ({ side: 'hr' } & EmployerIdentity);

/** Where events go: seekers' connections by user id, the HR console's by company id. */
export interface ChatChannels {
  seekers: RealtimeHub;
  employers: RealtimeHub;
}

export const FLOOD_MESSAGE = '发送太频繁，请稍后再试';

/**
 * The chat between a seeker and the HR of a job: sending with exactly-once client ids, delivery to both
 * sides (a subscription message when the seeker is not connected), read positions, consent cards, the scam
 * guard, reports and blocking. Every method checks the actor owns the conversation (404 otherwise).
 */
export class ChatService {
  readonly conversationsStore: ConversationStore;
  private readonly subscriptions: SubscriptionService;
  private readonly attachments: AttachmentStore;
  private readonly flood: FloodGuard;

  constructor(
    private readonly db: Database,
    private readonly clock: SimulatedClock,
    private readonly applications: ApplicationService,
    private readonly channels: ChatChannels,
    rate?: ChatRate,
  ) {
    this.conversationsStore = applications.conversations;
    this.subscriptions = new SubscriptionService(db, clock);
    this.attachments = AttachmentStore.forDatabase(db);
    this.flood = new FloodGuard(rate);
    applications.onMessage((participants, message) => this.deliver(participants, message));
  }

  /** The conversation of the path if the actor is in it; 404 otherwise (someone else's does not exist). */
  own(actor: ChatActor, rawId: string | number): ConversationParticipants {
    const id = typeof rawId === 'number' ? rawId : parseId(rawId);
    const participants = id === undefined ? undefined : this.conversationsStore.participants(id);
    const mine =
      participants &&
      (actor.side === 'seeker'
        ? participants.userId === actor.userId
        : this.applications.store.companyOfConversation(participants.id) === actor.companyId);
    if (!participants || !mine) throw notFound('会话不存在');
    return participants;
  }

  /**
   * Stores a text message once per client id and delivers it. A repeat of a stored client id answers the
   * stored message (`created: false`) and costs nothing. Refuses a flood (429) and writing across a block (403).
   */
  send(actor: ChatActor, rawId: string | number, input: { text: string; clientId?: string | null }) {
    const participants = this.own(actor, rawId);
    const clientId = input.clientId ?? null;
    if (clientId !== null) {
      const existing = this.findByClientId(participants.id, actor.side, clientId);
      if (existing) return { message: existing, created: false };
    }
    if (participants.blocked) {
      throw forbidden(actor.side === 'hr' ? '求职者已屏蔽你，无法继续发送消息' : '你已屏蔽该HR，取消屏蔽后才能发消息');
    }
    const senderKey = actor.side === 'seeker' ? `seeker:${actor.userId}` : `hr:${actor.hrId}`;
    if (!this.flood.allow(senderKey)) throw new ApiError(429, 'rate_limited', FLOOD_MESSAGE);
    const at = this.clock.now();
    const stored = this.db.transaction(() => {
      const sent = this.conversationsStore.append(participants.id, {
        sender: actor.side,
        text: input.text,
        clientId,
        at,
      });
      const messages = [sent.message];
      if (actor.side === 'hr' && sent.created) {
        this.db
          .prepare('UPDATE hrs SET last_active_at = max(last_active_at, ?) WHERE id = ?')
          .run(at, participants.hrId);
        const warning = this.scamWarning(participants.id, sent.message, at);
        if (warning) messages.push(warning);
      }
      return { sent, messages };
    })();
    if (stored.sent.created) this.applications.announce(participants.id, stored.messages);
    return stored.sent;
  }

  /** The HR asks for the seeker's phone or resume attachment: a card the seeker answers. */
  requestConsent(hr: EmployerIdentity, rawId: string, subject: ConsentSubject): ChatMessage {
    const participants = this.own({ side: 'hr', ...hr }, rawId);
    if (participants.blocked) throw forbidden('求职者已屏蔽你，无法继续发送消息');
    return this.applications.postMessage(participants.id, {
      sender: 'hr',
      text: `我想查看你的${CONSENT_SUBJECT_LABELS[subject]}，是否同意？`,
      card: { kind: 'consent_request', subject },
    });
  }

  /**
   * The seeker answers a request (`requestSeq`) or offers unasked. Agreeing to the phone unmasks it for this
   * application's employer; agreeing to the attachment shares the newest uploaded one. A request is answered once.
   */
  answerConsent(
    userId: string,
    rawId: string,
    input: { subject: ConsentSubject; agreed: boolean; requestSeq?: number },
  ): ChatMessage {
    const participants = this.own({ side: 'seeker', userId }, rawId);
    const requestSeq = input.requestSeq ?? null;
    if (requestSeq !== null) {
      const request = this.conversationsStore.message(participants.id, requestSeq);
      if (!request || request.card?.kind !== 'consent_request' || request.card.subject !== input.subject) {
        throw invalidInput([{ path: 'body.requestSeq', message: '找不到HR的这条请求' }]);
      }
      if (this.answerTo(participants.id, requestSeq)) throw conflict('你已回复过这条请求');
    } else if (!input.agreed) {
      throw invalidInput([{ path: 'body.agreed', message: '主动发送时只能选择同意' }]);
    }
    const label = CONSENT_SUBJECT_LABELS[input.subject];
    if (!input.agreed) {
      return this.applications.postMessage(participants.id, {
        sender: 'seeker',
        text: `我暂不方便提供${label}`,
        card: { kind: 'consent_answer', subject: input.subject, agreed: false, requestSeq },
      });
    }
    if (input.subject === 'phone') {
      this.applications.sharePhone(userId, participants.applicationId, requestSeq);
      const shared = this.latestConsentAnswer(participants.id, 'phone');
      // Shared before (e.g. from the application page): answer the request anyway so the card closes.
      if (shared && (shared.card as { requestSeq: number | null }).requestSeq === requestSeq) return shared;
      return this.applications.postMessage(participants.id, {
        sender: 'seeker',
        text: '我已同意向你展示手机号，可直接电话联系',
        card: { kind: 'consent_answer', subject: 'phone', agreed: true, requestSeq },
      });
    }
    const attachment = this.attachments.list(userId)[0];
    if (!attachment) throw conflict('你还没有上传附件简历，请先在「我的-在线简历」上传');
    return this.applications.postMessage(participants.id, {
      sender: 'seeker',
      text: `我已发送附件简历「${attachment.fileName}」`,
      card: {
        kind: 'consent_answer',
        subject: 'attachment',
        agreed: true,
        requestSeq,
        attachment: { id: attachment.id, fileName: attachment.fileName },
      },
    });
  }

  /** Moves the actor's read position and tells the other side when it moved. */
  markRead(actor: ChatActor, rawId: string | number, seq?: number): number {
    const participants = this.own(actor, rawId);
    const read = this.conversationsStore.markRead(participants.id, actor.side, seq);
    if (read.moved) {
      const event = { type: 'read' as const, conversationId: String(participants.id), by: actor.side, seq: read.seq };
      // Both sides: the other learns it was read, the actor's other devices stop counting these as unread.
      this.sendTo(participants, 'seeker', event);
      this.sendTo(participants, 'hr', event);
    }
    return read.seq;
  }

  report(userId: string, rawId: string, input: { seq: number; reason: string }): { id: string } {
    const participants = this.own({ side: 'seeker', userId }, rawId);
    const message = this.conversationsStore.message(participants.id, input.seq);
    if (!message || message.from !== 'hr') {
      throw invalidInput([{ path: 'body.seq', message: '只能举报HR发送的消息' }]);
    }
    const result = this.db
      .prepare(
        `INSERT INTO chat_reports (conversation_id, message_id, user_id, hr_id, reason, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (message_id, user_id) DO UPDATE SET reason = excluded.reason
         RETURNING id`,
      )
      .get(participants.id, Number(message.id), userId, participants.hrId, input.reason.trim(), this.clock.now()) as {
      id: number;
    };
    return { id: String(result.id) };
  }

  setBlocked(userId: string, rawId: string, blocked: boolean) {
    const participants = this.own({ side: 'seeker', userId }, rawId);
    this.conversationsStore.setBlocked(participants.id, blocked, this.clock.now());
    return this.summary({ side: 'seeker', userId }, participants.id);
  }

  summary(actor: ChatActor, rawId: string | number) {
    const participants = this.own(actor, rawId);
    const summary = this.conversationsStore.summary(actor.side, participants.id);
    if (!summary) throw notFound('会话不存在');
    return summary;
  }

  /**
   * Sends a stored message to the open connections of each side that sees it (a scam warning: the seeker only);
   * an HR message to an unconnected seeker becomes a notification.
   */
  private deliver(participants: ConversationParticipants, message: ChatMessage): void {
    const event = { type: 'message' as const, conversationId: String(participants.id), message };
    this.sendTo(participants, 'seeker', event);
    if (seenBy('hr', message)) this.sendTo(participants, 'hr', event);
    if (message.from === 'hr' && this.channels.seekers.connectionCountOf(participants.userId) === 0) {
      this.subscriptions.notifyChat({
        userId: participants.userId,
        applicationId: participants.applicationId,
        conversationId: participants.id,
        text: message.text,
        at: Date.parse(message.sentAt),
      });
    }
  }

  private scamWarning(conversationId: number, message: ChatMessage, at: number): ChatMessage | undefined {
    const flags = scanForScam(message.text);
    if (!flags.length) return undefined;
    const card: MessageCard = { kind: 'scam_warning', aboutSeq: message.seq, flags, law: SCAM_LAW_NOTE };
    const text = `安全提醒：${flags.map((flag) => flag.reason.split('：')[0]).join('、')}，请提高警惕`;
    return this.conversationsStore.append(conversationId, { sender: 'system', text, card, at }).message;
  }

  private findByClientId(conversationId: number, side: ChatSide, clientId: string): ChatMessage | undefined {
    const row = this.db
      .prepare('SELECT seq FROM messages WHERE conversation_id = ? AND sender = ? AND client_id = ?')
      .get(conversationId, side, clientId) as { seq: number } | undefined;
    return row && this.conversationsStore.message(conversationId, row.seq);
  }

  private answerTo(conversationId: number, requestSeq: number): boolean {
    return !!this.db
      .prepare(
        `SELECT 1 FROM messages WHERE conversation_id = ? AND sender = 'seeker'
           AND json_extract(card, '$.kind') = 'consent_answer' AND json_extract(card, '$.requestSeq') = ?`,
      )
      .get(conversationId, requestSeq);
  }

  private latestConsentAnswer(conversationId: number, subject: ConsentSubject): ChatMessage | undefined {
    const row = this.db
      .prepare(
        `SELECT seq FROM messages WHERE conversation_id = ? AND json_extract(card, '$.kind') = 'consent_answer'
           AND json_extract(card, '$.subject') = ? ORDER BY seq DESC LIMIT 1`,
      )
      .get(conversationId, subject) as { seq: number } | undefined;
    return row && this.conversationsStore.message(conversationId, row.seq);
  }

  private sendTo(participants: ConversationParticipants, side: ChatSide, event: MessageEvent | ReadEvent): void {
    if (side === 'seeker') return this.channels.seekers.sendToUser(participants.userId, event);
    const companyId = this.applications.store.companyOfConversation(participants.id);
    if (companyId !== undefined) this.channels.employers.sendToUser(String(companyId), event);
  }
}
