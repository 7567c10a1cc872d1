import type { PlatformFailure } from './failure';

export interface RawResponse {
  status: number;
  data: unknown;
  headers: Record<string, string>;
}

export interface RawRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  /** JSON text: my.request sends strings as they are. */
  body?: string;
  timeoutMs: number;
}

/** Alipay reports a non-2xx answer either through `success` or as `fail` error 19 carrying the response. */
const HTTP_STATUS_ERROR = 19;

/** One `my.request`, resolved with any HTTP answer; rejected with the platform failure when none came. */
export function sendRequest(request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    my.request({
      url: request.url,
      method: request.method,
      headers: request.headers,
      data: request.body,
      timeout: request.timeoutMs,
      dataType: 'json',
      success: (res) => resolve({ status: res.status ?? res.statusCode, data: res.data, headers: res.headers ?? {} }),
      fail: (failure) => {
        const withResponse = failure as PlatformFailure & {
          status?: number;
          data?: unknown;
          headers?: Record<string, string>;
        };
        if (withResponse.error === HTTP_STATUS_ERROR && typeof withResponse.status === 'number') {
          resolve({ status: withResponse.status, data: withResponse.data, headers: withResponse.headers ?? {} });
        } else {
          reject(failure);
        }
      },
    });
  });
}
