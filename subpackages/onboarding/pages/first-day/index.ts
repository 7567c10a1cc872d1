import { CHECK_IN_RADIUS_M } from '../../../../services/contracts/onboarding';
import { makePhoneCall } from '../../../../services/platform/contact';
import { openLocation } from '../../../../services/platform/location';
import { showToast } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import type { LoadStatus } from '../../../../stores/load-status';
import { onboardingStore } from '../../../../stores/onboarding';
import { applicationsButton, leaveMissing, reloadOnShow } from '../../reload-onboarding';
import { formatDateTime, formatMetres } from '../../../../format';
import { toOfferView, type OfferView } from '../../../../view-models/onboarding-view';

const data = {
  applicationId: '',
  status: 'idle' as LoadStatus,
  offer: null as OfferView | null,
  checkedInText: '',
  blockedText: '',
  checkInError: '',
  errorMessage: '',
  checkingIn: false,
  radius: CHECK_IN_RADIUS_M,
  skeletonParagraph: { rows: 6 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  applicationsButton,
};

/** 报到: when and where (the map), whom to call, what to bring; checking in on the spot makes 已入职. */
Page({
  data,
  ...leaveMissing,
  ...reloadOnShow,
  onLoad(query: Record<string, string | undefined>) {
    const applicationId = query.applicationId ?? '';
    this.setData({ applicationId });
    bindView(this, () => {
      const entry = onboardingStore.entry(applicationId);
      const onboarding = entry.onboarding;
      const checkIn = onboarding?.checkIn;
      return {
        status: entry.status,
        offer: onboarding ? toOfferView(onboarding) : null,
        checkedInText: checkIn
          ? `已入职 · ${formatDateTime(checkIn.at)}签到（距报到地点${formatMetres(checkIn.distanceM)}）`
          : '',
        // Checking in needs the contract both sides signed; the documents may follow.
        blockedText: onboarding && onboarding.contract?.status !== 'signed' ? '双方签署电子合同' : '',
        errorMessage: entry.errorMessage,
        checkingIn: entry.acting === 'check-in',
      };
    });
  },
  onUnload() {
    unbindView(this);
  },
  async onOpenMap() {
    const offer = onboardingStore.entry(this.data.applicationId).onboarding?.offer;
    if (!offer) return;
    try {
      await openLocation({
        latitude: offer.place.latitude,
        longitude: offer.place.longitude,
        name: offer.company,
        address: offer.place.address,
      });
    } catch {
      showToast('地图打开失败，请稍后重试', 'fail');
    }
  },
  async onCall() {
    const offer = onboardingStore.entry(this.data.applicationId).onboarding?.offer;
    if (!offer) return;
    try {
      await makePhoneCall(offer.contact.phone);
    } catch {
      showToast('无法拨打电话，请手动拨打', 'fail');
    }
  },
  async onCheckIn() {
    this.setData({ checkInError: '' });
    const outcome = await onboardingStore.checkIn(this.data.applicationId);
    if (outcome.ok) showToast('签到成功，欢迎入职', 'success');
    else if (outcome.message) this.setData({ checkInError: outcome.message });
  },
});
