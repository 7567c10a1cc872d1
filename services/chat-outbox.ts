import { readStorage, writeStorage } from './platform/storage';

/** A message the seeker sent that the server has not acknowledged yet. */
export interface OutboxEntry {
  clientId: string;
  conversationId: string;
  text: string;
  /** ms since epoch, when the seeker tapped 发送. */
  createdAt: number;
  /** Set when the server refused it or it could not be kept trying: shown as 发送失败 with 重发. */
  failure?: string;
}

export const OUTBOX_STORAGE_KEY = 'chat.outbox';
/** Alipay allows 200 KB a key; stay under it with room for the JSON around the entries. */
export const OUTBOX_MAX_BYTES = 190 * 1024;

/** UTF-8 bytes of a string, as the storage limit counts them. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Unacknowledged messages kept on the device (one storage key), so what was typed offline or before the
 * app was killed is sent on the next connection, in the order it was typed, each exactly once by client id.
 */
export class ChatOutbox {
  private entries: OutboxEntry[];

  constructor(private readonly storageKey = OUTBOX_STORAGE_KEY) {
    const stored = readStorage<OutboxEntry[]>(storageKey);
    this.entries = Array.isArray(stored) ? stored.filter(isEntry) : [];
  }

  all(): OutboxEntry[] {
    return this.entries.slice();
  }

  /** Keeps a new message; refuses (with the reason to show) when the device's share is full. */
  add(entry: OutboxEntry): string | null {
    const next = [...this.entries, entry];
    if (utf8Bytes(JSON.stringify(next)) > OUTBOX_MAX_BYTES) return '待发送的消息太多了，请联网发送后再继续';
    if (!writeStorage(this.storageKey, next)) return '手机存储空间不足，消息未能保存';
    this.entries = next;
    return null;
  }

  remove(clientId: string): void {
    const next = this.entries.filter((entry) => entry.clientId !== clientId);
    if (next.length === this.entries.length) return;
    this.entries = next;
    writeStorage(this.storageKey, next);
  }

  /** Marks a message failed (with why) or, with null, back to sending. */
  setFailure(clientId: string, failure: string | null): void {
    this.entries = this.entries.map((entry) => {
      if (entry.clientId !== clientId) return entry;
      const updated: OutboxEntry = { ...entry };
      if (failure) updated.failure = failure;
      else delete updated.failure;
      return updated;
    });
    writeStorage(this.storageKey, this.entries);
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as OutboxEntry;
  return (
    !!entry &&
    typeof entry.clientId === 'string' &&
    typeof entry.conversationId === 'string' &&
    typeof entry.text === 'string' &&
    typeof entry.createdAt === 'number'
  );
}
