import { bindView, unbindView } from '../../stores/bind';
import { chatStore } from '../../stores/chat';
import { conversationsStore } from '../../stores/conversations';
import type { LoadStatus } from '../../stores/load-status';
import { navigateTo, switchTab } from '../../services/platform/navigation';
import { stopPullDownRefresh } from '../../services/platform/ui';
import { toConversationRowView, type ConversationRowView } from '../../view-models/conversation-view';

const data = {
  status: 'idle' as LoadStatus,
  rows: [] as ConversationRowView[],
  hasMore: false,
  errorMessage: '',
  loadMoreError: '',
  unreadOnly: false,
  unreadTotalText: '',
  skeletonRows: [1, 2, 3],
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  browseJobsButton: { layout: 'horizontal', list: [{ text: '去看看职位', type: 'primary' }] },
};

Page({
  data,
  onLoad() {
    bindView(this, () => ({
      status: conversationsStore.status,
      rows: conversationsStore.items.map((c) => toConversationRowView(c)),
      hasMore: conversationsStore.hasMore,
      errorMessage: conversationsStore.errorMessage,
      loadMoreError: conversationsStore.loadMoreError,
      unreadOnly: conversationsStore.query.unreadOnly,
      unreadTotalText:
        chatStore.unreadTotal > 0 ? `（${chatStore.unreadTotal > 99 ? '99+' : chatStore.unreadTotal}）` : '',
    }));
  },
  onShow() {
    // New replies may have come while the tab was hidden.
    void (conversationsStore.status === 'ready' ? conversationsStore.refresh() : conversationsStore.load());
    void chatStore.refreshUnreadTotal();
  },
  onBrowseJobs() {
    switchTab('pages/jobs/index');
  },
  onUnload() {
    unbindView(this);
  },
  async onPullDownRefresh() {
    await conversationsStore.refresh();
    stopPullDownRefresh();
  },
  onReachBottom() {
    void conversationsStore.loadMore();
  },
  onRetry() {
    void conversationsStore.load();
  },
  onLoadMore() {
    void conversationsStore.loadMore();
  },
  onFilterAll() {
    if (conversationsStore.query.unreadOnly) void conversationsStore.load({ unreadOnly: false });
  },
  onFilterUnread() {
    if (!conversationsStore.query.unreadOnly) void conversationsStore.load({ unreadOnly: true });
  },
  onOpenConversation(event: { currentTarget: { dataset: { id: string } } }) {
    navigateTo('subpackages/chat/pages/conversation/index', { id: event.currentTarget.dataset.id });
  },
});
