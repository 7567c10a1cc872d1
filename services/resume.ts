import { isApiErrorBody } from './contracts/errors';
import type { PhoneAuthorizationRequest } from './contracts/phone';
import {
  ATTACHMENT_FIELD_NAME,
  ATTACHMENT_NAME_FIELD,
  type ResumeAttachment,
  type ResumeAttachmentList,
} from './contracts/resume-attachments';
import type {
  EducationInput,
  Resume,
  ResumeBasicInput,
  ResumeExpectationsInput,
  WorkExperienceInput,
} from './contracts/resume';
import { authorizedRequest } from './api';
import { config } from './config';
import { ApiError } from './http';
import type { PlatformFailure } from './platform/failure';
import type { ChosenFile } from './platform/media';
import { uploadFile, type UploadResponse } from './platform/upload';
import { renewTokens, validTokens } from './session-tokens';

/** The signed-in seeker's own resume, phone in full. Every write below answers the whole resume too. */
export function getResume(): Promise<Resume> {
  return authorizedRequest<Resume>({ method: 'GET', path: '/resume' });
}

export function saveBasic(input: ResumeBasicInput): Promise<Resume> {
  return authorizedRequest<Resume>({ method: 'PUT', path: '/resume/basic', body: input });
}

export function saveExpectations(input: ResumeExpectationsInput): Promise<Resume> {
  return authorizedRequest<Resume>({ method: 'PUT', path: '/resume/expectations', body: input });
}

/** Adds an entry when `id` is null, else replaces that entry. */
export function saveWorkExperience(id: string | null, input: WorkExperienceInput): Promise<Resume> {
  return id === null
    ? authorizedRequest<Resume>({ method: 'POST', path: '/resume/work-experiences', body: input })
    : authorizedRequest<Resume>({
        method: 'PUT',
        path: `/resume/work-experiences/${encodeURIComponent(id)}`,
        body: input,
      });
}

export function deleteWorkExperience(id: string): Promise<Resume> {
  return authorizedRequest<Resume>({ method: 'DELETE', path: `/resume/work-experiences/${encodeURIComponent(id)}` });
}

/** Adds an entry when `id` is null, else replaces that entry. */
export function saveEducation(id: string | null, input: EducationInput): Promise<Resume> {
  return id === null
    ? authorizedRequest<Resume>({ method: 'POST', path: '/resume/educations', body: input })
    : authorizedRequest<Resume>({ method: 'PUT', path: `/resume/educations/${encodeURIComponent(id)}`, body: input });
}

export function deleteEducation(id: string): Promise<Resume> {
  return authorizedRequest<Resume>({ method: 'DELETE', path: `/resume/educations/${encodeURIComponent(id)}` });
}

export function saveSkills(skills: string[]): Promise<Resume> {
  return authorizedRequest<Resume>({ method: 'PUT', path: '/resume/skills', body: { skills } });
}

export function saveSelfIntro(selfIntro: string): Promise<Resume> {
  return authorizedRequest<Resume>({ method: 'PUT', path: '/resume/self-intro', body: { selfIntro } });
}

/** `my.getPhoneNumber()`'s `response`, untouched: the backend checks, decrypts and stores the number. */
export function authorizePhone(response: string): Promise<Resume> {
  const body: PhoneAuthorizationRequest = { response };
  return authorizedRequest<Resume>({ method: 'POST', path: '/resume/phone', body });
}

/** The seeker's uploaded attachment resumes: what an application may carry besides the online resume. */
export function listAttachments(): Promise<ResumeAttachmentList> {
  return authorizedRequest<ResumeAttachmentList>({ method: 'GET', path: '/resume/attachments' });
}

export function deleteAttachment(id: string): Promise<ResumeAttachmentList> {
  return authorizedRequest<ResumeAttachmentList>({
    method: 'DELETE',
    path: `/resume/attachments/${encodeURIComponent(id)}`,
  });
}

/** Uploads give the server more time than JSON calls: a 10 MB file on a slow network. */
const UPLOAD_TIMEOUT_MS = 60_000;
const UPLOAD_TIMEOUT = 13;

/**
 * Uploads an attachment resume with my.uploadFile (multipart, field `file`, the name to show in
 * `fileName`), reporting progress; renews the token once on a 401 like every other request.
 */
export async function uploadAttachment(
  file: ChosenFile,
  onProgress: (percent: number) => void,
): Promise<ResumeAttachment> {
  const tokens = await validTokens();
  let response = await uploadOnce(file, tokens.accessToken, onProgress);
  if (response.status === 401) {
    const renewed = await renewTokens(tokens.accessToken);
    response = await uploadOnce(file, renewed.accessToken, onProgress);
  }
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    body = undefined;
  }
  if (response.status >= 200 && response.status < 300 && body) return body as ResumeAttachment;
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

async function uploadOnce(
  file: ChosenFile,
  accessToken: string,
  onProgress: (percent: number) => void,
): Promise<UploadResponse> {
  try {
    return await uploadFile({
      url: `${config.apiBaseUrl}/resume/attachments`,
      filePath: file.path,
      fieldName: ATTACHMENT_FIELD_NAME,
      headers: { authorization: `Bearer ${accessToken}` },
      formData: { [ATTACHMENT_NAME_FIELD]: file.fileName },
      timeoutMs: UPLOAD_TIMEOUT_MS,
      onProgress,
    });
  } catch (failure) {
    throw (failure as PlatformFailure).error === UPLOAD_TIMEOUT
      ? new ApiError('timeout', '上传超时，请稍后重试')
      : new ApiError('network', '网络不给力，上传失败，请稍后重试');
  }
}
