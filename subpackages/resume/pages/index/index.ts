import { ATTACHMENT_MAX_BYTES } from '../../../../services/contracts/resume-attachments';
import type { TrustKind } from '../../../../services/contracts/trust';
import { confirm } from '../../../../services/platform/dialog';
import { navigateTo } from '../../../../services/platform/navigation';
import { showToast, stopPullDownRefresh } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import type { LoadStatus } from '../../../../stores/load-status';
import { resumeStore } from '../../../../stores/resume';
import { unsavedResumeSections } from '../../../../stores/resume-forms';
import { trustStore } from '../../../../stores/trust';
import { formatFileSize } from '../../../../format';
import {
  RESUME_PAGES,
  toAttachmentRows,
  toResumeOverviewView,
  toTrustBadgeViews,
  type AttachmentRowView,
  type ResumeOverviewView,
  type TrustBadgeView,
} from '../../../../view-models/resume-view';

type Tap<D> = { currentTarget: { dataset: D } };

const data = {
  status: 'idle' as LoadStatus,
  errorMessage: '',
  overview: null as ResumeOverviewView | null,
  trust: [] as TrustBadgeView[],
  attachments: [] as AttachmentRowView[],
  deletingAttachmentId: '',
  attachmentNote: `可上传JPG、PNG格式的简历图片（不超过${formatFileSize(ATTACHMENT_MAX_BYTES)}），纸质简历拍照即可`,
  pages: RESUME_PAGES,
  /** Sections with edits kept on this device but not saved yet. */
  unsaved: {} as Partial<ReturnType<typeof unsavedResumeSections>>,
  skeletonParagraph: { rows: 8 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
};

/** 我的简历: completeness and the next step, every section with its edit entry, trust, attachments, privacy. */
Page({
  data,
  onLoad() {
    bindView(this, () => {
      const resume = resumeStore.resume;
      return {
        status: resumeStore.status,
        errorMessage: resumeStore.errorMessage,
        overview: resume ? toResumeOverviewView(resume) : null,
        trust: toTrustBadgeViews(trustStore.trust, resume ? resume.trust : null),
        attachments: toAttachmentRows(resume ? resume.attachments : [], resumeStore.uploads),
        deletingAttachmentId: resumeStore.deletingAttachmentId,
      };
    });
    void resumeStore.load();
  },
  onShow() {
    // Back from a form left unsaved (or saved): its entry says so.
    this.setData({ unsaved: unsavedResumeSections() });
    // A pending check may have been decided while the seeker was away.
    void trustStore.load();
  },
  onUnload() {
    unbindView(this);
  },
  async onPullDownRefresh() {
    await Promise.all([resumeStore.load(), trustStore.load()]);
    stopPullDownRefresh();
  },
  onRetry() {
    void resumeStore.load();
  },
  /** Any edit entry: `data-route`, plus `data-id` for one work or education entry. */
  onEditTap(event: Tap<{ route?: string; id?: string }>) {
    const { route, id } = event.currentTarget.dataset;
    if (route) navigateTo(route, id ? { id } : {});
  },
  async onTrustTap(event: Tap<{ kind?: TrustKind }>) {
    const kind = event.currentTarget.dataset.kind;
    if (kind === 'realName') navigateTo(RESUME_PAGES.realName);
    else if (kind === 'student') navigateTo(RESUME_PAGES.student);
    else if (kind === 'workId') {
      const sure = await confirm({
        title: '申请芝麻工作证',
        content: '芝麻工作证由支付宝根据你的实名信息签发，需先完成实名认证',
        confirmButtonText: '申请',
      });
      if (!sure) return;
      const outcome = await trustStore.submitWorkId();
      if (outcome.ok) showToast('已提交，审核通过后自动点亮', 'success');
      else if (outcome.message) showToast(outcome.message, 'fail');
    }
  },
  async onUploadTap() {
    const failure = await resumeStore.uploadImageAttachment();
    if (failure) showToast(failure, 'fail');
  },
  async onDeleteAttachment(event: Tap<{ id?: string; name?: string }>) {
    const { id, name } = event.currentTarget.dataset;
    if (!id) return;
    const sure = await confirm({ title: '删除附件简历？', content: name ?? '', confirmButtonText: '删除' });
    if (!sure) return;
    const failure = await resumeStore.deleteAttachment(id);
    showToast(failure ?? '已删除', failure ? 'fail' : 'success');
  },
  onDismissUpload(event: Tap<{ key?: string }>) {
    const key = event.currentTarget.dataset.key;
    if (key) resumeStore.dismissUpload(key);
  },
});
