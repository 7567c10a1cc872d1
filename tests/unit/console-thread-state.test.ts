import { CLIENT_ID_PATTERN, type ChatMessage, type MessagePage } from '../../services/contracts/conversations';
import {
  attachmentShared,
  consentAnswers,
  deliveryOf,
  hasGap,
  newClientId,
  openConsentRequest,
  threadFromPage,
  threadItems,
  withFailure,
  withOlder,
  withOwnRead,
  withPending,
  withResyncPage,
  withSeekerRead,
  withStored,
  type ThreadState,
} from '../../console/src/chat/thread-state';

const message = (seq: number, from: ChatMessage['from'] = 'seeker', extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`,
  conversationId: '7',
  seq,
  from,
  text: `第${seq}条`,
  clientId: null,
  card: null,
  sentAt: '2025-01-15T02:00:00.000Z',
  ...extra,
});

const page = (seqs: number[], extra: Partial<MessagePage> = {}): MessagePage => ({
  items: seqs.map((seq) => message(seq)),
  hasMore: false,
  lastSeq: seqs[seqs.length - 1] ?? 0,
  otherReadSeq: 0,
  ...extra,
});

const seqsOf = (state: ThreadState) => state.messages.map((m) => m.seq);

describe('the console thread: pushes, answers and resyncs in any order, each message once', () => {
  it('shows a message once when the push and the resync both bring it', () => {
    const opened = threadFromPage(page([1, 2, 3]));
    const pushed = withStored(opened, [message(4)]);
    const resynced = withResyncPage(pushed, page([4, 5]));
    expect(seqsOf(resynced)).toEqual([1, 2, 3, 4, 5]);
    expect(resynced.lastSeq).toBe(5);
  });

  it('notices a gap (a push that overtook one missed while reconnecting) and fills it from a resync', () => {
    const opened = threadFromPage(page([1, 2]));
    const overtaken = withStored(opened, [message(4)]);
    expect(hasGap(overtaken)).toBe(true);
    // A resync asks for what follows the last message without a gap.
    expect(overtaken.lastSeq).toBe(2);
    const filled = withResyncPage(overtaken, page([3, 4]));
    expect(seqsOf(filled)).toEqual([1, 2, 3, 4]);
    expect(hasGap(filled)).toBe(false);
    expect(filled.lastSeq).toBe(4);
  });

  it('puts older pages in front without doubling the first message shown', () => {
    const opened = threadFromPage(page([31, 32], { hasMore: true }));
    const older = withOlder(opened, page([29, 30, 31], { hasMore: false }));
    expect(seqsOf(older)).toEqual([29, 30, 31, 32]);
    expect(older.hasOlder).toBe(false);
  });

  it('follows an HR message from 发送中 to 已发送 to 已读, keeping its line when it is stored', () => {
    const opened = threadFromPage(page([1]));
    const sending = withPending(opened, { clientId: 'c0001abcd', text: '你好', sentAt: '2025-01-15T02:01:00.000Z' });
    const [, pendingLine] = threadItems(sending);
    expect(deliveryOf(sending, pendingLine)).toBe('sending');

    // The socket's push and the HTTP answer both bring the stored copy.
    const stored = message(2, 'hr', { clientId: 'c0001abcd', text: '你好' });
    const sent = withStored(withStored(sending, [stored]), [stored]);
    const lines = threadItems(sent);
    expect(lines.map((line) => line.key)).toEqual(['s1', 'c0001abcd']);
    expect(sent.pending).toEqual([]);
    expect(deliveryOf(sent, lines[1])).toBe('sent');
    // The seeker's own lines carry no delivery state.
    expect(deliveryOf(sent, lines[0])).toBeNull();

    const read = withSeekerRead(sent, 2);
    expect(deliveryOf(read, threadItems(read)[1])).toBe('read');
    // A read position never goes back.
    expect(withSeekerRead(read, 1).seekerReadSeq).toBe(2);
  });

  it('marks a refused message 发送失败, keeps its text, and clears the failure for 重发', () => {
    const sending = withPending(threadFromPage(page([1])), {
      clientId: 'c0002abcd',
      text: '明天见',
      sentAt: '2025-01-15T02:01:00.000Z',
    });
    const failed = withFailure(sending, 'c0002abcd', '发送太频繁，请稍后再试');
    const line = threadItems(failed)[1];
    expect(deliveryOf(failed, line)).toBe('failed');
    expect(line.pending).toMatchObject({ text: '明天见', failure: '发送太频繁，请稍后再试' });
    const retrying = withFailure(failed, 'c0002abcd', undefined);
    expect(deliveryOf(retrying, threadItems(retrying)[1])).toBe('sending');
  });

  it('pairs consent requests with their answers; an unanswered one blocks asking again', () => {
    const request = message(3, 'hr', { card: { kind: 'consent_request', subject: 'phone' } });
    const answer = message(4, 'seeker', {
      card: { kind: 'consent_answer', subject: 'phone', agreed: true, requestSeq: 3 },
    });
    expect(openConsentRequest([request], 'phone')).toBe(request);
    expect(openConsentRequest([request], 'attachment')).toBeUndefined();
    expect(consentAnswers([request, answer]).get(3)).toBe(answer);
    expect(openConsentRequest([request, answer], 'phone')).toBeUndefined();
  });

  it('knows when the seeker has shared the resume attachment (no asking again)', () => {
    const declined = message(5, 'seeker', {
      card: { kind: 'consent_answer', subject: 'attachment', agreed: false, requestSeq: null },
    });
    const shared = message(6, 'seeker', {
      card: {
        kind: 'consent_answer',
        subject: 'attachment',
        agreed: true,
        requestSeq: null,
        attachment: { id: '9', fileName: '简历.pdf' },
      },
    });
    expect(attachmentShared([declined])).toBe(false);
    expect(attachmentShared([declined, shared])).toBe(true);
  });

  it('makes client ids the server takes, never the same twice', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newClientId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(CLIENT_ID_PATTERN);
  });
});

describe('the HR reading a conversation', () => {
  it('takes only the read counts from the answer, not an older blocked or application status', () => {
    const shown = { readSeq: 3, unreadCount: 2, blocked: true, applicationStatus: 'interviewing' };
    const answer = { readSeq: 5, unreadCount: 0, blocked: false, applicationStatus: 'submitted' };
    expect(withOwnRead(shown, answer)).toEqual({
      readSeq: 5,
      unreadCount: 0,
      blocked: true,
      applicationStatus: 'interviewing',
    });
    // An answer behind what is shown changes nothing.
    expect(withOwnRead(answer, { ...shown, readSeq: 4 })).toBe(answer);
  });
});
