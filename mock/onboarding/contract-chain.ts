import { createHash } from 'node:crypto';
import {
  contractEventPayload,
  PROOF_GENESIS,
  type ContractEvent,
  type ContractEventType,
  type ContractProof,
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

export type ProofVerdict = { valid: true } | { valid: false; seq: number; problem: string };

/**
 * Checks a proof as a third party would: every link's hash recomputed from its content and the previous
 * hash, the sequence unbroken, the head the last hash, the flow id the one the chain began with. A byte
 * changed anywhere breaks one of these.
 */
export function verifyContractProof(proof: ContractProof): ProofVerdict {
  try {
    return verifyLinks(proof);
  } catch {
    // A renamed or missing member (a changed byte in a key) leaves no chain to check.
    return { valid: false, seq: 0, problem: 'malformed proof' };
  }
}

function verifyLinks(proof: ContractProof): ProofVerdict {
  if (proof.genesis !== PROOF_GENESIS) return { valid: false, seq: 0, problem: 'genesis changed' };
  let previous = proof.genesis;
  for (const [index, event] of proof.events.entries()) {
    if (event.seq !== index + 1) return { valid: false, seq: event.seq, problem: 'sequence broken' };
    if (event.prevHash !== previous) return { valid: false, seq: event.seq, problem: 'link broken' };
    const { hash, ...content } = event;
    if (eventHash(content) !== hash) return { valid: false, seq: event.seq, problem: 'content changed' };
    previous = hash;
  }
  if (proof.head !== previous) return { valid: false, seq: proof.events.length, problem: 'head changed' };
  if (proof.events[0]?.detail.flowId !== proof.flowId) return { valid: false, seq: 1, problem: 'flow id changed' };
  return { valid: true };
}
