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
  // Fast path only when every incoming message follows the one before it: nothing to dedupe or sort.
  let previous = current.length ? (current[current.length - 1].seq as number) : 0;
  const appendsInOrder = incoming.every((m) => {
    const follows = (m.seq as number) > previous;
    previous = m.seq as number;
    return follows;
  });
  if (appendsInOrder) return [...current, ...incoming];
  const bySeq = new Map<number, T>();
  for (const m of current) bySeq.set(m.seq as number, m);
  for (const m of incoming) if (!bySeq.has(m.seq as number)) bySeq.set(m.seq as number, m);
  return [...bySeq.values()].sort((a, b) => (a.seq as number) - (b.seq as number));
}
