/**
 * my.request and my.uploadFile (/mini/api/owycmh, /mini/api/kmq4hc): HTTP ≥ 400 → fail 19 with the answer,
 * no network 12, timeout 13 (default 30 s, at most 60 s), abort 9, bad JSON 14; uploadFile hands every HTTP
 * status to success and reports progress.
 */
import { ERROR, fail, type Callbacks, type MyFailure } from '../core/invoke';
import { buildQuery } from '../core/query';
import type { MyParts } from './parts';

export const REQUEST_DEFAULT_TIMEOUT_MS = 30_000;
export const REQUEST_MAX_TIMEOUT_MS = 60_000;
export const UPLOAD_DEFAULT_TIMEOUT_MS = 60_000;
/** my.uploadFile codes (/mini/api/kmq4hc): 9 abort, 11 missing file or bad params, 12 failed or timed out. */
export const UPLOAD_ERRORS = { abort: 9, invalid: 11, failed: 12 } as const;

export interface RequestRecord {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body as sent (strings as they are). */
  body?: string;
  /** Filled when the call ends: the HTTP status, or the failure given to `fail`. */
  status?: number;
  failure?: MyFailure;
}

export interface UploadRecord {
  url: string;
  /** The multipart field of the file. */
  name: string;
  filePath: string;
  formData: Record<string, string>;
  headers: Record<string, string>;
  /** Progress percentages delivered to onProgressUpdate listeners. */
  progress: number[];
  status?: number;
  failure?: MyFailure;
}

