import { isApiErrorBody } from './contracts/errors';
import { config } from './config';
import { ApiError, send, type HttpRequest } from './http';
import type { PlatformFailure } from './platform/failure';
import { uploadFile, type UploadResponse } from './platform/upload';
import { renewTokens, validTokens } from './session-tokens';

/** A request on behalf of the signed-in user: bearer token attached, renewed once on a 401. */
export async function authorizedRequest<T>(request: Omit<HttpRequest, 'accessToken'>): Promise<T> {
  const tokens = await validTokens();
  try {
    return await send<T>({ ...request, accessToken: tokens.accessToken });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    const renewed = await renewTokens(tokens.accessToken);
    return send<T>({ ...request, accessToken: renewed.accessToken });
  }
}

export interface AuthorizedUpload {
  /** Backend path, e.g. `/resume/attachments`. */
  path: string;
  filePath: string;
  fieldName: string;
  formData?: Record<string, string>;
  /** Default 60 s: uploads get more time than JSON calls (a 10 MB file on a slow network). */
  timeoutMs?: number;
  onProgress: (percent: number) => void;
}

const UPLOAD_TIMEOUT_MS_DEFAULT = 60_000;

/** my.uploadFile's codes: 13 = timed out; 11 = the local file is gone (a temporary file after a restart). */
const UPLOAD_TIMEOUT = 13;
export const UPLOAD_FILE_MISSING = 11;

/**
 * A multipart upload (`my.uploadFile`) on behalf of the signed-in user, with progress; the token is renewed
 * once on a 401 like every other request. Failures are ApiErrors: `network`/`timeout` when no answer came
 * (`code` 11 in `details.platformError` when the file is gone), the server's own error otherwise.
 */
export async function authorizedUpload<T>(upload: AuthorizedUpload): Promise<T> {
  const tokens = await validTokens();
  let response = await uploadOnce(upload, tokens.accessToken);
  if (response.status === 401) {
    const renewed = await renewTokens(tokens.accessToken);
    response = await uploadOnce(upload, renewed.accessToken);
  }
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    body = undefined;
  }
  if (response.status >= 200 && response.status < 300 && body) return body as T;
  if (isApiErrorBody(body)) {
    const { code, message, fields, ...details } = body.error as typeof body.error & Record<string, unknown>;
    throw new ApiError(
      response.status >= 500 ? 'http' : 'business',
      message,
      response.status,
      code,
      fields ?? [],
      details,
    );
  }
  throw new ApiError(
    'http',
    response.status >= 500 ? '服务开小差了，请稍后重试' : `上传失败（${response.status}）`,
    response.status,
  );
}

async function uploadOnce(upload: AuthorizedUpload, accessToken: string): Promise<UploadResponse> {
  try {
    return await uploadFile({
      url: `${config.apiBaseUrl}${upload.path}`,
      filePath: upload.filePath,
      fieldName: upload.fieldName,
      headers: { authorization: `Bearer ${accessToken}` },
      formData: upload.formData,
      timeoutMs: upload.timeoutMs ?? UPLOAD_TIMEOUT_MS_DEFAULT,
      onProgress: upload.onProgress,
    });
  } catch (failure) {
    const platformError = (failure as PlatformFailure).error;
    throw platformError === UPLOAD_TIMEOUT
      ? new ApiError('timeout', '上传超时，请稍后重试')
      : new ApiError('network', '网络不给力，上传失败，请稍后重试', undefined, undefined, [], { platformError });
  }
}
