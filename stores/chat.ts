import './mobx-config';
import { makeAutoObservable, observable, reaction, runInAction } from 'mobx';
import { messageTextProblem } from '../services/contracts/chat-text';
import { mergeBySeq } from '../services/contracts/message-order';
import {
  isActionCard,
  type ActionCard,
  type ChatMessage,
  type ConsentSubject,
  type ConversationSummary,
} from '../services/contracts/conversations';
import type { ServerEvent } from '../services/contracts/realtime';
import { ChatOutbox, type OutboxEntry } from '../services/chat-outbox';
import {
  answerConsent,
  getConversation,
  getUnreadTotal,
  listMessages,
  markConversationRead,
  reportChatMessage,
  setHrBlocked,
} from '../services/conversations';
import { newIdempotencyKey } from '../services/http';
import { showTabBadge } from '../services/platform/socket';
import { realtime, type RealtimeClient, type RealtimeState } from '../services/realtime';
import type { DeliveryState, ThreadMessage } from '../view-models/chat-view';
import type { CardSubjects } from '../view-models/chat-card-view';

export type { RealtimeState };
import { applicationsStore } from './applications';
import { conversationsStore, updateConversationRow, withMessage } from './conversations';
import { interviewsStore } from './interviews';
import { LateAnswers } from './late-answers';
import { onboardingStore } from './onboarding';
import { recordedInterviewStore } from './recorded-interview';
import { loadFailure, type LoadStatus } from './load-status';
import { messageOf } from './outcome';

/** Messages sent to the view when a conversation opens: one screen. */
export const FIRST_PAGE_SIZE = 20;
export const OLDER_PAGE_SIZE = 30;
/** Resync pages while catching up after a reconnect. */
const RESYNC_PAGE_SIZE = 100;
const MESSAGES_TAB_INDEX = 1;

export interface ChatThread {
  id: string;
  summary: ConversationSummary | null;
  status: LoadStatus;
  errorMessage: string;
  /** Stored messages by seq, oldest first. */
  stored: ThreadMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: string;
  /** The HR has read up to this seq. */
  otherReadSeq: number;
  /** Highest seq this app has seen (stored list or beyond, when history is not all loaded). */
  lastSeq: number;
}

function toThreadMessage(message: ChatMessage): ThreadMessage {
  return {
    key: message.clientId && message.from === 'seeker' ? message.clientId : `s${message.seq}`,
    seq: message.seq,
    from: message.from,
    text: message.text,
    card: message.card,
    sentAt: message.sentAt,
    clientId: message.clientId,
  };
}

function fromOutbox(entry: OutboxEntry): ThreadMessage {
  return {
    key: entry.clientId,
    seq: null,
    from: 'seeker',
    text: entry.text,
    card: null,
    sentAt: new Date(entry.createdAt).toISOString(),
    clientId: entry.clientId,
    failure: entry.failure,
  };
}

/**
 * The chat with employers: threads (a screen of history first, older pages on demand), sending through a
 * device outbox over the realtime connection (exactly once by client id), catching up after every
 * reconnect, read receipts both ways, unread counts and the tab badge, consent answers, reports, blocking.
 */
export class ChatStore {
  threads = observable.map<string, ChatThread>();
  /** Unacknowledged messages by conversation, in the order typed. */
  pending = observable.map<string, ThreadMessage[]>();
  unreadTotal = 0;
  connection: RealtimeState = 'idle';
  /** The conversation on screen: its HR messages are read as they come. */
  visibleId: string | null = null;
  /**
   * Loading the state of what each conversation's action cards are about (interviews, recorded interviews,
   * offers). The states themselves live in their stores, kept live by `receive()`.
   */
  cardStates = observable.map<string, LoadStatus>();
  private outbox: ChatOutbox | undefined;
  /** Conversations whose card states were asked for again while a load was on its way. */
  private readonly cardReloads = new Set<string>();
  /**
   * Card state reads on their way, by what they read ('interviews', 'recorded', 'offer:<application>'): every
   * conversation asking meanwhile (a catch-up asks for each) shares one request instead of superseding it.
   */
  private readonly cardReads = new Map<string, Promise<void>>();
  private started = false;
  /** Between a (re)connection and the outbox flush: new messages wait so all leave in the order typed. */
  private catchingUp = false;
  /** The conversation opened last wins: the answer for one left before it came is dropped (and not read). */
  private readonly opening = new LateAnswers();

