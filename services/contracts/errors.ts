/** Error body every failed backend response carries. */
export interface FieldError {
  /** Dotted path of the offending input, e.g. `salary.min` or `query.limit`. */
  path: string;
  /** Chinese message naming the field, shown next to it. */
  message: string;
}

export type ApiErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'token_expired'
  | 'invalid_grant'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; fields?: FieldError[] };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (!value || typeof value !== 'object') return false;
  const error = (value as { error?: unknown }).error;
  return (
    !!error &&
    typeof error === 'object' &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
