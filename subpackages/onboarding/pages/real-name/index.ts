import { navigateBack } from '../../../../services/platform/navigation';
import { showToast } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import { onboardingStore } from '../../../../stores/onboarding';

const data = {
  applicationId: '',
  certName: '',
  certNo: '',
  certNameError: '',
  certNoError: '',
  errorMessage: '',
  certifying: false,
};

/**
 * 实名认证 for signing (opened from the contract): name and ID number (checked here with the shared rules), then Alipay's face check
 * (`startBizService` 'open-certify'); the server's query decides. Nothing typed is kept on the device.
 */
Page({
  data,
  onLoad(query: Record<string, string | undefined>) {
    const applicationId = query.applicationId ?? '';
    this.setData({ applicationId });
    bindView(this, () => ({ certifying: onboardingStore.entry(applicationId).acting === 'certify' }));
  },
  onUnload() {
    unbindView(this);
  },
  onNameInput(event: { detail: { value: string } }) {
    this.setData({ certName: event.detail.value, certNameError: '', errorMessage: '' });
  },
  onNumberInput(event: { detail: { value: string } }) {
    this.setData({ certNo: event.detail.value, certNoError: '', errorMessage: '' });
  },
  async onSubmit() {
    const outcome = await onboardingStore.certify(this.data.applicationId, this.data.certName, this.data.certNo);
    if (outcome.ok) {
      showToast('实名认证通过', 'success');
      // Back to the contract, which now offers the signature pad.
      navigateBack();
      return;
    }
    const messageFor = (path: string) => outcome.fields.find((field) => field.path === path)?.message ?? '';
    this.setData({
      certNameError: messageFor('certName'),
      certNoError: messageFor('certNo'),
      errorMessage: outcome.fields.length ? '' : outcome.message,
    });
  },
});
