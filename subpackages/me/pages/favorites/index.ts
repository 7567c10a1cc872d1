import { navigateTo } from '../../../../services/platform/navigation';
import { stopPullDownRefresh } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import { favoritesStore } from '../../../../stores/favorites';
import type { LoadStatus } from '../../../../stores/load-status';
import { toJobCardView, type JobCardView } from '../../../../view-models/job-view';

const data = {
  status: 'idle' as LoadStatus,
  jobs: [] as JobCardView[],
  hasMore: false,
  errorMessage: '',
  loadMoreError: '',
  skeletonRows: [1, 2, 3],
  skeletonParagraph: { rows: 2 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
};

Page({
  data,
  onLoad() {
    const list = favoritesStore.list;
    bindView(this, () => ({
      status: list.status,
      // A job un-starred on its detail page leaves this list at once.
      jobs: list.items.filter((f) => favoritesStore.isFavorited(f.job.id)).map((f) => toJobCardView(f.job)),
      hasMore: list.hasMore,
      errorMessage: list.errorMessage,
      loadMoreError: list.loadMoreError,
    }));
  },
  onShow() {
    void favoritesStore.loadList();
  },
  onUnload() {
    unbindView(this);
  },
  async onPullDownRefresh() {
    await favoritesStore.list.refresh();
    stopPullDownRefresh();
  },
  onReachBottom() {
    void favoritesStore.list.loadMore();
  },
  onRetry() {
    void favoritesStore.loadList();
  },
  onLoadMore() {
    void favoritesStore.list.loadMore();
  },
  onJobTap(jobId: string) {
    navigateTo('subpackages/job/pages/detail/index', { id: jobId });
  },
});
