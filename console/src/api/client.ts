import { isApiErrorBody, type ApiErrorCode, type FieldError } from '../../../services/contracts/errors';

/** A failed request, as the console shows it: the server's message, and the bad fields of a 400. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'network',
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | undefined>;
}

/** A request still unanswered after this long ends as an error (with its retry), never as an endless skeleton. */
export const REQUEST_TIMEOUT_MS = 15_000;

let sessionToken: string | null = null;
let onSessionLost: (message: string) => void = () => undefined;

/**
 * The session module hands the client its token, and hears when the server stops accepting it. Called while
 * the session renders, so the token is in place before any child's first request (children's effects run
 * before their parent's).
 */
export function setRequestSession(token: string | null, sessionLost: (message: string) => void): void {
  sessionToken = token;
  onSessionLost = sessionLost;
}

/**
 * JSON over fetch to the mock backend (same origin: the mock serves the console). Every failure becomes an
 * ApiRequestError with a message a person can act on; a 401 also ends the session.
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) if (value) params.set(key, value);
  const url = params.size ? `${path}?${params}` : path;
  const headers: Record<string, string> = {};
  if (sessionToken) headers.authorization = `Bearer ${sessionToken}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (failure) {
    if (failure instanceof DOMException && failure.name === 'TimeoutError') {
      throw new ApiRequestError(0, 'network', '请求超时，请稍后重试');
    }
    throw new ApiRequestError(0, 'network', '网络连接失败，请检查模拟后端是否在运行');
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new ApiRequestError(0, 'network', '请求超时，请稍后重试');
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok) return body as T;
  const error = isApiErrorBody(body)
    ? new ApiRequestError(response.status, body.error.code, body.error.message, body.error.fields)
    : new ApiRequestError(response.status, 'unavailable', `服务暂时不可用（HTTP ${response.status}），请稍后重试`);
  if (response.status === 401 && sessionToken) onSessionLost(error.message);
  throw error;
}

/** A media URL a `<video>` can load: the element sends no headers, so the session token goes in the query. */
export function mediaUrl(path: string): string {
  return sessionToken ? `${path}?token=${encodeURIComponent(sessionToken)}` : path;
}

/** A file the API answers with (an attachment resume, a contract, an onboarding document), with the session header. */
export async function fetchFile(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: sessionToken ? { authorization: `Bearer ${sessionToken}` } : {} });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiRequestError(
      response.status,
      isApiErrorBody(body) ? body.error.code : 'unavailable',
      isApiErrorBody(body) ? body.error.message : '文件下载失败，请重试',
    );
  }
  return response.blob();
}

/** Saves a file the API answers with under `fileName`. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await fetchFile(path));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : '操作失败，请重试';
}
