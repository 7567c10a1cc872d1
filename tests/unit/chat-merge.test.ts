import type { ThreadMessage } from '../../view-models/chat-view';
import { mergeBySeq } from '../../services/contracts/message-order';

const line = (seq: number, text = `第${seq}条`): ThreadMessage => ({
  key: `s${seq}`,
  seq,
  from: 'hr',
  text,
  card: null,
  sentAt: '2025-01-15T02:00:00.000Z',
  clientId: null,
});

describe('mergeBySeq (what a thread shows after pushes, acks and resyncs)', () => {
  it('appends new messages after the last one, keeping the same array items', () => {
    const current = [line(1), line(2)];
    const merged = mergeBySeq(current, [line(3)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged[0]).toBe(current[0]);
  });

  it('shows each sequence once when a push and a resync both bring it', () => {
    const afterPush = mergeBySeq([line(1), line(2)], [line(3)]);
    const afterResync = mergeBySeq(afterPush, [line(2), line(3), line(4)]);
    expect(afterResync.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('dedupes and sorts an incoming batch that is all new but out of order or repeated', () => {
    const merged = mergeBySeq([line(1)], [line(4), line(2), line(4, '重复'), line(3)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(merged[3].text).toBe('第4条');
    expect(mergeBySeq([], [line(2), line(2)]).map((m) => m.seq)).toEqual([2]);
  });

  it('puts a late message into its place by sequence', () => {
    const merged = mergeBySeq([line(1), line(3)], [line(2)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });
});
