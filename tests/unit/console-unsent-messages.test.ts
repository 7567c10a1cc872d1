import type { ChatMessage, MessagePage } from '../../services/contracts/conversations';
import { threadFromPage, withRestored, type PendingMessage } from '../../console/src/chat/thread-state';
import { UNCONFIRMED_AFTER_RELOAD, readUnsent, unsentKey, writeUnsent } from '../../console/src/chat/unsent-messages';

/** localStorage as the browser has it, with a quota that can run out. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const pending = (clientId: string, failure?: string): PendingMessage => ({
  clientId,
  text: `消息${clientId}`,
  sentAt: '2025-01-15T02:00:00.000Z',
  ...(failure ? { failure } : {}),
});

const stored = (seq: number, clientId: string | null): ChatMessage => ({
  id: `m${seq}`,
  conversationId: '7',
  seq,
  from: 'hr',
  text: `第${seq}条`,
  clientId,
  card: null,
  sentAt: '2025-01-15T02:00:00.000Z',
});

const page = (items: ChatMessage[]): MessagePage => ({
  items,
  hasMore: false,
  lastSeq: items.length,
  otherReadSeq: 0,
});

describe("the console keeps the HR's unsent messages across a reload", () => {
  const key = unsentKey('hr_1', '7');

  it('keeps them per HR and conversation, with their client ids, and drops the key once all are sent', () => {
    const storage = new MemoryStorage();
    expect(writeUnsent(storage, key, [pending('c-aaaaaaaa1', '发送太频繁，请稍后再试')])).toBe(true);
    expect(readUnsent(storage, unsentKey('hr_2', '7'))).toEqual([]);
    expect(readUnsent(storage, unsentKey('hr_1', '8'))).toEqual([]);
    expect(readUnsent(storage, key)).toEqual([pending('c-aaaaaaaa1', '发送太频繁，请稍后再试')]);
    writeUnsent(storage, key, []);
    expect(storage.items.has(key)).toBe(false);
  });

  it('brings one still on its way at the reload back as failed, to 重发', () => {
    const storage = new MemoryStorage();
    writeUnsent(storage, key, [pending('c-aaaaaaaa1')]);
    expect(readUnsent(storage, key)).toEqual([pending('c-aaaaaaaa1', UNCONFIRMED_AFTER_RELOAD)]);
  });

  it('ignores what it cannot read instead of failing the conversation', () => {
    const storage = new MemoryStorage();
    storage.setItem(key, '{not json');
    expect(readUnsent(storage, key)).toEqual([]);
    storage.setItem(key, JSON.stringify([{ clientId: 'bad id!', text: 'x', sentAt: 'y' }, pending('c-aaaaaaaa2')]));
    expect(readUnsent(storage, key).map((p) => p.clientId)).toEqual(['c-aaaaaaaa2']);
  });

  it('says so when the browser refuses to store them', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(writeUnsent(storage, key, [pending('c-aaaaaaaa1')])).toBe(false);
  });

  it('restores only those the server has not stored meanwhile (never shown, nor sent, twice)', () => {
    const state = threadFromPage(page([stored(1, null), stored(2, 'c-aaaaaaaa1')]));
    const restored = withRestored(state, [pending('c-aaaaaaaa1', 'x'), pending('c-aaaaaaaa2', 'y')]);
    expect(restored.pending.map((p) => p.clientId)).toEqual(['c-aaaaaaaa2']);
    expect(withRestored(restored, [pending('c-aaaaaaaa2', 'y')]).pending).toHaveLength(1);
  });
});
