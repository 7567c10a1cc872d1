import { isApiErrorBody, type ApiErrorBody, type ApiErrorCode, type FieldError } from './contracts/errors';
import { config } from './config';
import { sendRequest, type RawResponse } from './platform/request';
import type { PlatformFailure } from './platform/failure';
import { queryString } from './platform/query-string';

export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'business';

/** A failed request, as a value the user can act on: `message` is Chinese and ready to show. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: ApiErrorCode,
    readonly fields: FieldError[] = [],
    /** Other members of the answer's `error`, e.g. `reason` and `missing`, or a duplicate's `applicationId`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.status ?? 0) >= 500;
  }
}

/** my.request failure codes: 13 = timeout; 12 and others = no answer from the network. */
const PLATFORM_TIMEOUT = 13;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  accessToken?: string;
  /** Sent on requests that create things, so a retry or a double tap creates exactly one. */
  idempotencyKey?: string;
}

/** JSON over my.request with timeouts, typed errors and capped, jittered retries for repeatable requests. */
export async function send<T>(request: HttpRequest): Promise<T> {
  const repeatable = request.method !== 'POST' || !!request.idempotencyKey;
  const attempts = repeatable ? config.maxRetries + 1 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce<T>(request);
    } catch (error) {
      if (!(error instanceof ApiError) || !error.retryable || attempt >= attempts) throw error;
      await sleep(backoffDelay(attempt));
    }
  }
}

async function sendOnce<T>(request: HttpRequest): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  let response: RawResponse;
  try {
    response = await sendRequest({
      url: config.apiBaseUrl + request.path + searchOf(request.query),
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      timeoutMs: config.requestTimeoutMs,
    });
  } catch (failure) {
    throw platformError(failure as PlatformFailure);
  }
  if (response.status >= 200 && response.status < 300) return response.data as T;
  throw responseError(response);
}

function platformError(failure: PlatformFailure): ApiError {
  return failure.error === PLATFORM_TIMEOUT
    ? new ApiError('timeout', '请求超时，请稍后重试')
    : new ApiError('network', '网络不给力，请检查网络后重试');
}

function responseError(response: RawResponse): ApiError {
  if (isApiErrorBody(response.data)) {
    const { code, message, fields, ...details } = response.data.error as ApiErrorBody['error'] &
      Record<string, unknown>;
    const kind = response.status >= 500 ? 'http' : 'business';
    return new ApiError(kind, message, response.status, code, fields ?? [], details);
  }
  const message = response.status >= 500 ? '服务开小差了，请稍后重试' : `请求失败（${response.status}）`;
  return new ApiError('http', message, response.status);
}

function searchOf(query: HttpRequest['query']): string {
  if (!query) return '';
  // An empty filter is no filter.
  const kept: Record<string, string | number | undefined> = {};
  for (const key of Object.keys(query)) if (query[key] !== '') kept[key] = query[key];
  const search = queryString(kept);
  return search ? `?${search}` : '';
}

/** Exponential backoff, capped, with jitter so many phones do not retry in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(config.retryMaxDelayMs, config.retryBaseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** 128 random bits as hex: the engine has no crypto.randomUUID. */
export function newIdempotencyKey(): string {
  let key = '';
  for (let i = 0; i < 4; i++)
    key += Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return key;
}
