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
import { authorizedRequest, authorizedUpload } from './api';
import type { ChosenFile } from './platform/media';

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

/**
 * Uploads an attachment resume with my.uploadFile (multipart, field `file`, the name to show in
 * `fileName`), reporting progress.
 */
export function uploadAttachment(file: ChosenFile, onProgress: (percent: number) => void): Promise<ResumeAttachment> {
  return authorizedUpload<ResumeAttachment>({
    path: '/resume/attachments',
    filePath: file.path,
    fieldName: ATTACHMENT_FIELD_NAME,
    formData: { [ATTACHMENT_NAME_FIELD]: file.fileName },
    onProgress,
  });
}
