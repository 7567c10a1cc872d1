import { createHash } from 'node:crypto';
import {
  contractEventPayload,
  PROOF_GENESIS,
  type ContractEvent,
  type ContractEventType,
} from '../../services/contracts/onboarding';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash that links an event to the one before it. */
export function eventHash(event: Omit<ContractEvent, 'hash'>): string {
  return sha256Hex(contractEventPayload(event));
}

/** The next link after `events` (oldest first). */
export function nextEvent(
  events: readonly ContractEvent[],
  input: { type: ContractEventType; actor: string; at: string; detail: Record<string, string> },
): ContractEvent {
  const last = events[events.length - 1];
  const link = { seq: events.length + 1, ...input, prevHash: last ? last.hash : PROOF_GENESIS };
  return { ...link, hash: eventHash(link) };
}

/** The verifier with Node's SHA-256 (tests, scripts); the console runs the same one with WebCrypto. */
export const sha256HexAsync = (text: string) => Promise.resolve(sha256Hex(text));