  constructor(private readonly client: RealtimeClient = realtime) {
    makeAutoObservable<
      ChatStore,
      'outbox' | 'client' | 'started' | 'catchingUp' | 'opening' | 'cardReloads' | 'cardReads'
    >(this, {
      outbox: false,
      cardReloads: false,
      cardReads: false,
      client: false,
      started: false,
      catchingUp: false,
      opening: false,
    });
  }

  thread(id: string): ChatThread | undefined {
    return this.threads.get(id);
  }

  /** What the conversation shows: stored messages, then the seeker's unacknowledged ones. */
  messages(id: string): ThreadMessage[] {
    const stored = this.threads.get(id)?.stored ?? [];
    const pending = this.pending.get(id) ?? [];
    return pending.length ? [...stored, ...pending] : stored;
  }

  /**
   * When the HR was last seen active: the last-active loaded with the conversation, or their newest message
   * in it (pushed or fetched) when that is later.
   */
  hrLastActiveAt(id: string): string | null {
    const thread = this.threads.get(id);
    if (!thread?.summary) return null;
    const loaded = thread.summary.hr.lastActiveAt;
    for (let i = thread.stored.length - 1; i >= 0; i--) {
      const message = thread.stored[i];
      if (message.from === 'hr') return Date.parse(message.sentAt) > Date.parse(loaded) ? message.sentAt : loaded;
    }
    return loaded;
  }

  deliveryState(id: string, message: ThreadMessage): DeliveryState | null {
    if (message.from !== 'seeker') return null;
    if (message.seq === null) return message.failure ? 'failed' : 'sending';
    return message.seq <= (this.threads.get(id)?.otherReadSeq ?? 0) ? 'read' : 'sent';
  }

  /** Connects, restores the outbox and keeps the badge current. Called once the seeker is signed in. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.outbox = new ChatOutbox();
    for (const entry of this.outbox.all()) this.addPending(fromOutbox(entry), entry.conversationId);
    this.client.onEvent((event) => this.receive(event));
    this.client.onConnected(() => void this.catchUp());
    this.client.onStateChange((state) => runInAction(() => (this.connection = state)));
    reaction(
      () => this.unreadTotal,
      (count) => showTabBadge(MESSAGES_TAB_INDEX, count),
      { fireImmediately: true },
    );
    this.client.start();
  }

  /**
   * Opens a conversation: its header and the newest screen of messages (again on re-entry: catches up). An
   * open whose answer comes after another conversation was opened leaves its thread loading: the page opens
   * it again when it shows.
   */
  async open(id: string): Promise<void> {
    const isLatest = this.opening.begin();
    const known = this.threads.get(id);
    if (known && known.status === 'ready') {
      void this.loadCardStates(id);
      await this.resync(id);
      return;
    }
    this.threads.set(id, {
      id,
      summary: known?.summary ?? null,
      status: 'loading',
      errorMessage: '',
      stored: [],
      hasOlder: false,
      loadingOlder: false,
      olderError: '',
      otherReadSeq: 0,
      lastSeq: 0,
    });
    try {
      const [summary, page] = await Promise.all([getConversation(id), listMessages(id, { limit: FIRST_PAGE_SIZE })]);
      if (!isLatest()) return;
      runInAction(() => {
        const thread = this.threads.get(id) as ChatThread;
        thread.summary = summary;
        thread.stored = mergeBySeq(thread.stored, page.items.map(toThreadMessage));
        thread.hasOlder = page.hasMore;
        thread.otherReadSeq = Math.max(thread.otherReadSeq, page.otherReadSeq);
        thread.lastSeq = Math.max(thread.lastSeq, page.lastSeq);
        thread.status = 'ready';
      });
      this.dropAcknowledged(id);
      // Only a conversation still on screen is read: the seeker may have left while the page loaded.
      if (this.visibleId === id) this.markRead(id);
      void this.loadCardStates(id);
      // Messages pushed while the first page was on its way.
      void this.resync(id);
    } catch (error) {
      if (!isLatest()) return;
      runInAction(() => {
        const thread = this.threads.get(id) as ChatThread;
        const failure = loadFailure(error, '这个会话不存在，或已被删除', '会话加载失败，请稍后重试');
        thread.status = failure.status;
        thread.errorMessage = failure.errorMessage;
      });
    }
  }

  setVisible(id: string | null): void {
    this.visibleId = id;
    if (id) this.markRead(id);
  }

