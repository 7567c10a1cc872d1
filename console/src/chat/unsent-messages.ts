/**
 * The HR's messages the server has not stored yet (sending, or refused with 重发), kept in localStorage per
 * HR and conversation with their client ids, so a page reload loses none: 重发 after the reload sends the
 * same client id, which the server stores at most once.
 */
import { CLIENT_ID_PATTERN } from '../../../services/contracts/conversations';
import type { PendingMessage } from './thread-state';

/** What a message restored after a reload says: it may have arrived; 重发 settles it. */
export const UNCONFIRMED_AFTER_RELOAD = '刷新页面前未确认送达，可重发';

/** localStorage, or a stand-in. */
interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function unsentKey(hrId: string, conversationId: string): string {
  return `console.unsent.${hrId}.${conversationId}`;
}

function isPending(value: unknown): value is PendingMessage {
  const entry = value as Partial<PendingMessage> | null;
  return (
    typeof entry?.clientId === 'string' &&
    CLIENT_ID_PATTERN.test(entry.clientId) &&
    typeof entry.text === 'string' &&
    typeof entry.sentAt === 'string'
  );
}

/** What was unsent when the page last held this conversation, each marked failed (none is on its way now). */
export function readUnsent(storage: KeyValueStorage, key: string): PendingMessage[] {
  let stored: unknown;
  try {
    stored = JSON.parse(storage.getItem(key) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(stored)) return [];
  return stored.filter(isPending).map(({ clientId, text, sentAt, failure }) => ({
    clientId,
    text,
    sentAt,
    failure: typeof failure === 'string' && failure ? failure : UNCONFIRMED_AFTER_RELOAD,
  }));
}

/** Keeps `pending` as the conversation's unsent messages (none: the key goes). False when storage refused. */
export function writeUnsent(storage: KeyValueStorage, key: string, pending: readonly PendingMessage[]): boolean {
  try {
    if (pending.length) storage.setItem(key, JSON.stringify(pending));
    else storage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}
