import type { JobSort } from '../../services/contracts/jobs';
import { JOB_SORTS } from '../../services/contracts/jobs';
import { invalidInput } from '../http/api-error';

/**
 * The opaque cursor of a job search. The first page pins a snapshot (the highest job id and the time it was
 * answered); every later page searches that snapshot only, so jobs published meanwhile are neither shown
 * twice nor pushed in between, and scores that depend on time (recency, HR inactivity) do not move. The
 * cursor also carries the sort keys of the last item and a fingerprint of the query, so a cursor sent with
 * other filters is refused instead of returning a wrong page.
 */
export interface SearchCursor {
  sort: JobSort;
  fingerprint: string;
  maxJobId: number;
  snapshotAt: number;
  /** Sort keys of the last item of the previous page, the id last. */
  after: number[];
}

/** 2: match scores weigh relevance by 1000 (expected cities joined the preferences). */
const VERSION = 2;
const KEY_COUNT: Record<JobSort, number> = { match: 3, latest: 2, salary: 2, nearest: 2 };

export function encodeSearchCursor(cursor: SearchCursor): string {
  const values = [
    VERSION,
    JOB_SORTS.indexOf(cursor.sort),
    cursor.fingerprint,
    cursor.maxJobId,
    cursor.snapshotAt,
    ...cursor.after,
  ];
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const invalidCursor = (message = '分页游标无效，请刷新列表') => invalidInput([{ path: 'query.cursor', message }]);

export function decodeSearchCursor(text: string, sort: JobSort, fingerprint: string): SearchCursor {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(values) || values[0] !== VERSION || typeof values[2] !== 'string') throw invalidCursor();
  const [, sortIndex, cursorFingerprint, maxJobId, snapshotAt, ...after] = values as unknown[];
  const numbers = [sortIndex, maxJobId, snapshotAt, ...after];
  if (!numbers.every((n) => Number.isSafeInteger(n))) throw invalidCursor();
  if (JOB_SORTS[sortIndex as number] !== sort || cursorFingerprint !== fingerprint) {
    throw invalidCursor('筛选条件已改变，请从第一页重新加载');
  }
  if (after.length !== KEY_COUNT[sort]) throw invalidCursor();
  return {
    sort,
    fingerprint,
    maxJobId: maxJobId as number,
    snapshotAt: snapshotAt as number,
    after: after as number[],
  };
}

/** FNV-1a of the normalized query, as 8 hex digits. */
export function queryFingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
