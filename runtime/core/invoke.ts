/**
 * How every asynchronous `my.*` API answers (opendocs.alipay.com): callbacks after the call returns (never
 * inside it), `complete` after `success`/`fail`, and a promise as well. A failure is `{ error, errorMessage }`.
 */

/** What Alipay hands to `fail`: a numeric code, a message, sometimes more (my.request 19 carries the response). */
export interface MyFailure {
  error: number;
  errorMessage: string;
  [extra: string]: unknown;
}

/** Thrown inside an API (and by the router) to end the call through `fail`. */
export class MyError extends Error {
  constructor(readonly failure: MyFailure) {
    super(`${failure.error}: ${failure.errorMessage}`);
  }
}

/** Codes shared by many APIs (/mini/api/owycmh, /mini/api/eocm6v, /mini/api/vx19c3, /mini/api/kmq4hc). */
export const ERROR = {
  /** navigation: no such page; my.request: the page went away first */
  pageLeft: 1,
  invalidParams: 2,
  /** unknown error; a single-mode socket that already exists */
  unknown: 3,
  abort: 9,
  /** a socket that is not open */
  socketNotOpen: 10,
  /** the user cancelled (chooseCity, chooseImage, consent sheets) */
  cancelled: 11,
  network: 12,
  timeout: 13,
  decode: 14,
  httpStatus: 19,
} as const;

export function fail(error: number, errorMessage: string, extra: Record<string, unknown> = {}): never {
  throw new MyError({ error, errorMessage, ...extra });
}

export interface Callbacks<R> {
  success?: (result: R) => void;
  fail?: (failure: MyFailure) => void;
  complete?: (result: R | MyFailure) => void;
}

export interface InvokerHooks {
  /** A callback or listener the app gave threw. */
  report(what: string, error: unknown): void;
  /** An API failed with something other than MyError (a bug of the model): reported, then `fail` with 3. */
  internal?(api: string, error: unknown): void;
  /** Calls in flight (the harness's flush() waits for them). */
  started?(): void;
  ended?(): void;
}

export type Invoke = <R>(api: string, options: unknown, run: () => R | Promise<R>) => Promise<R>;

export function createInvoker(hooks: InvokerHooks): Invoke {
  return function invoke<R>(api: string, options: unknown, run: () => R | Promise<R>): Promise<R> {
    const callbacks = (options ?? {}) as Callbacks<R>;
    const deliver = (name: string, fn: ((arg: never) => void) | undefined, arg: unknown) => {
      if (typeof fn !== 'function') return;
      try {
        fn(arg as never);
      } catch (error) {
        hooks.report(`my.${api} ${name} callback`, error);
      }
    };
    hooks.started?.();
    const promise = Promise.resolve()
      .then(run)
      .then(
        (result) => {
          deliver('success', callbacks.success, result);
          deliver('complete', callbacks.complete, result);
          return result;
        },
        (error: unknown) => {
          let failure: MyFailure;
          if (error instanceof MyError) failure = error.failure;
          else {
            hooks.internal?.(api, error);
            failure = { error: ERROR.unknown, errorMessage: error instanceof Error ? error.message : String(error) };
          }
          deliver('fail', callbacks.fail, failure);
          deliver('complete', callbacks.complete, failure);
          throw failure;
        },
      )
      .finally(() => hooks.ended?.());
    // Callback style: nobody awaits the promise, so its rejection is not reported as unhandled.
    if (callbacks.success || callbacks.fail || callbacks.complete) promise.catch(() => undefined);
    return promise;
  };
}

/** The options without callbacks (what a record or the shell receives). */
export function plainOptions(options: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((options ?? {}) as object))
    if (typeof value !== 'function') out[key] = value;
  return out;
}
