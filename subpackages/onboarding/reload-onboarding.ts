import { backTo } from '../../services/platform/navigation';
import { stopPullDownRefresh } from '../../services/platform/ui';
import { onboardingStore } from '../../stores/onboarding';

interface OnboardingPage {
  data: { applicationId: string };
}

/** An onboarding page shows the application's onboarding as the server has it now: read on show and on retry. */
export const reloadOnShow = {
  onShow(this: OnboardingPage) {
    void onboardingStore.load(this.data.applicationId);
  },
  onRetry(this: OnboardingPage) {
    void onboardingStore.load(this.data.applicationId);
  },
};

/** `reloadOnShow`, and pull-down refresh too. */
export const reloadOnShowAndPull = {
  ...reloadOnShow,
  async onPullDownRefresh(this: OnboardingPage) {
    await onboardingStore.load(this.data.applicationId);
    stopPullDownRefresh();
  },
};

/** The way on from an onboarding page whose application does not exist (a stale link): 查看我的投递. */
export const applicationsButton = { layout: 'horizontal', list: [{ text: '查看我的投递', type: 'primary' }] };

export const leaveMissing = {
  onOpenApplications() {
    backTo('subpackages/applications/pages/list/index');
  },
};
