import { bindView, unbindView } from '../../stores/bind';
import { jobFeedStore } from '../../stores/job-feed';
import type { LoadStatus } from '../../stores/load-status';
import { navigateTo } from '../../services/platform/navigation';
import { stopPullDownRefresh } from '../../services/platform/ui';
import { toJobCardView, type JobCardView } from '../../utils/job-view';

const data = {
  status: 'idle' as LoadStatus,
  jobs: [] as JobCardView[],
  hasMore: false,
  errorMessage: '',
  loadingMore: false,
  loadMoreError: '',
  skeletonRows: [1, 2, 3, 4],
  skeletonParagraph: { rows: 2 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
};

Page({
  data,
  onLoad() {
    bindView(this, () => ({
      status: jobFeedStore.status,
      jobs: jobFeedStore.items.map((job) => toJobCardView(job)),
      hasMore: jobFeedStore.hasMore,
      errorMessage: jobFeedStore.errorMessage,
      loadingMore: jobFeedStore.loadingMore,
      loadMoreError: jobFeedStore.loadMoreError,
    }));
    if (jobFeedStore.status === 'idle') void jobFeedStore.load();
  },
  onUnload() {
    unbindView(this);
  },
  async onPullDownRefresh() {
    await jobFeedStore.refresh();
    stopPullDownRefresh();
  },
  onReachBottom() {
    void jobFeedStore.loadMore();
  },
  onRetry() {
    void jobFeedStore.load();
  },
  onLoadMore() {
    void jobFeedStore.loadMore();
  },
  onJobTap(jobId: string) {
    void navigateTo('packages/job/pages/detail/index', { id: jobId });
  },
});
