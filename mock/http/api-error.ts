import type { ApiErrorBody, ApiErrorCode, FieldError } from '../../services/contracts/errors';

/** A failure to answer as an `ApiErrorBody`; thrown by handlers, rendered by the error handler. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Extra members of `error`, e.g. the existing application id of a duplicate. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...this.extra },
    };
  }
}

export function invalidInput(fields: FieldError[]): ApiError {
  return new ApiError(400, 'invalid_input', fields[0]?.message ?? '请求参数有误', fields);
}

export function notFound(message = '内容不存在或已被删除'): ApiError {
  return new ApiError(404, 'not_found', message);
}

export function conflict(message: string, extra?: Record<string, unknown>): ApiError {
  return new ApiError(409, 'conflict', message, undefined, extra);
}

export function forbidden(message: string): ApiError {
  return new ApiError(403, 'forbidden', message);
}

export function unauthorized(message = '请先登录'): ApiError {
  return new ApiError(401, 'unauthorized', message);
}
