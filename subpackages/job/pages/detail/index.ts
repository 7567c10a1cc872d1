import {
  JOB_REPORT_REASON_LABELS,
  JOB_REPORT_REASONS,
  type JobReportReason,
} from '../../../../services/contracts/jobs';
import { QuietText } from '../../../../components/quiet-text';
import { navigateTo, switchTab } from '../../../../services/platform/navigation';
import { openLocation } from '../../../../services/platform/location';
import { whenOnline } from '../../../../services/platform/network';
import { showToast } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import { applicationsStore } from '../../../../stores/applications';
import { favoritesStore } from '../../../../stores/favorites';
import { jobDetailStore } from '../../../../stores/job-detail';
import type { LoadStatus } from '../../../../stores/load-status';
import { toJobApplyBarView } from '../../../../view-models/application-view';
import { toJobDetailView, type JobDetailView } from '../../../../view-models/job-detail-view';
import { toJobCardView, type JobCardView } from '../../../../view-models/job-view';

const REPORT_REASONS = JOB_REPORT_REASONS.map((value) => ({ value, text: JOB_REPORT_REASON_LABELS[value] }));

const data = {
  jobId: '',
  status: 'idle' as LoadStatus,
  job: null as JobDetailView | null,
  errorMessage: '',
  favorited: false,
  applyBar: toJobApplyBarView(undefined),
  similar: [] as JobCardView[],
  reportVisible: false,
  reportReason: '' as JobReportReason | '',
  reportText: '',
  reportError: '',
  reportSending: false,
  /** Reported already: the link says so instead of offering a second report. */
  reported: false,
  reportReasons: REPORT_REASONS,
  skeletonParagraph: { rows: 6 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  otherJobsButton: { layout: 'horizontal', list: [{ text: '看看其他职位', type: 'primary' }] },
};

Page({
  data,
  /** The report's text box: it shows what is typed itself. */
  reportBox: null as QuietText | null,
  stopWatchingNetwork: null as (() => void) | null,
  onLoad(query: Record<string, string | undefined>) {
    const jobId = query.id ?? '';
    this.setData({ jobId });
    // A load that failed (offline, weak signal) is tried again as soon as the network is back.
    this.stopWatchingNetwork = whenOnline(() => {
      if (jobDetailStore.entry(jobId).status === 'error') void jobDetailStore.load(jobId);
    });
    this.reportBox = new QuietText(this, 'reportText');
    bindView(this, () => {
      const entry = jobDetailStore.entry(jobId);
      return {
        status: entry.status,
        job: entry.job ? toJobDetailView(entry.job) : null,
        errorMessage: entry.errorMessage,
        favorited: favoritesStore.isFavorited(jobId),
        applyBar: toJobApplyBarView(applicationsStore.forJob(jobId), entry.job?.status),
        similar: entry.similar.map((job) => toJobCardView(job)),
        reported: entry.reported,
      };
    });
    void jobDetailStore.load(jobId);
    void applicationsStore.loadForJob(jobId);
  },
  onUnload() {
    unbindView(this);
    this.stopWatchingNetwork?.();
  },
  onRetry() {
    void jobDetailStore.load(this.data.jobId);
  },
  onOtherJobs() {
    switchTab('pages/jobs/index');
  },
  onShareAppMessage() {
    const { jobId, job } = this.data;
    return {
      title: job ? `${job.title} ${job.salaryText}` : '好工作推荐',
      desc: job ? `${job.company.name} · ${job.locationText}` : '支付宝里找工作',
      path: `subpackages/job/pages/detail/index?id=${encodeURIComponent(jobId)}`,
    };
  },
  onApplyTap() {
    const { jobId, applyBar } = this.data;
    // Applied already: where that application stands, instead of a second one.
    if (applyBar.closedMessage) showToast(applyBar.closedMessage);
    else if (applyBar.applicationId)
      navigateTo('subpackages/applications/pages/detail/index', { id: applyBar.applicationId });
    else navigateTo('subpackages/applications/pages/apply/index', { jobId });
  },
  async onFavoriteTap() {
    const failure = await favoritesStore.toggle(this.data.jobId);
    if (failure) showToast(failure, 'fail');
  },
  async onAddressTap() {
    const job = jobDetailStore.entry(this.data.jobId).job;
    if (!job || job.lat === null || job.lng === null) return;
    try {
      await openLocation({ latitude: job.lat, longitude: job.lng, name: job.company.name, address: job.address });
    } catch {
      showToast('地图打开失败，请按上方地址前往', 'fail');
    }
  },
  onSimilarTap(jobId: string) {
    navigateTo('subpackages/job/pages/detail/index', { id: jobId });
  },
  onReportTap() {
    this.setData({ reportVisible: true, reportError: '' });
  },
  onReportClose() {
    this.setData({ reportVisible: false });
  },
  onReportReasonChange(value: JobReportReason | undefined) {
    this.setData({ reportReason: value ?? '', reportError: '' });
  },
  onReportTextInput(event: { detail: { value: string } }) {
    this.reportBox?.typedIn(event.detail.value);
  },
  async onReportSubmit() {
    const { jobId, reportReason } = this.data;
    const reportText = this.reportBox?.text ?? '';
    if (!reportReason) {
      this.setData({ reportError: '请选择举报原因' });
      return;
    }
    this.setData({ reportSending: true });
    const failure = await jobDetailStore.report(jobId, reportReason, reportText);
    // What the seeker typed stays when sending fails.
    this.setData({ reportSending: false, reportError: failure ?? '' });
    if (!failure) {
      this.setData({ reportVisible: false, reportReason: '' });
      this.reportBox?.show('');
      showToast('已收到举报，我们会尽快核实', 'success');
    }
  },
});
