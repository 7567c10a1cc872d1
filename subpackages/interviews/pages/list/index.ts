import { navigateTo } from '../../../../services/platform/navigation';
import { stopPullDownRefresh } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import { interviewsStore } from '../../../../stores/interviews';
import type { LoadStatus } from '../../../../stores/load-status';
import { splitInterviews, type InterviewRowView } from '../../../../view-models/interview-view';

const DETAIL_ROUTE = 'subpackages/interviews/pages/detail/index';

Page({
  data: {
    status: 'idle' as LoadStatus,
    upcoming: [] as InterviewRowView[],
    past: [] as InterviewRowView[],
    errorMessage: '',
    skeletonParagraph: { rows: 4 },
    retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  },
  countdownTimer: null as ReturnType<typeof setInterval> | null,
  onLoad() {
    bindView(this, () => {
      const { upcoming, past } = splitInterviews(interviewsStore.items, interviewsStore.now());
      return { status: interviewsStore.listStatus, upcoming, past, errorMessage: interviewsStore.listError };
    });
  },
  onShow() {
    void interviewsStore.loadList();
    // Countdowns move every second while the page shows; the timer stops when it hides.
    this.stopCountdown();
    this.countdownTimer = setInterval(() => interviewsStore.tick(), 1000);
  },
  onHide() {
    this.stopCountdown();
  },
  onUnload() {
    this.stopCountdown();
    unbindView(this);
  },
  async onPullDownRefresh() {
    await interviewsStore.loadList();
    stopPullDownRefresh();
  },
  onRetry() {
    void interviewsStore.loadList();
  },
  onRowTap(event: { currentTarget: { dataset: { id?: string } } }) {
    const { id } = event.currentTarget.dataset;
    if (id) navigateTo(DETAIL_ROUTE, { id });
  },
  stopCountdown() {
    if (this.countdownTimer) clearInterval(this.countdownTimer);
    this.countdownTimer = null;
  },
});
