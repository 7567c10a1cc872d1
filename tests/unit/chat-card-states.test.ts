import type { ChatMessage, ConversationSummary, MessagePage } from '../../services/contracts/conversations';
import type { Interview, InterviewList } from '../../services/contracts/interviews';
import type { ClientEvent } from '../../services/contracts/realtime';
import type { RealtimeClient } from '../../services/realtime';

jest.mock('../../services/conversations', () => ({
  getConversation: (id: string) => Promise.resolve(summary(id)),
  listMessages: (id: string, query: { afterSeq?: number }) =>
    Promise.resolve(query.afterSeq ? { items: [], hasMore: false, lastSeq: 1, otherReadSeq: 0 } : page(id)),
  markConversationRead: () => Promise.resolve(),
  getUnreadTotal: () => Promise.resolve({ unreadCount: 0 }),
}));
/** Interview list reads, answered when the test says. */
const listReads: Array<(value: InterviewList) => void> = [];
jest.mock('../../services/interviews', () => ({
  listInterviews: () => new Promise((resolve) => listReads.push(resolve)),
}));

import { ChatStore } from '../../stores/chat';

const settle = () => new Promise((resolve) => setImmediate(resolve));

function summary(id: string): ConversationSummary {
  return {
    id,
    applicationId: `a${id}`,
    applicationStatus: 'interview',
    jobId: '1',
    jobTitle: `职位${id}`,
    companyName: '某公司',
    salary: { min: 5000, max: 8000, unit: 'month' },
    hr: { id: '1', name: '王HR', title: '招聘经理', lastActiveAt: '2026-12-07T02:00:00.000Z', replyRate: 0.8 },
    lastMessage: null,
    lastSeq: 1,
    unreadCount: 0,
    readSeq: 1,
    otherReadSeq: 0,
    blocked: false,
    updatedAt: '2026-12-07T02:00:00.000Z',
  };
}

function page(id: string): MessagePage {
  const message: ChatMessage = {
    id: `m${id}`,
    conversationId: id,
    seq: 1,
    from: 'hr',
    text: '面试邀请',
    clientId: null,
    card: {
      kind: 'interview',
      interviewId: `i${id}`,
      step: 'invited',
      interviewKind: 'video',
      slots: ['2026-12-20T02:00:00.000Z'],
      interviewer: '李经理',
      lengthMinutes: 30,
    },
    sentAt: '2026-12-07T02:00:00.000Z',
  };
  return { items: [message], hasMore: false, lastSeq: 1, otherReadSeq: 0 };
}

const interview = (id: string) => ({ id, applicationId: `a${id}`, status: 'invited' }) as Interview;

describe('ChatStore card states: conversations asking at once share one read', () => {
  it('reads the interview list once for two conversations and draws both cards', async () => {
    const client = { send: (_event: ClientEvent) => true } as unknown as RealtimeClient;
    const store = new ChatStore(client);
    await store.open('A');
    await store.open('B');
    await settle();
    expect(listReads).toHaveLength(1);
    listReads[0]({ items: [interview('iA'), interview('iB')], now: new Date().toISOString() });
    await settle();
    expect([store.cardStates.get('A'), store.cardStates.get('B')]).toEqual(['ready', 'ready']);
  });
});