  /** One older page, put in front of what is shown. */
  async loadOlder(id: string): Promise<void> {
    const thread = this.threads.get(id);
    if (!thread || thread.status !== 'ready' || !thread.hasOlder || thread.loadingOlder) return;
    thread.loadingOlder = true;
    thread.olderError = '';
    const beforeSeq = thread.stored.length ? (thread.stored[0].seq as number) : thread.lastSeq + 1;
    try {
      const page = await listMessages(id, { beforeSeq, limit: OLDER_PAGE_SIZE });
      runInAction(() => {
        const older = page.items.map(toThreadMessage).filter((m) => (m.seq as number) < beforeSeq);
        thread.stored = [...older, ...thread.stored];
        thread.hasOlder = page.hasMore;
        thread.loadingOlder = false;
      });
      this.loadUnknownCardStates(id, page.items);
    } catch (error) {
      runInAction(() => {
        thread.loadingOlder = false;
        thread.olderError = messageOf(error, '加载失败，点击重试');
      });
    }
  }

  /**
   * Sends a text: kept in the outbox first (so a kill or a dead network loses nothing), shown as 发送中,
   * sent now when connected. Answers the problem to show instead, or null.
   */
  send(conversationId: string, text: string): string | null {
    const problem = messageTextProblem(text);
    if (problem) return problem;
    if (this.threads.get(conversationId)?.summary?.blocked) return '你已屏蔽该HR，取消屏蔽后才能发消息';
    const entry: OutboxEntry = { clientId: newClientId(), conversationId, text, createdAt: Date.now() };
    const refused = this.requireOutbox().add(entry);
    if (refused) return refused;
    this.addPending(fromOutbox(entry), conversationId);
    if (!this.catchingUp) this.transmit(entry);
    return null;
  }

  /** 重发: the same client id again, so a message that did arrive is never doubled. */
  retry(conversationId: string, clientId: string): void {
    const entry = this.requireOutbox()
      .all()
      .find((e) => e.clientId === clientId);
    if (!entry) return;
    this.requireOutbox().setFailure(clientId, null);
    this.setPendingFailure(conversationId, clientId, undefined);
    if (!this.catchingUp) this.transmit(entry);
  }

  /** Tells the server (and so the HR) the seeker read everything shown. */
  markRead(id: string): void {
    const thread = this.threads.get(id);
    if (!thread || thread.status !== 'ready') return;
    const seq = thread.lastSeq;
    const summary = thread.summary;
    if (!summary || seq <= summary.readSeq) return;
    thread.summary = { ...summary, readSeq: seq, unreadCount: 0 };
    this.unreadTotal = Math.max(0, this.unreadTotal - summary.unreadCount);
    void updateConversationRow(id, (row) => ({ ...row, unreadCount: 0, readSeq: seq }));
    if (!this.client.send({ type: 'read', conversationId: id, seq })) {
      markConversationRead(id, seq).catch(() => undefined);
    }
  }

  async answerConsent(
    id: string,
    answer: { subject: ConsentSubject; agreed: boolean; requestSeq?: number },
  ): Promise<string | null> {
    try {
      const message = await answerConsent(id, answer);
      this.receiveMessage(id, message);
      if (answer.subject === 'phone' && answer.agreed) {
        const applicationId = this.threads.get(id)?.summary?.applicationId;
        if (applicationId) void applicationsStore.loadDetail(applicationId);
      }
      return null;
    } catch (error) {
      return messageOf(error, '操作失败，请稍后重试');
    }
  }

  async report(id: string, seq: number, reason: string): Promise<string | null> {
    try {
      await reportChatMessage(id, seq, reason);
      return null;
    } catch (error) {
      return messageOf(error, '举报失败，请稍后重试');
    }
  }

  async setBlocked(id: string, blocked: boolean): Promise<string | null> {
    try {
      const summary = await setHrBlocked(id, blocked);
      runInAction(() => {
        const thread = this.threads.get(id);
        if (thread) thread.summary = summary;
      });
      void updateConversationRow(id, () => summary);
      return null;
    } catch (error) {
      return messageOf(error, '操作失败，请稍后重试');
    }
  }

  async refreshUnreadTotal(): Promise<void> {
    try {
      const { unreadCount } = await getUnreadTotal();
      runInAction(() => (this.unreadTotal = unreadCount));
    } catch {
      // The badge keeps its count until the next connection.
    }
  }

