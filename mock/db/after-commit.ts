import type { Database, Transaction } from 'better-sqlite3';

/** Work waiting for the transactions open around it: one frame per level, innermost last. */
const pendingByDatabase = new WeakMap<Database, (() => void)[][]>();

type TransactionFunction = Transaction<(...args: unknown[]) => unknown>;
const VARIANTS = ['deferred', 'immediate', 'exclusive'] as const;

/**
 * Lets `afterCommit` know when a transaction commits: better-sqlite3 has no commit hook, so every function
 * `db.transaction()` makes is wrapped. A level that throws (rolled back) drops its work; a nested level that
 * succeeds hands its work to the level around it; the outermost runs it once COMMIT has happened.
 */
export function trackCommits(db: Database): void {
  if (pendingByDatabase.has(db)) return;
  const stack: (() => void)[][] = [];
  pendingByDatabase.set(db, stack);
  const original = db.transaction.bind(db);
  const track = (run: (...args: unknown[]) => unknown) =>
    function tracked(this: unknown, ...args: unknown[]): unknown {
      stack.push([]);
      let result: unknown;
      try {
        result = run.apply(this, args);
      } catch (error) {
        stack.pop();
        throw error;
      }
      const done = stack.pop() as (() => void)[];
      if (stack.length) stack[stack.length - 1].push(...done);
      else for (const work of done) runCommitted(work);
      return result;
    };
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const transaction = original(fn) as TransactionFunction;
    const wrapped = track(transaction) as TransactionFunction;
    const variants: Record<string, unknown> = { database: db };
    for (const name of VARIANTS) variants[name] = track(transaction[name]);
    return Object.assign(wrapped, variants);
  }) as Database['transaction'];
}

/**
 * Runs `work` (a push to a socket, a listener) once what it tells about is committed: now outside any
 * transaction, else after the outermost one commits, never when it rolls back.
 */
export function afterCommit(db: Database, work: () => void): void {
  const stack = pendingByDatabase.get(db);
  if (stack && stack.length) {
    stack[stack.length - 1].push(work);
    return;
  }
  if (db.inTransaction) throw new Error('afterCommit inside a transaction the database does not track (trackCommits)');
  runCommitted(work);
}

/**
 * The change is committed whatever `work` does: a failing job is logged, and neither stops the jobs after it
 * nor turns the request into an error (the client would retry a change that happened).
 */
function runCommitted(work: () => void): void {
  try {
    work();
  } catch (error) {
    console.error('afterCommit: a job failed after its change was committed', error);
  }
}
