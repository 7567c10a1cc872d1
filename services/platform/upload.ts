import type { PlatformFailure } from './failure';

export interface UploadRequest {
  url: string;
  filePath: string;
  /** The multipart field the file travels in. */
  fieldName: string;
  headers: Record<string, string>;
  /** Extra multipart text fields. */
  formData?: Record<string, string>;
  timeoutMs?: number;
  /** 0..100 as the upload goes. */
  onProgress?: (percent: number) => void;
}

export interface UploadResponse {
  status: number;
  /** The body as text: my.uploadFile does not parse it. */
  text: string;
}

/**
 * One `my.uploadFile` (multipart POST). Resolves with any HTTP answer (Alipay hands error statuses to
 * `success` too); rejects with the platform failure when no answer came (network, timeout, missing file).
 */
export function uploadFile(request: UploadRequest): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    // `timeout` is documented (default 60 s) but missing from the typings.
    const options = {
      url: request.url,
      filePath: request.filePath,
      name: request.fieldName,
      // Deprecated, but the IDE simulator still insists on one of image / video / audio.
      fileType: 'image',
      header: request.headers,
      formData: request.formData,
      timeout: request.timeoutMs,
      hideLoading: true,
      success: (result: { data?: unknown; statusCode: number }) => {
        const text = typeof result.data === 'string' ? result.data : JSON.stringify(result.data ?? '');
        resolve({ status: result.statusCode, text });
      },
      fail: (failure: PlatformFailure) => reject(failure),
    };
    const task = my.uploadFile(options as Parameters<typeof my.uploadFile>[0]);
    // Clients before 10.1.35 return no task: the upload still works, without progress.
    if (request.onProgress && task && typeof task.onProgressUpdate === 'function') {
      const onProgress = request.onProgress;
      task.onProgressUpdate((update) => onProgress(Math.max(0, Math.min(100, Math.round(update.progress)))));
    }
  });
}
