import { bindView } from '../../../../stores/bind';
import { jobDetailStore } from '../../../../stores/job-detail';
import type { LoadStatus } from '../../../../stores/load-status';
import { toJobDetailView, type JobDetailView } from '../../../../utils/job-detail-view';

const data = {
  status: 'idle' as LoadStatus,
  job: null as JobDetailView | null,
  errorMessage: '',
  skeletonParagraph: { rows: 6 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
};

Page<typeof data, { jobId: string; unbind?: () => void }>({
  data,
  onLoad(query: Record<string, string | undefined>) {
    this.jobId = query.id ?? '';
    this.unbind = bindView(this, () => {
      const entry = jobDetailStore.entry(this.jobId);
      return {
        status: entry.status,
        job: entry.job ? toJobDetailView(entry.job) : null,
        errorMessage: entry.errorMessage,
      };
    });
    void jobDetailStore.load(this.jobId);
  },
  onUnload() {
    this.unbind?.();
  },
  onRetry() {
    void jobDetailStore.load(this.jobId);
  },
  onShareAppMessage() {
    const job = jobDetailStore.entry(this.jobId).job;
    return {
      title: job ? `${job.title} ${this.data.job?.salaryText ?? ''}` : '好工作推荐',
      path: `packages/job/pages/detail/index?id=${encodeURIComponent(this.jobId)}`,
    };
  },
});
