import { ChatOutbox, OUTBOX_MAX_BYTES, OUTBOX_STORAGE_KEY, type OutboxEntry } from '../../services/chat-outbox';
import { createFakeMy, type FakeMy } from '../../runtime/harness/fake-my';

let fake: FakeMy;
beforeEach(() => {
  fake = createFakeMy();
  (globalThis as { my?: unknown }).my = fake;
});
afterEach(() => {
  delete (globalThis as { my?: unknown }).my;
});

const entry = (n: number, text = `消息${n}`): OutboxEntry => ({
  clientId: `client-${String(n).padStart(4, '0')}`,
  conversationId: '7',
  text,
  createdAt: 1_700_000_000_000 + n,
});

describe('ChatOutbox', () => {
  it('keeps what was typed on the device, in order, for an app started later', () => {
    const outbox = new ChatOutbox();
    expect(outbox.add(entry(1))).toBeNull();
    expect(outbox.add(entry(2))).toBeNull();
    // A new outbox is what the app sees after it was killed and opened again.
    const reopened = new ChatOutbox();
    expect(reopened.all().map((e) => e.text)).toEqual(['消息1', '消息2']);
  });

  it('forgets an acknowledged message and marks a refused one failed, then sending again', () => {
    const outbox = new ChatOutbox();
    outbox.add(entry(1));
    outbox.add(entry(2));
    outbox.remove('client-0001');
    outbox.setFailure('client-0002', '发送太频繁，请稍后再试');
    expect(new ChatOutbox().all()).toEqual([{ ...entry(2), failure: '发送太频繁，请稍后再试' }]);
    outbox.setFailure('client-0002', null);
    expect(new ChatOutbox().all()).toEqual([entry(2)]);
  });

  it('stays under the 200 KB a key and says so instead of losing a message', () => {
    const outbox = new ChatOutbox();
    const long = '好'.repeat(1000); // 3 KB in UTF-8
    let refused: string | null = null;
    let n = 0;
    while (refused === null && n < 200) refused = outbox.add(entry(++n, long));
    expect(refused).toBe('待发送的消息太多了，请联网发送后再继续');
    const stored = JSON.stringify(fake.$fake.storage.get(OUTBOX_STORAGE_KEY));
    expect(Buffer.byteLength(stored)).toBeLessThanOrEqual(OUTBOX_MAX_BYTES);
    expect(new ChatOutbox().all()).toHaveLength(n - 1);
  });

  it('reads a broken stored value as empty rather than failing', () => {
    fake.$fake.storage.set(OUTBOX_STORAGE_KEY, [{ clientId: 1 }, 'junk', entry(3)]);
    expect(new ChatOutbox().all()).toEqual([entry(3)]);
  });
});
