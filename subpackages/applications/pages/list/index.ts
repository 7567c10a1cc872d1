import type { ApplicationStatus } from '../../../../services/contracts/applications';
import { navigateTo, switchTab } from '../../../../services/platform/navigation';
import { stopPullDownRefresh } from '../../../../services/platform/ui';
import { APPLICATION_TABS, applicationsStore, type ApplicationTabKey } from '../../../../stores/applications';
import { bindView, unbindView, type ViewInstance } from '../../../../stores/bind';
import type { LoadStatus } from '../../../../stores/load-status';
import { toApplicationRowView, type ApplicationRowView } from '../../../../view-models/application-view';

const data = {
  tabs: APPLICATION_TABS.map((tab) => ({ title: tab.title })),
  tabIndex: 0,
  emptyTitle: APPLICATION_TABS[0].emptyTitle,
  status: 'idle' as LoadStatus,
  rows: [] as ApplicationRowView[],
  hasMore: false,
  errorMessage: '',
  loadMoreError: '',
  skeletonRows: [1, 2, 3],
  skeletonParagraph: { rows: 2 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  browseJobsButton: { layout: 'horizontal', list: [{ text: '去看看职位', type: 'primary' }] },
};

type ListData = typeof data;

/** The shown tab's list; the binding moves with the tab so each tab keeps its own rows. */
function bindTab(view: ViewInstance<ListData>, tab: ApplicationTabKey): void {
  bindView(view, () => {
    const list = applicationsStore.list(tab);
    return {
      status: list.status,
      rows: list.items.map((application) => toApplicationRowView(application)),
      hasMore: list.hasMore,
      errorMessage: list.errorMessage,
      loadMoreError: list.loadMoreError,
    };
  });
}

function tabIndexOf(status: string | undefined): number {
  const index = status
    ? APPLICATION_TABS.findIndex((tab) => (tab.statuses ?? []).indexOf(status as ApplicationStatus) >= 0)
    : 0;
  return index < 0 ? 0 : index;
}

Page({
  data,
  onLoad(query: Record<string, string | undefined>) {
    const tabIndex = tabIndexOf(query.status);
    this.setData({ tabIndex, emptyTitle: APPLICATION_TABS[tabIndex].emptyTitle });
    bindTab(this, APPLICATION_TABS[tabIndex].key);
  },
  onShow() {
    // Employers move applications while the seeker is away: every visit shows where they stand now.
    void applicationsStore.showTab(APPLICATION_TABS[this.data.tabIndex].key);
  },
  onUnload() {
    unbindView(this);
  },
  onTabChange(index: number) {
    const tab = APPLICATION_TABS[index];
    if (!tab || index === this.data.tabIndex) return;
    this.setData({ tabIndex: index, emptyTitle: tab.emptyTitle });
    bindTab(this, tab.key);
    void applicationsStore.showTab(tab.key);
  },
  async onPullDownRefresh() {
    await applicationsStore.list(APPLICATION_TABS[this.data.tabIndex].key).refresh();
    stopPullDownRefresh();
  },
  onReachBottom() {
    void applicationsStore.list(APPLICATION_TABS[this.data.tabIndex].key).loadMore();
  },
  onBrowseJobs() {
    switchTab('pages/jobs/index');
  },
  onRetry() {
    void applicationsStore.list(APPLICATION_TABS[this.data.tabIndex].key).load();
  },
  onLoadMore() {
    void applicationsStore.list(APPLICATION_TABS[this.data.tabIndex].key).loadMore();
  },
  onRowTap(event: { currentTarget: { dataset: { id?: string } } }) {
    const id = event.currentTarget.dataset.id;
    if (id) navigateTo('subpackages/applications/pages/detail/index', { id });
  },
});
