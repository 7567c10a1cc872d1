import { confirm } from '../../../../services/platform/dialog';
import { navigateTo } from '../../../../services/platform/navigation';
import { showToast } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import type { LoadStatus } from '../../../../stores/load-status';
import { onboardingStore, type OnboardingAction } from '../../../../stores/onboarding';
import { applicationsButton, leaveMissing, reloadOnShowAndPull } from '../../reload-onboarding';
import {
  toOfferView,
  toOnboardingSteps,
  type OfferView,
  type OnboardingStepView,
} from '../../../../view-models/onboarding-view';

const data = {
  applicationId: '',
  status: 'idle' as LoadStatus,
  offer: null as OfferView | null,
  steps: [] as OnboardingStepView[],
  remainingText: '',
  contractSigned: false,
  errorMessage: '',
  acting: null as OnboardingAction | null,
  opening: false,
  declining: false,
  declineReason: '',
  declineError: '',
  skeletonParagraph: { rows: 8 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  applicationsButton,
};

const STEP_PAGES: Record<OnboardingStepView['key'], string> = {
  sign: 'subpackages/onboarding/pages/sign/index',
  documents: 'subpackages/onboarding/pages/checklist/index',
  'first-day': 'subpackages/onboarding/pages/first-day/index',
  shifts: 'subpackages/onboarding/pages/shifts/index',
};

/** 录用通知: the offer's terms, accept or decline with a reason, then the steps to 已入职. */
Page({
  data,
  ...leaveMissing,
  ...reloadOnShowAndPull,
  onLoad(query: Record<string, string | undefined>) {
    const applicationId = query.applicationId ?? '';
    this.setData({ applicationId });
    bindView(this, () => {
      const entry = onboardingStore.entry(applicationId);
      const onboarding = entry.onboarding;
      return {
        status: entry.status,
        offer: onboarding ? toOfferView(onboarding) : null,
        steps: onboarding ? toOnboardingSteps(onboarding) : [],
        remainingText: onboarding ? onboarding.remaining.join('、') : '',
        contractSigned: onboarding?.contract?.status === 'signed',
        errorMessage: entry.errorMessage,
        acting: entry.acting,
        opening: entry.acting === 'open-contract',
      };
    });
  },
  onUnload() {
    unbindView(this);
  },
  async onAccept() {
    const confirmed = await confirm({
      title: '接受录用',
      content: '接受后将为你生成电子合同，完成实名认证后即可签署。',
      confirmButtonText: '接受',
      cancelButtonText: '再想想',
    });
    if (!confirmed) return;
    const outcome = await onboardingStore.accept(this.data.applicationId);
    if (outcome.ok) showToast('已接受录用，请签署电子合同', 'success');
    else if (outcome.message) showToast(outcome.message, 'fail');
  },
  onDecline() {
    this.setData({ declining: true, declineError: '' });
  },
  onCancelDecline() {
    // What was typed stays, should the seeker come back to it.
    this.setData({ declining: false, declineError: '' });
  },
  onReasonInput(event: { detail: { value: string } }) {
    this.setData({ declineReason: event.detail.value, declineError: '' });
  },
  async onConfirmDecline() {
    const outcome = await onboardingStore.decline(this.data.applicationId, this.data.declineReason);
    if (outcome.ok) {
      this.setData({ declining: false });
      showToast('已拒绝录用，HR会看到你的原因');
    } else if (outcome.message) {
      const field = outcome.fields.find((item) => item.path === 'reason');
      if (field) this.setData({ declineError: field.message });
      else showToast(outcome.message, 'fail');
    }
  },
  onStepTap(event: { currentTarget: { dataset: { key: OnboardingStepView['key'] } } }) {
    navigateTo(STEP_PAGES[event.currentTarget.dataset.key], { applicationId: this.data.applicationId });
  },
  async onOpenContract() {
    const failure = await onboardingStore.openContract(this.data.applicationId);
    if (failure) showToast(failure, 'fail');
  },
});
