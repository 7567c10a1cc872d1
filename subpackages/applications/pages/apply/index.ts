import { reaction } from 'mobx';
import { QuietText } from '../../../../components/quiet-text';
import { GREETING_MAX } from '../../../../services/contracts/applications';
import { navigateTo, redirectTo, switchTab } from '../../../../services/platform/navigation';
import { showToast } from '../../../../services/platform/ui';
import { applyStore } from '../../../../stores/apply';
import { bindView, unbindView } from '../../../../stores/bind';
import type { LoadStatus } from '../../../../stores/load-status';
import { toResumeOptionViews, type ResumeOptionView } from '../../../../view-models/application-view';
import { toJobCardView, type JobCardView } from '../../../../view-models/job-view';

const DETAIL_ROUTE = 'subpackages/applications/pages/detail/index';
const RESUME_ROUTE = 'subpackages/resume/pages/index/index';

const data = {
  jobId: '',
  jobStatus: 'idle' as LoadStatus,
  job: null as JobCardView | null,
  jobError: '',
  resumeOptions: [] as ResumeOptionView[],
  attachmentsError: '',
  greeting: '',
  greetingCounter: '',
  greetingMax: GREETING_MAX,
  sending: false,
  applied: false,
  errorMessage: '',
  /** The resume lacks what applying needs: offer the way to fill it. */
  needsResume: false,
  skeletonParagraph: { rows: 2 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  otherJobsButton: { layout: 'horizontal', list: [{ text: '看看其他职位', type: 'primary' }] },
};

Page({
  data,
  /** The greeting box shows what is typed itself; only the default greeting (once the job loads) is sent. */
  greetingBox: null as QuietText | null,
  stopGreeting: null as (() => void) | null,
  shownBefore: false,
  onLoad(query: Record<string, string | undefined>) {
    const jobId = query.jobId ?? '';
    this.setData({ jobId });
    const box = new QuietText(this, 'greeting', { key: 'greetingCounter', max: GREETING_MAX });
    box.start(applyStore.greetingOf(jobId));
    this.greetingBox = box;
    this.stopGreeting = reaction(
      () => applyStore.greetingOf(jobId),
      (greeting) => box.show(greeting),
    );
    bindView(this, () => {
      const form = applyStore.form(jobId);
      return {
        jobStatus: form.jobStatus,
        job: form.job ? toJobCardView(form.job) : null,
        jobError: form.jobError,
        resumeOptions: toResumeOptionViews(form.attachments, form.resume),
        attachmentsError: form.attachmentsError,
        sending: form.sending,
        applied: form.appliedId !== '',
        errorMessage: form.errorMessage,
        needsResume: form.missing.length > 0,
      };
    });
    void applyStore.open(jobId);
  },
  /** Back from the resume (or another app): what was fixed there counts here. Skips the first show. */
  onShow() {
    if (this.shownBefore) void applyStore.refresh(this.data.jobId);
    this.shownBefore = true;
  },
  onUnload() {
    unbindView(this);
    this.stopGreeting?.();
    this.greetingBox?.dispose();
  },
  onRetryJob() {
    void applyStore.loadJob(this.data.jobId);
  },
  onOtherJobs() {
    switchTab('pages/jobs/index');
  },
  onRetryAttachments() {
    void applyStore.loadAttachments(this.data.jobId);
  },
  onResumeTap(event: { currentTarget: { dataset: { value?: string } } }) {
    const value = event.currentTarget.dataset.value;
    if (value) applyStore.chooseResume(this.data.jobId, value);
  },
  onGreetingInput(event: { detail: { value: string } }) {
    this.greetingBox?.typedIn(event.detail.value);
    applyStore.setGreeting(this.data.jobId, event.detail.value);
  },
  onFillResume() {
    navigateTo(RESUME_ROUTE);
  },
  async onSubmit() {
    const outcome = await applyStore.submit(this.data.jobId);
    if (outcome.kind === 'created') {
      showToast('投递成功', 'success');
      redirectTo(DETAIL_ROUTE, { id: outcome.application.id });
      // Asked right after applying, when the seeker most wants to hear back; refusing changes nothing.
      // The answer is not awaited: leaving or a slow network must not hold the seeker on this page.
      void applyStore.subscribeToUpdates(outcome.application.id).then((recorded) => {
        if (!recorded) showToast('进度提醒开启失败，可稍后在投递详情查看进度', 'fail');
      });
    } else if (outcome.kind === 'duplicate') {
      showToast('你已投递过该职位');
      redirectTo(DETAIL_ROUTE, { id: outcome.applicationId });
    }
  },
});
