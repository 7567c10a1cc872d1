import { confirm } from '../../../../services/platform/dialog';
import { backTo, navigateTo } from '../../../../services/platform/navigation';
import { whenOnline } from '../../../../services/platform/network';
import { showToast, stopPullDownRefresh } from '../../../../services/platform/ui';
import { applicationsStore } from '../../../../stores/applications';
import { bindView, unbindView } from '../../../../stores/bind';
import { recordedInterviewStore } from '../../../../stores/recorded-interview';
import type { LoadStatus } from '../../../../stores/load-status';
import { toApplicationDetailView, type ApplicationDetailView } from '../../../../view-models/application-view';
import { toRecordedInviteView, type RecordedInviteView } from '../../../../view-models/recorded-interview-view';

const data = {
  id: '',
  status: 'idle' as LoadStatus,
  application: null as ApplicationDetailView | null,
  errorMessage: '',
  withdrawing: false,
  /** An offer came (录用 or 已入职): its page shows the terms and the steps to 已入职. */
  hasOffer: false,
  recordedInvite: null as RecordedInviteView | null,
  skeletonParagraph: { rows: 6 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  listButton: { layout: 'horizontal', list: [{ text: '查看我的投递', type: 'primary' }] },
};

Page({
  data,
  stopWatchingNetwork: null as (() => void) | null,
  onLoad(query: Record<string, string | undefined>) {
    const id = query.id ?? '';
    this.setData({ id });
    // A load that failed (offline, weak signal) is tried again as soon as the network is back.
    this.stopWatchingNetwork = whenOnline(() => {
      if (applicationsStore.detailEntry(id).status === 'error') void applicationsStore.loadDetail(id);
    });
    bindView(this, () => {
      const entry = applicationsStore.detailEntry(id);
      return {
        status: entry.status,
        application: entry.detail ? toApplicationDetailView(entry.detail) : null,
        errorMessage: entry.errorMessage,
        withdrawing: entry.withdrawing,
        hasOffer: entry.detail?.status === 'offer' || entry.detail?.status === 'hired',
        recordedInvite: toRecordedInviteView(recordedInterviewStore.inviteFor(id)),
      };
    });
  },
  onShow() {
    // The employer may have moved it while the seeker was away; what is shown stays until the answer comes.
    void applicationsStore.loadDetail(this.data.id);
    void recordedInterviewStore.loadInvites();
  },
  onUnload() {
    unbindView(this);
    this.stopWatchingNetwork?.();
  },
  async onPullDownRefresh() {
    await applicationsStore.loadDetail(this.data.id);
    stopPullDownRefresh();
  },
  onRetry() {
    void applicationsStore.loadDetail(this.data.id);
  },
  onOpenList() {
    backTo('subpackages/applications/pages/list/index');
  },
  onOfferTap() {
    navigateTo('subpackages/onboarding/pages/offer/index', { applicationId: this.data.id });
  },
  onRecordedInterviewTap() {
    const invite = this.data.recordedInvite;
    if (invite) navigateTo('subpackages/recorded-interview/pages/answer/index', { id: invite.id });
  },
  onJobTap(jobId: string) {
    navigateTo('subpackages/job/pages/detail/index', { id: jobId });
  },
  async onSharePhoneTap() {
    const confirmed = await confirm({
      title: '发送手机号',
      content: '同意后，这家公司的 HR 可以看到你的完整手机号并联系你。',
      confirmButtonText: '同意发送',
      cancelButtonText: '暂不',
    });
    if (!confirmed) return;
    const failure = await applicationsStore.sharePhone(this.data.id);
    showToast(failure ?? '已发送给HR', failure ? 'fail' : 'success');
  },
  async onWithdrawTap() {
    const confirmed = await confirm({
      title: '撤回投递',
      content: '撤回后HR将不再处理这份投递，且不能再次投递该职位。确定撤回吗？',
      confirmButtonText: '撤回',
      cancelButtonText: '再想想',
    });
    if (!confirmed) return;
    const failure = await applicationsStore.withdraw(this.data.id);
    if (failure) showToast(failure, 'fail');
    else showToast('已撤回投递', 'success');
  },
});
