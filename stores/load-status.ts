import { ApiError } from '../services/http';
import { messageOf } from './outcome';

/**
 * Where a list or record stands: idle before the first load, then loading, ready, error (reloading may
 * help) or missing (the server says it does not exist, or no longer: reloading cannot help).
 */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error' | 'missing';

/** How a failed load of one record ends: `missing` with `missingMessage` on a 404, else `error`. */
export function loadFailure(
  error: unknown,
  missingMessage: string,
  fallback = '加载失败，请稍后重试',
): { status: 'missing' | 'error'; errorMessage: string } {
  if (error instanceof ApiError && error.code === 'not_found')
    return { status: 'missing', errorMessage: missingMessage };
  return { status: 'error', errorMessage: messageOf(error, fallback) };
}
