import { bindView, unbindView } from '../../stores/bind';
import { conversationsStore } from '../../stores/conversations';
import type { LoadStatus } from '../../stores/load-status';
import { stopPullDownRefresh } from '../../services/platform/ui';
import { toConversationRowView, type ConversationRowView } from '../../view-models/conversation-view';

const data = {
  status: 'idle' as LoadStatus,
  rows: [] as ConversationRowView[],
  hasMore: false,
  errorMessage: '',
  loadMoreError: '',
  skeletonRows: [1, 2, 3],
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
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
    }));
  },
  onShow() {
    // New replies may have come while the tab was hidden.
    void (conversationsStore.status === 'ready' ? conversationsStore.refresh() : conversationsStore.load());
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
});
