import { HIDDEN_COMPANIES_MAX } from '../../../../services/contracts/privacy';
import { navigateBack } from '../../../../services/platform/navigation';
import { showToast } from '../../../../services/platform/ui';
import { RESUME_OVERVIEW } from '../../form/draft-form';
import { bindView, unbindView } from '../../../../stores/bind';
import type { LoadStatus } from '../../../../stores/load-status';
import { privacyStore } from '../../../../stores/privacy';

interface CompanyRow {
  id: string;
  name: string;
  hidden: boolean;
}

const data = {
  /** What hiding does: the server refuses an application to a hidden company. */
  intro: '被屏蔽的公司看不到你的简历，你也不能投递它的职位（要投递请先取消屏蔽）。手机号只有在你同意后才会告知HR。',
  status: 'idle' as LoadStatus,
  errorMessage: '',
  companies: [] as CompanyRow[],
  hiddenCountText: '',
  dirty: false,
  saving: false,
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
};

/** 隐私设置: hide the resume from chosen companies (from the seeker's applications and saved jobs). */
Page({
  data,
  onLoad() {
    bindView(this, () => ({
      status: privacyStore.status,
      errorMessage: privacyStore.errorMessage,
      companies: privacyStore.companies.map((company) => ({
        id: company.id,
        name: company.name,
        hidden: privacyStore.hiddenIds.indexOf(company.id) >= 0,
      })),
      hiddenCountText: privacyStore.hiddenIds.length
        ? `已屏蔽${privacyStore.hiddenIds.length}家公司（最多${HIDDEN_COMPANIES_MAX}家）`
        : '',
      dirty: privacyStore.dirty,
      saving: privacyStore.saving,
    }));
    void privacyStore.load();
  },
  onUnload() {
    unbindView(this);
  },
  onRetry() {
    void privacyStore.load();
  },
  onCompanyTap(event: { currentTarget: { dataset: { id?: string } } }) {
    const id = event.currentTarget.dataset.id;
    if (!id) return;
    const failure = privacyStore.toggle(id);
    if (failure) showToast(failure, 'fail');
  },
  async onSave() {
    const failure = await privacyStore.save();
    if (failure) {
      showToast(failure, 'fail');
      return;
    }
    showToast('已保存', 'success');
    navigateBack(RESUME_OVERVIEW);
  },
});
