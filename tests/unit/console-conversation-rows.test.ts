import type { ChatMessage, EmployerConversationSummary } from '../../services/contracts/conversations';
import {
  withMessage,
  withMorePage,
  withReload,
  type ConversationListState,
} from '../../console/src/chat/conversation-rows';

function row(id: string, overrides: Partial<EmployerConversationSummary> = {}): EmployerConversationSummary {
  return {
    id,
    applicationId: `a${id}`,
    applicationStatus: 'submitted',
    jobId: '1',
    jobTitle: '店员',
    companyName: '某公司',
    salary: { min: 5000, max: 8000, unit: 'month' },
    hr: { id: '1', name: '王HR', title: '招聘经理', lastActiveAt: '2026-12-07T02:00:00.000Z', replyRate: 0.8 },
    candidate: { name: `求职者${id}` },
    lastMessage: { text: '你好', sentAt: '2026-12-07T02:00:00.000Z', from: 'seeker', card: null },
    lastSeq: 1,
    unreadCount: 1,
    readSeq: 0,
    otherReadSeq: 0,
    blocked: false,
    updatedAt: '2026-12-07T02:00:00.000Z',
    ...overrides,
  };
}

const message = (seq: number, from: ChatMessage['from'], sentAt: string): ChatMessage => ({
  id: `m${seq}`,
  conversationId: '1',
  seq,
  from,
  text: `第${seq}条`,
  clientId: null,
  card: null,
  sentAt,
});

const list = (unreadOnly: boolean, items: EmployerConversationSummary[], nextCursor: string | null) =>
  ({ unreadOnly, items, nextCursor }) as ConversationListState;

describe('the console conversation list', () => {
  it('drops a 加载更多 page asked for under another filter or before a reload', () => {
    const more = { items: [row('9')], nextCursor: null };
    const all = list(false, [row('1')], 'c1');
    expect(withMorePage(all, { unreadOnly: false, cursor: 'c1' }, more).items.map((r) => r.id)).toEqual(['1', '9']);
    // 只看未读 ticked while the page was on its way: the unread list stays as it is.
    const unread = list(true, [row('1')], 'c1');
    expect(withMorePage(unread, { unreadOnly: false, cursor: 'c1' }, more)).toBe(unread);
    // Reloaded meanwhile: another cursor.
    expect(withMorePage(list(false, [row('1')], 'c2'), { unreadOnly: false, cursor: 'c1' }, more).items).toHaveLength(
      1,
    );
  });

  it('keeps a row updated after a reload left when the reload answers later', () => {
    const updated = row('1', { lastSeq: 3, unreadCount: 3, updatedAt: '2026-12-07T03:00:00.000Z' });
    const current = list(false, [updated, row('2', { updatedAt: '2026-12-07T01:00:00.000Z' })], null);
    const reload = list(false, [row('1'), row('2', { updatedAt: '2026-12-07T01:00:00.000Z', readSeq: 1 })], null);
    const merged = withReload(current, reload);
    expect(merged.items.map((r) => [r.id, r.lastSeq, r.readSeq])).toEqual([
      ['1', 3, 0],
      ['2', 1, 1],
    ]);
    // A reload for another filter is taken whole.
    expect(withReload(current, list(true, [row('1')], null)).items[0].lastSeq).toBe(1);
  });

  it('moves a row with a pushed message, counting only what the seeker wrote as unread', () => {
    const fromSeeker = withMessage(row('1'), message(2, 'seeker', '2026-12-07T04:00:00.000Z'));
    expect(fromSeeker).toMatchObject({
      lastSeq: 2,
      unreadCount: 2,
      updatedAt: '2026-12-07T04:00:00.000Z',
      lastMessage: { text: '第2条', from: 'seeker' },
    });
    expect(withMessage(fromSeeker, message(3, 'hr', '2026-12-07T04:01:00.000Z'))).toMatchObject({
      lastSeq: 3,
      unreadCount: 2,
      lastMessage: { from: 'hr' },
    });
    // A message already counted changes nothing.
    expect(withMessage(fromSeeker, message(2, 'seeker', '2026-12-07T04:00:00.000Z'))).toBe(fromSeeker);
  });
});
