import './mobx-config';
import { messageOf } from './outcome';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { ATTACHMENTS_MAX, checkAttachmentFile, type ResumeAttachment } from '../services/contracts/resume-attachments';
import type { Resume } from '../services/contracts/resume';
import { ApiError } from '../services/http';
import type { CategoryGroup } from '../services/contracts/jobs';
import { getJobFilters } from '../services/jobs';
import { chooseImage } from '../services/platform/media';
import {
  deleteAttachment,
  deleteEducation,
  deleteWorkExperience,
  getResume,
  uploadAttachment,
} from '../services/resume';
import { formatUploadFileName } from '../format';
import { LateAnswers } from './late-answers';
import type { LoadStatus } from './load-status';

/** An attachment on its way up, or one that did not make it (kept with its reason until dismissed). */
export interface AttachmentUpload {
  /** Local id, never sent. */
  localId: string;
  fileName: string;
  sizeBytes: number;
  /** 0..100 */
  progress: number;
  state: 'uploading' | 'failed';
  /** Why it failed, in Chinese, shown by the item. */
  errorMessage: string;
}

/** Progress is shown in steps, so a fast upload does not flood the view with setData calls. */
const PROGRESS_STEP = 5;

let uploadSeq = 0;

/** The seeker's own online resume: loaded once, replaced by every write's answer, attachments uploaded here. */
export class ResumeStore {
  status: LoadStatus = 'idle';
  resume: Resume | null = null;
  errorMessage = '';
  uploads: AttachmentUpload[] = [];
  deletingAttachmentId = '';
  /** Job categories by industry for the expectations form (GET /job-filters). */
  categoryGroups: CategoryGroup[] = [];
  categoriesError = '';
  private loading: Promise<void> | null = null;
  /** A read that left before a write cannot put older data back. */
  private readonly writes = new LateAnswers();

  constructor() {
    // The resume and the uploads are replaced whole on every change, never mutated in place.
    makeAutoObservable<ResumeStore, 'loading' | 'writes'>(this, {
      loading: false,
      writes: false,
      resume: observable.ref,
      uploads: observable.ref,
      categoryGroups: observable.ref,
    });
  }

  /** Loads (or reloads) the resume; a failed reload keeps what was shown, with the reason. */
  load(): Promise<void> {
    if (this.loading) return this.loading;
    this.status = 'loading';
    this.errorMessage = '';
    const isFresh = this.writes.observe();
    const run = async () => {
      try {
        const resume = await getResume();
        runInAction(() => {
          if (isFresh()) this.resume = resume;
          this.status = 'ready';
        });
      } catch (error) {
        runInAction(() => {
          this.status = 'error';
          this.errorMessage = messageOf(error, '简历加载失败，请稍后重试');
        });
      } finally {
        this.loading = null;
      }
    };
    this.loading = run();
    return this.loading;
  }

  /** The resume, loading it first when this session has not yet. */
  async ensureLoaded(): Promise<Resume | null> {
    if (this.loading) await this.loading;
    else if (!this.resume || this.status === 'idle') await this.load();
    return this.resume;
  }

  /** Every write answers the whole resume: it replaces what is shown. */
  receive(resume: Resume): void {
    this.writes.supersede();
    this.resume = resume;
    this.status = 'ready';
    this.errorMessage = '';
  }

  async loadCategories(): Promise<void> {
    if (this.categoryGroups.length) return;
    this.categoriesError = '';
    try {
      const { categoryGroups } = await getJobFilters();
      runInAction(() => {
        this.categoryGroups = categoryGroups;
      });
    } catch (error) {
      runInAction(() => {
        this.categoriesError = messageOf(error, '职位类别加载失败，请稍后重试');
      });
    }
  }

  /** Deletes one work experience; answers the message to show when it fails, or null. */
  async deleteWorkExperience(id: string): Promise<string | null> {
    return this.write(() => deleteWorkExperience(id));
  }