  /** The states the conversation's action cards draw, as their stores have them now. */
  cardSubjects(id: string): CardSubjects {
    return {
      interview: (interviewId) => interviewsStore.entry(interviewId).interview ?? undefined,
      offer: (applicationId) => onboardingStore.entry(applicationId).onboarding?.offer ?? undefined,
      recordedInterview: (interviewId) => recordedInterviewStore.invites.find((invite) => invite.id === interviewId),
      interviewActing: (interviewId) => interviewsStore.entry(interviewId).acting !== '',
      offerActing: (applicationId) => onboardingStore.entry(applicationId).acting !== null,
      failed: this.cardStates.get(id) === 'error',
    };
  }

  /**
   * Reads the current state of everything the conversation's action cards are about, one request per kind
   * (the interview list, the recorded interview list, the application's onboarding). Done on every open.
   */
  async loadCardStates(id: string): Promise<void> {
    if (this.cardStates.get(id) === 'loading') {
      // Cards that came meanwhile are read once this load ends.
      this.cardReloads.add(id);
      return;
    }
    const cards = this.actionCards(this.threads.get(id)?.stored ?? []);
    if (!cards.length) return;
    this.cardStates.set(id, 'loading');
    const loads: Promise<void>[] = [];
    if (cards.some((card) => card.kind === 'interview')) {
      loads.push(this.readCards('interviews', () => interviewsStore.loadList()));
    }
    if (cards.some((card) => card.kind === 'recorded_interview')) {
      loads.push(this.readCards('recorded', () => recordedInterviewStore.loadInvites()));
    }
    const offerApplications = new Set<string>();
    for (const card of cards) if (card.kind === 'offer') offerApplications.add(card.applicationId);
    offerApplications.forEach((applicationId) =>
      loads.push(this.readCards(`offer:${applicationId}`, () => onboardingStore.load(applicationId))),
    );
    await Promise.all(loads);
    // The stores keep what they showed when a read fails: a card still without its state failed to load.
    const subjects = this.cardSubjects(id);
    runInAction(() => this.cardStates.set(id, cards.every((card) => stateKnown(card, subjects)) ? 'ready' : 'error'));
    if (this.cardReloads.delete(id)) await this.loadCardStates(id);
  }

  /** One read of a kind of card state at a time, shared by every conversation that asks while it is on its way. */
  private readCards(key: string, read: () => Promise<void>): Promise<void> {
    const known = this.cardReads.get(key);
    if (known) return known;
    const done = () => void this.cardReads.delete(key);
    const reading = read().then(done, (error: unknown) => {
      done();
      throw error;
    });
    this.cardReads.set(key, reading);
    return reading;
  }

  /** Cards that arrived without a push of their state (history, a resync after a drop): their state is read. */
  private loadUnknownCardStates(id: string, messages: readonly ChatMessage[]): void {
    const subjects = this.cardSubjects(id);
    const cards = this.actionCards(messages);
    if (cards.some((card) => !stateKnown(card, subjects))) void this.loadCardStates(id);
  }

  private actionCards(messages: readonly { card: ChatMessage['card'] }[]): ActionCard[] {
    const cards: ActionCard[] = [];
    for (const message of messages) if (isActionCard(message.card)) cards.push(message.card);
    return cards;
  }

  private requireOutbox(): ChatOutbox {
    if (!this.outbox) this.outbox = new ChatOutbox();
    return this.outbox;
  }

  private transmit(entry: OutboxEntry): void {
    this.client.send({
      type: 'message.send',
      conversationId: entry.conversationId,
      clientId: entry.clientId,
      text: entry.text,
    });
  }

  /** After every (re)connection: what was missed in the threads kept, the badge, then the outbox in order. */
  private async catchUp(): Promise<void> {
    this.catchingUp = true;
    void this.refreshUnreadTotal();
    if (conversationsStore.status === 'ready') void conversationsStore.refresh();
    try {
      // Own messages stored before the connection dropped come back here and leave the outbox.
      await Promise.all([...this.threads.keys()].map((id) => this.resync(id)));
      // States that changed while the socket was down (pushes are not replayed).
      for (const id of this.threads.keys()) void this.loadCardStates(id);
    } finally {
      this.catchingUp = false;
    }
    for (const entry of this.requireOutbox().all()) if (!entry.failure) this.transmit(entry);
  }

