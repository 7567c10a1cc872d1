import type { ChatMessage, ConversationSummary, MessagePage } from '../../services/contracts/conversations';
import type { ClientEvent } from '../../services/contracts/realtime';
import type { RealtimeClient } from '../../services/realtime';

/** The conversation reads the store makes, answered when the test says. */
const calls: Array<{
  kind: 'summary' | 'messages';
  id: string;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}> = [];
jest.mock('../../services/conversations', () => {
  const call = (kind: 'summary' | 'messages', id: string) =>
    new Promise((resolve, reject) => calls.push({ kind, id, resolve, reject }));
  return {
    getConversation: (id: string) => call('summary', id),
    listMessages: (id: string) => call('messages', id),
    markConversationRead: jest.fn(() => Promise.resolve()),
    getUnreadTotal: jest.fn(() => Promise.resolve({ unreadCount: 0 })),
  };
});

import { ChatStore } from '../../stores/chat';

const settle = () => new Promise((resolve) => setImmediate(resolve));

function summary(id: string): ConversationSummary {
  return {
    id,
    applicationId: `a${id}`,
    applicationStatus: 'submitted',
    jobId: '1',
    jobTitle: `职位${id}`,
    companyName: '某公司',
    salary: { min: 5000, max: 8000, unit: 'month' },
    hr: { id: '1', name: '王HR', title: '招聘经理', lastActiveAt: '2025-01-15T02:00:00.000Z', replyRate: 0.8 },
    lastMessage: null,
    lastSeq: 1,
    unreadCount: 1,
    readSeq: 0,
    otherReadSeq: 0,
    blocked: false,
    updatedAt: '2025-01-15T02:00:00.000Z',
  };
}

function page(id: string, text: string): MessagePage {
  const message: ChatMessage = {
    id: `m${id}`,
    conversationId: id,
    seq: 1,
    from: 'hr',
    text,
    clientId: null,
    card: null,
    sentAt: '2025-01-15T02:00:00.000Z',
  };
  return { items: [message], hasMore: false, lastSeq: 1, otherReadSeq: 0 };
}

/** Answers the open reads of conversation `id`. */
function answer(id: string, outcome: 'ok' | 'fail'): void {
  for (const call of calls.filter((c) => c.id === id)) {
    calls.splice(calls.indexOf(call), 1);
    if (outcome === 'fail') call.reject(new Error('网络不可用'));
    else call.resolve(call.kind === 'summary' ? summary(id) : page(id, `会话${id}的消息`));
  }
}

describe('ChatStore.open: the latest conversation opened wins', () => {
  let sent: ClientEvent[];
  let store: ChatStore;

  beforeEach(() => {
    calls.length = 0;
    sent = [];
    const client = { send: (event: ClientEvent) => (sent.push(event), true) } as unknown as RealtimeClient;
    store = new ChatStore(client);
  });

  it('drops the answer for A when B was opened before it came: A is not shown, nor marked read', async () => {
    store.setVisible('A');
    void store.open('A');
    store.setVisible('B');
    void store.open('B');
    answer('B', 'ok');
    await settle();
    answer('A', 'ok');
    await settle();

    expect(store.thread('B')).toMatchObject({ status: 'ready' });
    expect(store.messages('B').map((m) => m.text)).toEqual(['会话B的消息']);
    expect(store.thread('A')?.status).not.toBe('ready');
    expect(store.messages('A')).toEqual([]);
    // Only B, which is on screen, told the HR it was read.
    expect(sent.filter((e) => e.type === 'read').map((e) => 'conversationId' in e && e.conversationId)).toEqual(['B']);
  });

  it('keeps a newer open of the same conversation when an earlier attempt fails late', async () => {
    void store.open('A');
    const first = calls.splice(0, calls.length);
    void store.open('A');
    answer('A', 'ok');
    await settle();
    for (const call of first) call.reject(new Error('网络不可用'));
    await settle();
    expect(store.thread('A')).toMatchObject({ status: 'ready', errorMessage: '' });
  });

  it('does not tell the HR a conversation was read when the seeker left before its first page came', async () => {
    store.setVisible('A');
    void store.open('A');
    store.setVisible(null);
    answer('A', 'ok');
    await settle();
    expect(store.thread('A')).toMatchObject({ status: 'ready' });
    expect(sent.filter((e) => e.type === 'read')).toEqual([]);
    expect(store.thread('A')?.summary).toMatchObject({ unreadCount: 1, readSeq: 0 });

    // Back on screen: now it is read.
    store.setVisible('A');
    expect(sent.filter((e) => e.type === 'read')).toHaveLength(1);
  });

  it('opens A again after its dropped answer: it loads and shows', async () => {
    void store.open('A');
    void store.open('B');
    answer('A', 'ok');
    answer('B', 'ok');
    await settle();
    void store.open('A');
    answer('A', 'ok');
    await settle();
    expect(store.thread('A')).toMatchObject({ status: 'ready' });
    expect(store.messages('A').map((m) => m.text)).toEqual(['会话A的消息']);
  });
});
