import { navigateTo, switchTab } from '../../../../services/platform/navigation';
import { whenOnline } from '../../../../services/platform/network';
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
  browseJobsButton: { layout: 'horizontal', list: [{ text: '去看看职位', type: 'primary' }] },
};

Page({
  data,
  stopWatchingNetwork: null as (() => void) | null,
  onLoad() {
    const list = favoritesStore.list;
    // A load that failed (offline, weak signal) is tried again as soon as the network is back, a reload
    // that failed with the list still shown too.
    this.stopWatchingNetwork = whenOnline(() => {
      if (list.errorMessage) void favoritesStore.loadList();
    });
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
    this.stopWatchingNetwork?.();
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
  onBrowseJobs() {
    switchTab('pages/jobs/index');
  },
  onJobTap(jobId: string) {
    navigateTo('subpackages/job/pages/detail/index', { id: jobId });
  },
});
