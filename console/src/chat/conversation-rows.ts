import type { ChatMessage, EmployerConversationSummary } from '../../../services/contracts/conversations';

type Row = EmployerConversationSummary;

/** The conversation list as shown: which filter it is for, its rows, and where 加载更多 goes on. */
export interface ConversationListState {
  unreadOnly: boolean;
  items: Row[];
  nextCursor: string | null;
}

/** Newest activity first, as the server sorts them. */
export function placeRow(items: readonly Row[], row: Row): Row[] {
  const others = items.filter((item) => item.id !== row.id);
  const at = others.findIndex((item) => item.updatedAt <= row.updatedAt);
  return at < 0 ? [...others, row] : [...others.slice(0, at), row, ...others.slice(at)];
}

/** `a` knows of a later message or a later read than `b` (two answers about one conversation). */
function isNewer(a: Row, b: Row): boolean {
  return a.lastSeq > b.lastSeq || a.readSeq > b.readSeq || a.otherReadSeq > b.otherReadSeq;
}

/** What to show of two answers about one conversation: the shown row only when it is ahead in every way. */
export function newerRow(shown: Row, answer: Row): Row {
  return isNewer(shown, answer) && !isNewer(answer, shown) ? shown : answer;
}

/**
 * A full reload: its rows, except that a row updated meanwhile (a message, a read, answered after the reload
 * left) keeps its newer data.
 */
export function withReload(current: ConversationListState, fresh: ConversationListState): ConversationListState {
  if (current.unreadOnly !== fresh.unreadOnly) return fresh;
  const items = fresh.items.reduce<Row[]>((rows, row) => {
    const shown = current.items.find((item) => item.id === row.id);
    return placeRow(rows, shown ? newerRow(shown, row) : row);
  }, []);
  return { ...fresh, items };
}

/**
 * A 加载更多 page, appended only to the list it was asked for: after the filter changed or the list reloaded
 * (another cursor) it belongs to no list shown.
 */
export function withMorePage(
  current: ConversationListState,
  askedFor: { unreadOnly: boolean; cursor: string },
  page: { items: Row[]; nextCursor: string | null },
): ConversationListState {
  if (current.unreadOnly !== askedFor.unreadOnly || current.nextCursor !== askedFor.cursor) return current;
  return {
    ...current,
    // A row that moved up meanwhile may come again on the next page.
    items: [...current.items, ...page.items.filter((item) => !current.items.some((shown) => shown.id === item.id))],
    nextCursor: page.nextCursor,
  };
}

/** A message pushed for a row shown: the row as the server would now answer it, with no read. */
export function withMessage(row: Row, message: ChatMessage): Row {
  if (message.seq <= row.lastSeq) return row;
  return {
    ...row,
    lastMessage: { text: message.text, sentAt: message.sentAt, from: message.from, card: message.card },
    lastSeq: message.seq,
    updatedAt: message.sentAt,
    // Only the seeker's messages are unread for the HR (as the server counts them).
    unreadCount: message.from === 'seeker' ? row.unreadCount + 1 : row.unreadCount,
  };
}
