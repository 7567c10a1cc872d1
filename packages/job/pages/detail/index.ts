import { bindView, unbindView } from '../../../../stores/bind';
import { jobDetailStore } from '../../../../stores/job-detail';
import type { LoadStatus } from '../../../../stores/load-status';
import { toJobDetailView, type JobDetailView } from '../../../../utils/job-detail-view';

const data = {
  jobId: '',
  status: 'idle' as LoadStatus,
  job: null as JobDetailView | null,
  errorMessage: '',
  skeletonParagraph: { rows: 6 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
};

Page({
  data,
  onLoad(query: Record<string, string | undefined>) {
    const jobId = query.id ?? '';
    this.setData({ jobId });
    bindView(this, () => {
      const entry = jobDetailStore.entry(jobId);
      return {
        status: entry.status,
        job: entry.job ? toJobDetailView(entry.job) : null,
        errorMessage: entry.errorMessage,
      };
    });
    void jobDetailStore.load(jobId);
  },
  onUnload() {
    unbindView(this);
  },
  onRetry() {
    void jobDetailStore.load(this.data.jobId);
  },
  onShareAppMessage() {
    const { jobId, job } = this.data;
    return {
      title: job ? `${job.title} ${job.salaryText}` : '好工作推荐',
      path: `packages/job/pages/detail/index?id=${encodeURIComponent(jobId)}`,
    };
  },
});
