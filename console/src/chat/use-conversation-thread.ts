import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageTextProblem } from '../../../services/contracts/chat-text';
import {
  CONSENT_SUBJECT_LABELS,
  type ConsentSubject,
  type EmployerConversationSummary,
} from '../../../services/contracts/conversations';
import { ApiRequestError, errorMessage } from '../api/client';
import * as api from '../api/employer';
import { useEmployerEvents, useEmployerSocket } from '../realtime/employer-socket';
import { useSession } from '../session/session';
import {
  hasGap,
  newClientId,
  threadFromPage,
  withFailure,
  withOlder,
  withOwnRead,
  withPending,
  withRestored,
  withResyncPage,
  withSeekerRead,
  withStored,
  type PendingMessage,
  type ThreadState,
} from './thread-state';
import { readUnsent, unsentKey, writeUnsent } from './unsent-messages';

/** A screen and a half of messages when a conversation opens, and per older page. */
const PAGE_SIZE = 30;
/** Pages while catching up after a reconnect. */
const RESYNC_PAGE_SIZE = 100;

export const BLOCKED_MESSAGE = '求职者已屏蔽你，无法继续发送消息';

const EMPTY: ThreadState = { messages: [], pending: [], hasOlder: false, lastSeq: 0, seekerReadSeq: 0 };

export interface ConversationThread {
  status: 'loading' | 'ready' | 'error';
  loadError: Error | undefined;
  summary: EmployerConversationSummary | undefined;
  thread: ThreadState;
  loadingOlder: boolean;
  olderError: string;
  /** Catching up failed: what is shown may miss messages until 重试. */
  syncError: string;
  reload(): void;
  loadOlder(): void;
  resync(): void;
  /** Answers the problem with the text to show under the field, or null when it is on its way. */
  send(text: string): string | null;
  /** 重发: the same client id, so a message that did arrive is never stored twice. */
  retry(clientId: string): void;
  requestConsent(subject: ConsentSubject): Promise<void>;
}

function isRefusedAsBlocked(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 403;
}

/**
 * The HR's side of one conversation: the newest page first, older pages on demand, pushes over the console's
 * socket, a resync after every reconnect (nothing missed, nothing doubled: by sequence), sending with a
 * client id, read receipts both ways and consent requests. The caller keys it by conversation id.
 */
