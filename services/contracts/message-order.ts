/**
 * The one rule for putting a conversation's stored messages in order, on the phone and in the console: by
 * server sequence, each sequence once (the copy already shown is kept), whatever order pushes, acks and
 * resyncs bring them in.
 */
export interface Sequenced {
  /** Set on every stored message (a message still on its way has none and is never merged). */
  seq: number | null;
}

/**
 * Merges `incoming` (oldest first) into `current`. The common case, new messages after the last one, is an
 * append that keeps the items already shown, so a binding sends only the new ones.
 */
export function mergeBySeq<T extends Sequenced>(current: readonly T[], incoming: readonly T[]): T[] {
  if (!incoming.length) return current as T[];
  const last = current.length ? (current[current.length - 1].seq as number) : 0;
  const fresh = incoming.filter((m) => (m.seq as number) > last);
  if (fresh.length === incoming.length) return [...current, ...incoming];
  const bySeq = new Map<number, T>();
  for (const m of current) bySeq.set(m.seq as number, m);
  for (const m of incoming) if (!bySeq.has(m.seq as number)) bySeq.set(m.seq as number, m);
  return [...bySeq.values()].sort((a, b) => (a.seq as number) - (b.seq as number));
}