  async deleteEducation(id: string): Promise<string | null> {
    return this.write(() => deleteEducation(id));
  }

  private async write(run: () => Promise<Resume>): Promise<string | null> {
    try {
      const resume = await run();
      this.receive(resume);
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  get attachmentCount(): number {
    return (this.resume?.attachments.length ?? 0) + this.uploads.filter((u) => u.state === 'uploading').length;
  }

  /**
   * Picks an image and uploads it as an attachment resume, with progress. Type and size are checked before
   * anything is sent; every failure stays on the item with its reason. Answers a message for problems that
   * belong to no item (the picker failed, the limit is reached), or null.
   */
  async uploadImageAttachment(now: number = Date.now()): Promise<string | null> {
    if (this.attachmentCount >= ATTACHMENTS_MAX) return `附件简历最多${ATTACHMENTS_MAX}份，请先删除不需要的附件`;
    let file;
    try {
      file = await chooseImage(formatUploadFileName(now));
    } catch {
      return '无法打开相册，请在支付宝设置中允许访问相册后重试';
    }
    if (!file) return null;
    const upload: AttachmentUpload = {
      localId: `upload-${++uploadSeq}`,
      fileName: file.fileName,
      sizeBytes: file.sizeBytes,
      progress: 0,
      state: 'uploading',
      errorMessage: '',
    };
    const problem = checkAttachmentFile({ fileName: file.fileName, sizeBytes: file.sizeBytes });
    runInAction(() => {
      this.uploads = [
        { ...upload, state: problem ? 'failed' : 'uploading', errorMessage: problem ?? '' },
        ...this.uploads,
      ];
    });
    if (problem) return null;
    try {
      const attachment = await uploadAttachment(file, (percent) => this.setProgress(upload.localId, percent));
      runInAction(() => {
        this.uploads = this.uploads.filter((u) => u.localId !== upload.localId);
        this.addAttachment(attachment);
      });
    } catch (error) {
      const fileField = error instanceof ApiError ? error.fields.find((f) => f.path === 'file') : undefined;
      const reason = fileField ? fileField.message : messageOf(error, '上传失败，请稍后重试');
      runInAction(() => {
        this.uploads = this.uploads.map((u) =>
          u.localId === upload.localId ? { ...u, state: 'failed', errorMessage: reason } : u,
        );
      });
    }
    return null;
  }

  setProgress(localId: string, percent: number): void {
    const stepped = percent >= 100 ? 100 : Math.floor(percent / PROGRESS_STEP) * PROGRESS_STEP;
    const upload = this.uploads.find((u) => u.localId === localId);
    if (upload && upload.state === 'uploading' && upload.progress !== stepped) {
      this.uploads = this.uploads.map((u) => (u.localId === localId ? { ...u, progress: stepped } : u));
    }
  }

  /** Forgets a failed upload. */
  dismissUpload(localId: string): void {
    this.uploads = this.uploads.filter((u) => u.localId !== localId || u.state === 'uploading');
  }

  private addAttachment(attachment: ResumeAttachment): void {
    if (!this.resume) return;
    this.writes.supersede();
    this.resume = {
      ...this.resume,
      attachments: [attachment, ...this.resume.attachments.filter((a) => a.id !== attachment.id)],
    };
  }

  /** Deletes an uploaded attachment; answers the message to show when it fails, or null. */
  async deleteAttachment(id: string): Promise<string | null> {
    if (this.deletingAttachmentId) return null;
    this.deletingAttachmentId = id;
    try {
      const { items } = await deleteAttachment(id);
      runInAction(() => {
        this.writes.supersede();
        if (this.resume) this.resume = { ...this.resume, attachments: items };
      });
      return null;
    } catch (error) {
      return messageOf(error, '删除失败，请稍后重试');
    } finally {
      runInAction(() => {
        this.deletingAttachmentId = '';
      });
    }
  }
}

export const resumeStore = new ResumeStore();