export function useConversationThread(conversationId: string): ConversationThread {
  const { message } = App.useApp();
  const { epoch } = useEmployerSocket();
  const { hr } = useSession();
  const storageKey = unsentKey(hr.id, conversationId);
  const [status, setStatus] = useState<ConversationThread['status']>('loading');
  const [loadError, setLoadError] = useState<Error>();
  const [summary, setSummaryState] = useState<EmployerConversationSummary>();
  const [thread, setThread] = useState<ThreadState>(EMPTY);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState('');
  const [syncError, setSyncError] = useState('');
  const [attempt, setAttempt] = useState(0);
  // What async work reads and writes: the latest state, whatever React has rendered yet.
  const live = useRef({
    alive: true,
    ready: false,
    state: EMPTY,
    summary: undefined as EmployerConversationSummary | undefined,
    syncing: false,
    syncAgain: false,
    loadingOlder: false,
    /** Highest sequence a read was sent for. */
    readSent: 0,
    epoch,
  });

  /** The unsent messages outlive the page: each change to them is kept in localStorage. */
  const keepUnsent = useCallback(
    (pending: readonly PendingMessage[]) => {
      if (!writeUnsent(localStorage, storageKey, pending))
        void message.warning({ content: '浏览器存储已满：未发送的消息刷新页面后将丢失', key: 'unsent-storage' });
    },
    [message, storageKey],
  );

  const update = useCallback(
    (change: (state: ThreadState) => ThreadState) => {
      const before = live.current.state;
      live.current.state = change(before);
      setThread(live.current.state);
      if (live.current.state.pending !== before.pending) keepUnsent(live.current.state.pending);
    },
    [keepUnsent],
  );
  const setSummary = useCallback((next: EmployerConversationSummary) => {
    live.current.summary = next;
    setSummaryState(next);
  }, []);

  useEffect(() => {
    const current = live.current;
    current.alive = true;
    return () => {
      current.alive = false;
    };
  }, []);

  /** Opening the thread reads it: the seeker sees 已读. Only while the console is in front. */
  const markRead = useCallback(() => {
    const current = live.current;
    const seen = current.summary;
    const seq = current.state.lastSeq;
    if (!current.ready || !seen || document.visibilityState !== 'visible') return;
    if (seq <= Math.max(seen.readSeq, current.readSent)) return;
    current.readSent = seq;
    api.markConversationRead(conversationId, seq).then(
      (next) => {
        // Only the read counts: the rest of this answer may be older than a summary pushed meanwhile.
        if (current.alive && current.summary) setSummary(withOwnRead(current.summary, next));
      },
      (error: unknown) => {
        current.readSent = 0;
        if (current.alive) void message.error(`已读状态未能同步：${errorMessage(error)}`);
      },
    );
  }, [conversationId, message, setSummary]);

  useEffect(() => {
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [markRead]);

  const refreshSummary = useCallback(async () => {
    try {
      const next = await api.fetchConversation(conversationId);
      if (live.current.alive) setSummary(next);
    } catch {
      // The header keeps what it shows; the next reconnect or send tries again.
    }
  }, [conversationId, setSummary]);

  /** Fetches what came after the last sequence here, page by page; one run at a time, again if asked meanwhile. */
  const resync = useCallback(async () => {
    const current = live.current;
    if (!current.ready) return;
    if (current.syncing) {
      current.syncAgain = true;
      return;
    }
    current.syncing = true;
    try {
      do {
        current.syncAgain = false;
        for (;;) {
          const page = await api.listMessages(conversationId, {
            afterSeq: current.state.lastSeq,
            limit: RESYNC_PAGE_SIZE,
          });
          if (!current.alive) return;
          update((state) => withResyncPage(state, page));
          if (!page.hasMore) break;
        }
      } while (current.syncAgain);
      setSyncError('');
      markRead();
    } catch (error) {
      if (current.alive) setSyncError(errorMessage(error));
    } finally {
      current.syncing = false;
    }
  }, [conversationId, markRead, update]);

  // Effects below run on their own triggers only, calling the latest callbacks.
  const latestResync = useRef(resync);
  latestResync.current = resync;
  const latestRefreshSummary = useRef(refreshSummary);
  latestRefreshSummary.current = refreshSummary;

  // The first page and the header; again on 重试.
  useEffect(() => {
    const current = live.current;
    let latest = true;
    current.ready = false;
    setStatus('loading');
    Promise.all([api.fetchConversation(conversationId), api.listMessages(conversationId, { limit: PAGE_SIZE })]).then(
      ([header, page]) => {
        if (!latest || !current.alive) return;
        setSummary(header);
        // What was unsent before a reload is back, with 重发; what the server stored meanwhile is not.
        current.state = withRestored(threadFromPage(page), readUnsent(localStorage, storageKey));
        setThread(current.state);
        writeUnsent(localStorage, storageKey, current.state.pending);
        current.ready = true;
        setStatus('ready');
        // Pushed while the first page was on its way.
        void latestResync.current();
      },
      (error: unknown) => {
        if (!latest || !current.alive) return;
        setLoadError(error instanceof Error ? error : new Error(errorMessage(error)));
        setStatus('error');
      },
    );
    return () => {
      latest = false;
    };
  }, [conversationId, attempt, setSummary, storageKey]);

  // A reconnect may have missed pushes: catch up, and read the header again (the seeker may have blocked).
  useEffect(() => {
    if (epoch === live.current.epoch) return;
    live.current.epoch = epoch;
    void latestResync.current();
    void latestRefreshSummary.current();
  }, [epoch]);

  useEmployerEvents((event) => {
    const current = live.current;
    if (event.type === 'application.updated') {
      const seen = current.summary;
      if (seen && event.application.id === seen.applicationId && seen.applicationStatus !== event.application.status) {
        setSummary({ ...seen, applicationStatus: event.application.status });
      }
      return;
    }
    if (!current.ready || !('conversationId' in event) || event.conversationId !== conversationId) return;
    if (event.type === 'message') {
      update((state) => withStored(state, [event.message]));
      if (hasGap(current.state)) void resync();
      else if (event.message.from === 'seeker') markRead();
    } else if (event.type === 'read' && event.by === 'seeker') {
      update((state) => withSeekerRead(state, event.seq));
    }
  });

  const transmit = useCallback(
    async (pending: PendingMessage) => {
      const current = live.current;
      try {
        const stored = await api.sendMessage(conversationId, { text: pending.text, clientId: pending.clientId });
        if (!current.alive) return;
        update((state) => withStored(state, [stored]));
        if (hasGap(current.state)) void resync();
      } catch (error) {
        if (!current.alive) return;
        update((state) => withFailure(state, pending.clientId, errorMessage(error)));
        // One notice for a burst of refusals; each message also says it failed, with 重发.
        if (error instanceof ApiRequestError && error.status === 429) {
          void message.warning({ content: error.message, key: `flood-${conversationId}` });
        }
        if (isRefusedAsBlocked(error)) void refreshSummary();
      }
    },
    [conversationId, message, refreshSummary, resync, update],
  );

  const send = useCallback(
    (text: string): string | null => {
      const problem = messageTextProblem(text);
      if (problem) return problem;
      if (live.current.summary?.blocked) return BLOCKED_MESSAGE;
      const pending: PendingMessage = { clientId: newClientId(), text, sentAt: new Date().toISOString() };
      update((state) => withPending(state, pending));
      void transmit(pending);
      return null;
    },
    [transmit, update],
  );

  const retry = useCallback(
    (clientId: string) => {
      const pending = live.current.state.pending.find((p) => p.clientId === clientId);
      if (!pending) return;
      update((state) => withFailure(state, clientId, undefined));
      void transmit({ ...pending, failure: undefined });
    },
    [transmit, update],
  );

  const loadOlder = useCallback(async () => {
    const current = live.current;
    if (!current.ready || !current.state.hasOlder || current.loadingOlder) return;
    current.loadingOlder = true;
    setLoadingOlder(true);
    setOlderError('');
    const beforeSeq = current.state.messages[0]?.seq ?? current.state.lastSeq + 1;
    try {
      const page = await api.listMessages(conversationId, { beforeSeq, limit: PAGE_SIZE });
      if (current.alive) update((state) => withOlder(state, page));
    } catch (error) {
      if (current.alive) setOlderError(errorMessage(error));
    } finally {
      current.loadingOlder = false;
      if (current.alive) setLoadingOlder(false);
    }
  }, [conversationId, update]);

  const requestConsent = useCallback(
    async (subject: ConsentSubject) => {
      try {
        const card = await api.requestConsent(conversationId, subject);
        if (!live.current.alive) return;
        update((state) => withStored(state, [card]));
        void message.success(`已向求职者请求${CONSENT_SUBJECT_LABELS[subject]}`);
      } catch (error) {
        void message.error(`请求${CONSENT_SUBJECT_LABELS[subject]}失败：${errorMessage(error)}`);
        if (isRefusedAsBlocked(error)) void refreshSummary();
      }
    },
    [conversationId, message, refreshSummary, update],
  );

  return {
    status,
    loadError,
    summary,
    thread,
    loadingOlder,
    olderError,
    syncError,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    loadOlder: useCallback(() => void loadOlder(), [loadOlder]),
    resync: useCallback(() => void resync(), [resync]),
    send,
    retry,
    requestConsent,
  };
}