  /** Fetches what came after the last seq this app saw, page by page. */
  async resync(id: string): Promise<void> {
    const thread = this.threads.get(id);
    if (!thread || thread.status !== 'ready') return;
    try {
      for (;;) {
        const page = await listMessages(id, { afterSeq: thread.lastSeq, limit: RESYNC_PAGE_SIZE });
        runInAction(() => {
          for (const message of page.items) this.receiveMessage(id, message);
          thread.otherReadSeq = Math.max(thread.otherReadSeq, page.otherReadSeq);
        });
        this.loadUnknownCardStates(id, page.items);
        if (!page.hasMore) break;
      }
      if (this.visibleId === id) this.markRead(id);
    } catch {
      // The next reconnect or re-entry tries again; what is shown stays.
    }
  }

  private receive(event: ServerEvent): void {
    switch (event.type) {
      case 'message':
        this.receiveMessage(event.conversationId, event.message);
        if (this.visibleId === event.conversationId) this.markRead(event.conversationId);
        break;
      case 'message.ack':
        this.receiveMessage(event.conversationId, event.message);
        break;
      case 'message.rejected':
        this.requireOutbox().setFailure(event.clientId, event.message);
        this.setPendingFailure(event.conversationId, event.clientId, event.message);
        break;
      case 'read': {
        const thread = this.threads.get(event.conversationId);
        if (event.by === 'hr' && thread) thread.otherReadSeq = Math.max(thread.otherReadSeq, event.seq);
        break;
      }
      case 'application.updated':
        applicationsStore.receiveUpdate(event.application);
        break;
      case 'interview.updated':
        interviewsStore.remember(event.interview);
        break;
      case 'onboarding.updated':
        onboardingStore.receive(event.onboarding);
        break;
      case 'recorded-interview.updated':
        recordedInterviewStore.receive(event.interview);
        break;
      default:
        break;
    }
  }

  /** A stored message reached the app (push, ack or resync): shown once, its outbox entry done. */
  private receiveMessage(conversationId: string, message: ChatMessage): void {
    if (message.from === 'seeker' && message.clientId) {
      this.requireOutbox().remove(message.clientId);
      this.removePending(conversationId, message.clientId);
    }
    const thread = this.threads.get(conversationId);
    const seen = thread ? message.seq <= thread.lastSeq : false;
    if (thread && thread.status === 'ready' && !seen) {
      if (message.seq > thread.lastSeq + 1 && thread.lastSeq > 0) {
        // A gap: something was missed while this arrived; fetch it in order.
        void this.resync(conversationId);
        return;
      }
      thread.stored = mergeBySeq(thread.stored, [toThreadMessage(message)]);
      thread.lastSeq = message.seq;
      if (thread.summary) thread.summary = withMessage(thread.summary, message, false);
    }
    if (!seen) {
      const read = this.visibleId === conversationId;
      if (message.from !== 'seeker' && !read) this.unreadTotal += 1;
      void updateConversationRow(conversationId, (row) => withMessage(row, message, read));
    }
  }

  private addPending(message: ThreadMessage, conversationId: string): void {
    this.pending.set(conversationId, [...(this.pending.get(conversationId) ?? []), message]);
  }

  private removePending(conversationId: string, clientId: string): void {
    const list = this.pending.get(conversationId);
    if (!list || !list.some((m) => m.clientId === clientId)) return;
    this.pending.set(
      conversationId,
      list.filter((m) => m.clientId !== clientId),
    );
  }

  private setPendingFailure(conversationId: string, clientId: string, failure: string | undefined): void {
    const list = this.pending.get(conversationId);
    if (!list) return;
    this.pending.set(
      conversationId,
      list.map((m) => (m.clientId === clientId ? { ...m, failure } : m)),
    );
  }

  /** Outbox entries the server already stored (the ack was lost with the connection). */
  private dropAcknowledged(id: string): void {
    const thread = this.threads.get(id);
    if (!thread) return;
    for (const message of thread.stored) {
      if (message.from === 'seeker' && message.clientId) {
        this.requireOutbox().remove(message.clientId);
        this.removePending(id, message.clientId);
      }
    }
  }
}

function stateKnown(card: ActionCard, subjects: CardSubjects): boolean {
  switch (card.kind) {
    case 'interview':
      return subjects.interview(card.interviewId) !== undefined;
    case 'recorded_interview':
      return subjects.recordedInterview(card.recordedInterviewId) !== undefined;
    case 'offer':
      return subjects.offer(card.applicationId) !== undefined;
  }
}

/** 128 random bits, as the server's client id pattern takes them. */
export function newClientId(): string {
  return `c${newIdempotencyKey()}`;
}

export const chatStore = new ChatStore();
