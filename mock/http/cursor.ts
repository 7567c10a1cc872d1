import { PAGE_SIZE_DEFAULT } from '../../services/contracts/page';
import { invalidInput } from './api-error';

/**
 * Keyset cursors: the sort values of the last item of a page, as opaque base64url JSON. The next page
 * starts strictly after them, so rows inserted meanwhile never cause repeats or skips.
 */
export function encodeCursor(values: readonly number[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): number[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => Number.isSafeInteger(v))) {
      return values as number[];
    }
  } catch {
    // Falls through to the 400 below.
  }
  throw invalidInput([{ path: 'query.cursor', message: '分页游标无效，请刷新列表' }]);
}

export function pageLimit(limit: string | undefined): number {
  return limit ? Number(limit) : PAGE_SIZE_DEFAULT;
}

/** Runs a query for limit + 1 rows to learn whether another page exists without a count. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => readonly number[],
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore ? encodeCursor(cursorOf(pageRows[pageRows.length - 1])) : null,
  };
}
