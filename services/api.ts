import { isApiErrorBody } from './contracts/errors';
import { config } from './config';
import { ApiError, send, type HttpRequest } from './http';
import type { PlatformFailure } from './platform/failure';
import type { ChosenFile } from './platform/media';
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

/** Uploads give the server more time than JSON calls: a 10 MB file on a slow network. */
const UPLOAD_TIMEOUT_MS = 60_000;
const UPLOAD_TIMEOUT = 13;

export interface UploadJob {
  path: string;
  file: ChosenFile;
  /** The multipart field the file travels in. */
  fieldName: string;
  formData?: Record<string, string>;
  onProgress: (percent: number) => void;
}

/**
 * A file sent with my.uploadFile on behalf of the signed-in user, reporting progress; renews the token once
 * on a 401 like every other request, and turns the answer into the same typed errors.
 */
export async function authorizedUpload<T>(job: UploadJob): Promise<T> {
  const tokens = await validTokens();
  let response = await uploadOnce(job, tokens.accessToken);
  if (response.status === 401) {
    const renewed = await renewTokens(tokens.accessToken);
    response = await uploadOnce(job, renewed.accessToken);
  }
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    body = undefined;
  }
  if (response.status >= 200 && response.status < 300 && body) return body as T;
  if (isApiErrorBody(body)) {
    const { code, message, fields } = body.error;
    throw new ApiError(response.status >= 500 ? 'http' : 'business', message, response.status, code, fields ?? []);
  }
  throw new ApiError(
    'http',
    response.status >= 500 ? '服务开小差了，请稍后重试' : `上传失败（${response.status}）`,
    response.status,
  );
}

async function uploadOnce(job: UploadJob, accessToken: string): Promise<UploadResponse> {
  try {
    return await uploadFile({
      url: `${config.apiBaseUrl}${job.path}`,
      filePath: job.file.path,
      fieldName: job.fieldName,
      headers: { authorization: `Bearer ${accessToken}` },
      formData: job.formData,
      timeoutMs: UPLOAD_TIMEOUT_MS,
      onProgress: job.onProgress,
    });
  } catch (failure) {
    throw (failure as PlatformFailure).error === UPLOAD_TIMEOUT
      ? new ApiError('timeout', '上传超时，请稍后重试')
      : new ApiError('network', '网络不给力，上传失败，请稍后重试');
  }
}
