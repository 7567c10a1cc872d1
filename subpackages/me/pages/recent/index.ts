import { navigateTo } from '../../../../services/platform/navigation';
import { bindView, unbindView } from '../../../../stores/bind';
import { recentViewsStore } from '../../../../stores/recent-views';
import { toJobCardView, type JobCardView } from '../../../../view-models/job-view';

const data = {
  jobs: [] as JobCardView[],
  hasMore: false,
};

Page({
  data,
  onLoad() {
    recentViewsStore.resetPaging();
    bindView(this, () => ({
      jobs: recentViewsStore.shown.map((view) => toJobCardView(view.job)),
      hasMore: recentViewsStore.hasMore,
    }));
  },
  onUnload() {
    unbindView(this);
  },
  onReachBottom() {
    recentViewsStore.showMore();
  },
  onLoadMore() {
    recentViewsStore.showMore();
  },
  onJobTap(jobId: string) {
    navigateTo('subpackages/job/pages/detail/index', { id: jobId });
  },
});
