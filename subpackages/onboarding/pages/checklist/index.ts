import type { DocumentKind } from '../../../../services/contracts/onboarding';
import { showToast } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import type { LoadStatus } from '../../../../stores/load-status';
import { onboardingStore } from '../../../../stores/onboarding';
import { applicationsButton, leaveMissing, reloadOnShowAndPull } from '../../reload-onboarding';
import { formatUploadFileName } from '../../../../format';
import { documentsProgressText, toDocumentItems, type DocumentItemView } from '../../../../view-models/onboarding-view';

const data = {
  applicationId: '',
  status: 'idle' as LoadStatus,
  loaded: false,
  documents: [] as DocumentItemView[],
  leftText: '',
  errorMessage: '',
  skeletonParagraph: { rows: 6 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
  applicationsButton,
};

/** The offer's checklist: each item uploaded with progress, reviewed by the HR; what is left always shows. */
Page({
  data,
  ...leaveMissing,
  ...reloadOnShowAndPull,
  onLoad(query: Record<string, string | undefined>) {
    const applicationId = query.applicationId ?? '';
    this.setData({ applicationId });
    bindView(this, () => {
      const entry = onboardingStore.entry(applicationId);
      const documents = entry.onboarding
        ? toDocumentItems(entry.onboarding, (kind) => onboardingStore.upload(applicationId, kind))
        : [];
      return {
        status: entry.status,
        loaded: !!entry.onboarding,
        documents,
        leftText: documentsProgressText(entry.onboarding?.documents ?? []),
        errorMessage: entry.errorMessage,
      };
    });
  },
  onUnload() {
    unbindView(this);
  },
  async onUpload(event: { currentTarget: { dataset: { kind: DocumentKind } } }) {
    const failure = await onboardingStore.uploadDocument(
      this.data.applicationId,
      event.currentTarget.dataset.kind,
      formatUploadFileName(),
    );
    if (failure) showToast(failure, 'fail');
  },
});
