import { createSignaturePad, type SignaturePad } from '../../../../services/platform/canvas';
import { navigateBack, navigateTo } from '../../../../services/platform/navigation';
import { showToast } from '../../../../services/platform/ui';
import { applicationsButton, leaveMissing } from '../../reload-onboarding';
import { bindView, unbindView } from '../../../../stores/bind';
import type { LoadStatus } from '../../../../stores/load-status';
import { onboardingStore } from '../../../../stores/onboarding';
import { toContractView, type ContractView } from '../../../../view-models/onboarding-view';

/** The pad in canvas pixels (the canvas is 654 × 300 rpx: at 750 rpx a screen, about this many px). */
const CANVAS_WIDTH = 327;
const CANVAS_HEIGHT = 150;

const data = {
  applicationId: '',
  status: 'idle' as LoadStatus,
  contract: null as ContractView | null,
  certifiedText: '',
  errorMessage: '',
  signError: '',
  signing: false,
  hasStrokes: false,
  canvasWidth: CANVAS_WIDTH,
  canvasHeight: CANVAS_HEIGHT,
  skeletonParagraph: { rows: 8 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  applicationsButton,
};

type TouchEvent = { touches: { x: number; y: number }[] };

/** The contract's key terms, and the seeker's handwritten signature on `<canvas>` once real-name passed. */
Page({
  data,
  ...leaveMissing,
  pad: null as SignaturePad | null,
  viewed: false,
  onLoad(query: Record<string, string | undefined>) {
    const applicationId = query.applicationId ?? '';
    this.setData({ applicationId });
    bindView(this, () => {
      const entry = onboardingStore.entry(applicationId);
      const certification = onboardingStore.certification;
      return {
        status: entry.status,
        contract: entry.onboarding ? toContractView(entry.onboarding) : null,
        certifiedText: certification ? `已实名：${certification.certName} ${certification.certNoMasked}` : '',
        errorMessage: entry.errorMessage,
        signing: entry.acting === 'sign',
      };
    });
  },
  onShow() {
    void onboardingStore.load(this.data.applicationId).then(() => {
      const flowId = onboardingStore.entry(this.data.applicationId).onboarding?.contract?.flowId;
      if (flowId && !this.viewed) {
        this.viewed = true;
        void onboardingStore.markContractViewed(flowId);
      }
    });
  },
  onUnload() {
    unbindView(this);
  },
  onRetry() {
    void onboardingStore.load(this.data.applicationId);
  },
  onCertify() {
    navigateTo('subpackages/onboarding/pages/real-name/index', { applicationId: this.data.applicationId });
  },
  padOf(): SignaturePad {
    this.pad ??= createSignaturePad('signature');
    return this.pad;
  },
  onTouchStart(event: TouchEvent) {
    const touch = event.touches[0];
    if (touch) this.padOf().begin(touch.x, touch.y);
  },
  onTouchMove(event: TouchEvent) {
    const touch = event.touches[0];
    if (!touch) return;
    this.padOf().extend(touch.x, touch.y);
    if (!this.data.hasStrokes) this.setData({ hasStrokes: true, signError: '' });
  },
  onClear() {
    this.padOf().clear(CANVAS_WIDTH, CANVAS_HEIGHT);
    this.setData({ hasStrokes: false });
  },
  async onSign() {
    if (!this.data.hasStrokes) {
      this.setData({ signError: '请先在签名框内手写签名' });
      return;
    }
    let signature: string;
    try {
      signature = await this.padOf().toPngBase64(CANVAS_WIDTH, CANVAS_HEIGHT);
    } catch {
      this.setData({ signError: '签名读取失败，请清除后重签' });
      return;
    }
    const outcome = await onboardingStore.sign(this.data.applicationId, signature);
    if (outcome.ok) {
      showToast('签署成功，等待企业会签', 'success');
      navigateBack();
    } else if (outcome.message) {
      this.setData({ signError: outcome.message });
    }
  },
});
