/** Attachment resumes (POST /resume/attachments, multipart as my.uploadFile sends it). Only ES2017 built-ins here. */

/** The multipart field the file travels in: `my.uploadFile({ name: ATTACHMENT_FIELD_NAME, ... })`. */
export const ATTACHMENT_FIELD_NAME = 'file';
/**
 * Optional multipart text field with the name to show: files from my.chooseImage arrive with a temporary
 * name, so the app may send the original one here (`formData: { fileName: '张三-简历.pdf' }`).
 */
export const ATTACHMENT_NAME_FIELD = 'fileName';
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_MAX = 5;
export const ATTACHMENT_FILE_NAME_MAX = 100;
/** Extensions accepted, with the type each one is stored and served as. */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;
export type AttachmentMimeType = (typeof ATTACHMENT_TYPES)[AttachmentExtension];
export const ATTACHMENT_TYPE_TEXT = 'PDF、Word（doc/docx）、JPG或PNG';

export interface ResumeAttachment {
  id: string;
  fileName: string;
  sizeBytes: number;
  mimeType: AttachmentMimeType;
  /** ISO 8601 */
  uploadedAt: string;
}

/** GET /resume/attachments */
export interface ResumeAttachmentList {
  items: ResumeAttachment[];
}

/** The lower-case extension of a file name, or '' when it has none. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function isAttachmentExtension(extension: string): extension is AttachmentExtension {
  return Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, extension);
}

/**
 * Checks a file before upload (the app) and on arrival (the server): type by extension, size. The server
 * also checks the content's magic bytes. Returns the Chinese message for the `file` field, or undefined.
 */
export function checkAttachmentFile(file: { fileName: string; sizeBytes: number }): string | undefined {
  if (!isAttachmentExtension(fileExtension(file.fileName))) return `仅支持${ATTACHMENT_TYPE_TEXT}格式的附件简历`;
  if (file.sizeBytes <= 0) return '附件简历是空文件，请重新选择';
  if (file.sizeBytes > ATTACHMENT_MAX_BYTES) return `附件简历不能超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB`;
  return undefined;
}
