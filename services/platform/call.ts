/** What every `my.*` API hands to `fail`. */
export interface PlatformFailure {
  error?: number;
  errorMessage?: string;
}

type Callbacks<R> = { success?: (result: R) => void; fail?: (failure: PlatformFailure) => void };

/** Calls a callback-style `my.*` API and settles with its `success` or `fail` argument. */
export function callMy<O extends Callbacks<R>, R = Parameters<NonNullable<O['success']>>[0]>(
  api: (options: O) => unknown,
  options: Omit<O, 'success' | 'fail' | 'complete'>,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    api({ ...options, success: resolve, fail: reject } as unknown as O);
  });
}