type Options = Record<string, unknown>;

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function responseHeaders(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** A running request or upload, as its body sees it. */
interface Transfer {
  readonly signal: AbortSignal;
  /** Why it ended early: its timeout, the app's abort(), or abortAll(). */
  readonly ended: 'timeout' | 'abort' | 'disposed' | null;
  /** Starts the timeout; returns what clears it. */
  timeout(ms: number): () => void;
}

export interface Transfers {
  request(options: Options): Promise<unknown> & { abort(): Promise<{ success: true }> };
  uploadFile(options: Options): Promise<unknown> & { abort(): Promise<{ success: true }> };
  /** Ends every running transfer without delivering callbacks (the harness's dispose()). */
  abortAll(): void;
}

export function createTransfers(
  parts: MyParts,
  online: () => boolean,
  observe: { request?(record: RequestRecord): void; upload?(record: UploadRecord): void } = {},
): Transfers {
  const running = new Set<() => void>();
  const rewrite = (url: string) => parts.rewriteUrl?.(url) ?? url;

  /**
   * One transfer's life, shared by request and uploadFile: an abort signal, why it ended (timeout, the app's
   * abort(), or abortAll() — after which the app's callbacks never run), and the task the app gets back.
   */
  function runTransfer<R>(
    api: string,
    options: Options,
    onEnd: (result: unknown, failure?: MyFailure) => void,
    run: (transfer: Transfer) => Promise<R>,
  ): Promise<R> & { abort(): Promise<{ success: true }> } {
    const controller = new AbortController();
    let ended: Transfer['ended'] = null;
    let delivered = false;
    const transfer: Transfer = {
      signal: controller.signal,
      get ended() {
        return ended;
      },
      timeout(ms) {
        const timer = parts.timers.setTimeout(() => {
          if (ended) return;
          ended = 'timeout';
          controller.abort();
        }, ms);
        return () => parts.timers.clearTimeout(timer);
      },
    };
    const stop = (why: 'abort' | 'disposed') => {
      if (ended || delivered) return;
      ended = why;
      controller.abort();
    };
    const disposeStop = () => stop('disposed');
    running.add(disposeStop);
    const app = options as Callbacks<unknown>;
    const end = (result: unknown, failure?: MyFailure) => {
      delivered = true;
      onEnd(result, failure);
    };
    const callbacks: Callbacks<R> = {
      success: (result) => {
        end(result);
        if (ended !== 'disposed') app.success?.(result);
      },
      fail: (failure) => {
        end(undefined, failure);
        if (ended !== 'disposed') app.fail?.(failure);
      },
      complete: (result) => {
        if (ended !== 'disposed') app.complete?.(result);
      },
    };
    const promise = parts.invoke(api, callbacks, () => run(transfer)).finally(() => running.delete(disposeStop));
    // Callback style: nobody awaits the promise, so keep its rejection from being reported as unhandled.
    if (app.success || app.fail || app.complete) promise.catch(() => undefined);
    return Object.assign(promise, {
      abort: () => {
        stop('abort');
        return Promise.resolve({ success: true as const });
      },
    });
  }

  function request(options: Options) {
    const method = String(options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...((options.headers ?? options.header ?? {}) as Record<string, string>),
    };
    const badHeader = Object.entries(headers).find(([, value]) => typeof value !== 'string');
    let url = typeof options.url === 'string' ? options.url : '';
    let body: string | ArrayBuffer | undefined;
    const data = options.data;
    if (data !== undefined && data !== null) {
      const asText =
        typeof data === 'string' || data instanceof ArrayBuffer
          ? data
          : (headerValue(headers, 'content-type') ?? '').includes('application/json') && method !== 'GET'
            ? JSON.stringify(data)
            : buildQuery(data as Record<string, unknown>);
      if (method === 'GET' || method === 'HEAD') {
        if (typeof asText === 'string' && asText !== '') url += (url.includes('?') ? '&' : '?') + asText;
      } else body = asText;
    }
    const record: RequestRecord = {
      url,
      method,
      headers,
      body: typeof body === 'string' ? body : body === undefined ? undefined : '[ArrayBuffer]',
    };
    observe.request?.(record);
    const timeoutMs = Math.min(
      Number(options.timeout ?? REQUEST_DEFAULT_TIMEOUT_MS) || REQUEST_DEFAULT_TIMEOUT_MS,
      REQUEST_MAX_TIMEOUT_MS,
    );
    const onEnd = (result: unknown, failure?: MyFailure) => {
      if (failure) {
        record.failure = failure;
        if (typeof failure.status === 'number') record.status = failure.status;
      } else record.status = (result as { status: number }).status;
    };
    return runTransfer('request', options, onEnd, async (transfer) => {
      if (!url) fail(ERROR.invalidParams, 'url is required');
      if (badHeader) fail(ERROR.invalidParams, `header ${badHeader[0]} must be a string`);
      if (!online()) fail(ERROR.network, '网络出错');
      const clearTimer = transfer.timeout(timeoutMs);
      try {
        let response: Response;
        let raw: ArrayBuffer;
        try {
          response = await parts.fetch(rewrite(url), { method, headers, body, signal: transfer.signal });
          raw = await response.arrayBuffer();
        } catch (error) {
          if (transfer.ended === 'timeout') return fail(ERROR.timeout, '请求超时');
          if (transfer.ended === 'abort') return fail(ERROR.abort, 'request:fail abort');
          if (transfer.ended === 'disposed') return fail(ERROR.pageLeft, 'request ended by runtime.dispose()');
          return fail(ERROR.network, `网络出错: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!online()) fail(ERROR.network, '网络出错');
        const answerHeaders = responseHeaders(response);
        const status = response.status;
        const text = new TextDecoder().decode(raw);
        const dataType = String(options.dataType ?? 'json').toLowerCase();
        let payload: unknown = text;
        let parseFailed = false;
        if (dataType === 'json' && text !== '') {
          try {
            payload = JSON.parse(text);
          } catch {
            parseFailed = true;
          }
        } else if (dataType === 'arraybuffer') payload = raw;
        // Alipay documents base64 as the body's base64 text (no data: URL prefix).
        else if (dataType === 'base64') payload = toBase64(new Uint8Array(raw));
        const answer = { data: payload, status, headers: answerHeaders };
        if (status >= 400 && (parts.httpStatusErrors ?? 'fail19') === 'fail19')
          return fail(ERROR.httpStatus, 'http status error', answer);
        if (parseFailed) return fail(ERROR.decode, 'JSON parse data error', answer);
        return { ...answer, statusCode: status, header: answerHeaders };
      } finally {
        clearTimer();
      }
    });
  }

  function uploadFile(options: Options) {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries({
      ...((options.headers ?? {}) as object),
      ...((options.header ?? {}) as object),
    }))
      headers[key] = String(value);
    const formData: Record<string, string> = {};
    for (const [key, value] of Object.entries((options.formData ?? {}) as object)) formData[key] = String(value);
    // `fileName` is the documented field name; `name` is what the typings and older clients use.
    const name = String(options.name ?? options.fileName ?? '');
    const filePath = String(options.filePath ?? '');
    const url = String(options.url ?? '');
    const record: UploadRecord = { url, name, filePath, formData, headers, progress: [] };
    observe.upload?.(record);
    type Progress = { progress: number; totalBytesWritten: number; totalBytesExpectedToWrite: number };
    const listeners = new Set<(update: Progress) => void>();
    const progress = (share: number, total: number) => {
      const update = {
        progress: Math.round(share * 100),
        totalBytesWritten: Math.round(share * total),
        totalBytesExpectedToWrite: total,
      };
      record.progress.push(update.progress);
      for (const listener of [...listeners])
        try {
          listener(update);
        } catch (error) {
          parts.report('my.uploadFile onProgressUpdate listener', error);
        }
    };
    const onEnd = (result: unknown, failure?: MyFailure) => {
      if (failure) record.failure = failure;
      else record.status = (result as { statusCode: number }).statusCode;
    };
    const task = runTransfer('uploadFile', options, onEnd, async (transfer) => {
      if (!name || !url || !filePath) fail(UPLOAD_ERRORS.invalid, '无效参数');
      const file = await parts.readFile(filePath).catch(() => fail(UPLOAD_ERRORS.invalid, '文件不存在'));
      if (!online()) fail(UPLOAD_ERRORS.failed, '上传文件失败');
      const body = new FormData();
      for (const [key, value] of Object.entries(formData)) body.append(key, value);
      body.append(name, file, filePath.split('/').pop() || 'file');
      const sendHeaders = Object.fromEntries(
        Object.entries(headers).filter(([key]) => key.toLowerCase() !== 'content-type'),
      );
      const clearTimer = transfer.timeout(
        Math.min(Number(options.timeout ?? UPLOAD_DEFAULT_TIMEOUT_MS), REQUEST_MAX_TIMEOUT_MS),
      );
      try {
        progress(0.5, file.size);
        let response: Response;
        let text: string;
        try {
          response = await parts.fetch(rewrite(url), {
            method: 'POST',
            headers: sendHeaders,
            body,
            signal: transfer.signal,
          });
          text = await response.text();
        } catch (error) {
          if (transfer.ended === 'abort') return fail(UPLOAD_ERRORS.abort, 'uploadFile:fail abort');
          if (transfer.ended === 'disposed') return fail(ERROR.pageLeft, 'upload ended by runtime.dispose()');
          return fail(UPLOAD_ERRORS.failed, `上传文件失败: ${error instanceof Error ? error.message : String(error)}`);
        }
        progress(1, file.size);
        // Alipay hands every HTTP answer to success; the app reads the status (/mini/api/kmq4hc FAQ).
        return { data: text, statusCode: response.status, header: responseHeaders(response) };
      } finally {
        clearTimer();
      }
    });
    // The app may only listen for progress: a failure it does not await is not an unhandled rejection.
    task.catch(() => undefined);
    return Object.assign(task, {
      onProgressUpdate: (listener: (update: Progress) => void) => {
        listeners.add(listener);
      },
      offProgressUpdate: (listener?: (update: Progress) => void) => {
        if (listener) listeners.delete(listener);
        else listeners.clear();
      },
      onHeadersReceived: () => undefined,
      offHeadersReceived: () => undefined,
    });
  }

  return {
    request,
    uploadFile,
    abortAll: () => {
      for (const stop of [...running]) stop();
    },
  };
}
