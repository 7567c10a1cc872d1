import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  ATTACHMENT_FILE_NAME_MAX,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  ATTACHMENTS_MAX,
  checkAttachmentFile,
  fileExtension,
  type AttachmentExtension,
  type AttachmentMimeType,
  type ResumeAttachment,
} from '../../services/contracts/resume-attachments';
import { visibleLength } from '../../services/contracts/text';
import { iso } from '../clock';
import { ApiError, conflict, invalidInput, notFound } from '../http/api-error';

interface AttachmentRow {
  id: number;
  user_id: string;
  file_name: string;
  size_bytes: number;
  mime_type: AttachmentMimeType;
  storage_name: string;
  uploaded_at: number;
  deleted_at: number | null;
}

export function toAttachment(row: AttachmentRow): ResumeAttachment {
  return {
    id: String(row.id),
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
    mimeType: row.mime_type,
    uploadedAt: iso(row.uploaded_at),
  };
}

/** The bytes each accepted type starts with: a renamed .exe is not a PDF. */
function contentMatches(extension: AttachmentExtension, bytes: Buffer): boolean {
  const startsWith = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  switch (extension) {
    case 'pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'doc':
      // OLE2 compound file, the container of Word 97-2003 documents.
      return startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    case 'docx':
      // A ZIP whose entries include Word's main part.
      return startsWith(0x50, 0x4b, 0x03, 0x04) && bytes.includes('word/');
    case 'jpg':
    case 'jpeg':
      return startsWith(0xff, 0xd8, 0xff);
    case 'png':
      return startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  }
}

/** 413 naming `file`, with the limit in the message the app shows. */
export function attachmentTooLarge(): ApiError {
  const message = checkAttachmentFile({ fileName: 'x.pdf', sizeBytes: ATTACHMENT_MAX_BYTES + 1 }) as string;
  return new ApiError(413, 'invalid_input', message, [{ path: 'file', message }]);
}

/** Strips folders (a client may send a path) and characters no file name should carry. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** Attachment resumes: rows in the database, bytes in files under `<data folder>/attachments`. */
export class AttachmentStore {
  constructor(
    private readonly db: Database,
    /** Folder the files go in, next to the database file. */
    private readonly dir: string,
  ) {}

  static forDatabase(db: Database): AttachmentStore {
    return new AttachmentStore(db, path.join(path.dirname(db.name), 'attachments'));
  }

  list(userId: string): ResumeAttachment[] {
    return this.rows(userId).map(toAttachment);
  }

  /** One of the user's live attachments, or undefined. */
  find(userId: string, id: number): ResumeAttachment | undefined {
    const row = this.row(id);
    return row && row.user_id === userId && row.deleted_at === null ? toAttachment(row) : undefined;
  }

  /** Any attachment by id, deleted or not (applications keep naming theirs). */
  byId(id: number): { attachment: ResumeAttachment; deleted: boolean } | undefined {
    const row = this.row(id);
    return row && { attachment: toAttachment(row), deleted: row.deleted_at !== null };
  }

  /** Checks name, size and content, then stores the file; every refusal is a 4xx naming `file`. */
  save(userId: string, upload: { fileName: string; bytes: Buffer }, now: number): ResumeAttachment {
    const fileName = cleanFileName(upload.fileName);
    const fileError = (message: string) => invalidInput([{ path: 'file', message }]);
    if (!fileName) throw fileError('附件文件名不能为空');
    if (visibleLength(fileName) > ATTACHMENT_FILE_NAME_MAX) {
      throw fileError(`附件文件名不能超过${ATTACHMENT_FILE_NAME_MAX}个字`);
    }
    if (upload.bytes.length > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
    const problem = checkAttachmentFile({ fileName, sizeBytes: upload.bytes.length });
    if (problem) throw fileError(problem);
    const extension = fileExtension(fileName) as AttachmentExtension;
    if (!contentMatches(extension, upload.bytes)) {
      throw fileError(`文件内容不是有效的${extension.toUpperCase()}文件，请重新选择`);
    }
    if (this.rows(userId).length >= ATTACHMENTS_MAX) {
      throw conflict(`附件简历最多${ATTACHMENTS_MAX}份，请先删除不需要的附件`);
    }
    const storageName = `${randomBytes(12).toString('hex')}.${extension}`;
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, storageName), upload.bytes);
    const result = this.db
      .prepare(
        `INSERT INTO resume_attachments (user_id, file_name, size_bytes, mime_type, storage_name, uploaded_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(userId, fileName, upload.bytes.length, ATTACHMENT_TYPES[extension], storageName, now);
    return toAttachment(this.row(Number(result.lastInsertRowid)) as AttachmentRow);
  }

  /** Removes the file; the row stays, marked deleted, so applications that carried it still name it. */
  delete(userId: string, id: number, now: number): void {
    const row = this.row(id);
    if (!row || row.user_id !== userId || row.deleted_at !== null) throw notFound('附件简历不存在');
    this.db.prepare('UPDATE resume_attachments SET deleted_at = ? WHERE id = ?').run(now, id);
    fs.rmSync(path.join(this.dir, row.storage_name), { force: true });
  }

  /** The stored bytes of a live attachment, for the employer's download. */
  content(id: number): { attachment: ResumeAttachment; bytes: Buffer } | undefined {
    const row = this.row(id);
    if (!row || row.deleted_at !== null) return undefined;
    const file = path.join(this.dir, row.storage_name);
    return fs.existsSync(file) ? { attachment: toAttachment(row), bytes: fs.readFileSync(file) } : undefined;
  }

  private rows(userId: string): AttachmentRow[] {
    return this.db
      .prepare('SELECT * FROM resume_attachments WHERE user_id = ? AND deleted_at IS NULL ORDER BY id DESC')
      .all(userId) as AttachmentRow[];
  }

  private row(id: number): AttachmentRow | undefined {
    return this.db.prepare('SELECT * FROM resume_attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  }
}
