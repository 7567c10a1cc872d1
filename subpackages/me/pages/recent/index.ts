import { navigateTo, switchTab } from '../../../../services/platform/navigation';
import { bindView, unbindView } from '../../../../stores/bind';
import { recentViewsStore } from '../../../../stores/recent-views';
import { toJobCardView, type JobCardView } from '../../../../view-models/job-view';

const data = {
  jobs: [] as JobCardView[],
  hasMore: false,
  browseJobsButton: { layout: 'horizontal', list: [{ text: '去看看职位', type: 'primary' }] },
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
  onBrowseJobs() {
    switchTab('pages/jobs/index');
  },
  onJobTap(jobId: string) {
    navigateTo('subpackages/job/pages/detail/index', { id: jobId });
  },
});
