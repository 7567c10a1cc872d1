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
