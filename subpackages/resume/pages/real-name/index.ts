import type { FromItemRef } from 'antd-mini/es/Form/form';
import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { realNameRules } from '../../../../services/contracts/trust-rules';
import type { RealNameRequest } from '../../../../services/contracts/trust';
import { navigateBack } from '../../../../services/platform/navigation';
import { showToast } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import { resumeStore } from '../../../../stores/resume';
import { trustStore } from '../../../../stores/trust';
import { DraftForm, FIX_FIELDS_MESSAGE, reportFailure } from '../../form/draft-form';

const data = {
  submitting: false,
  nameMax: RESUME_LIMITS.nameMax,
};

/**
 * 实名认证: real name and ID number, checked on the phone with the shared rules (checksum included). The ID
 * number is never kept on the device: this form has no draft.
 */
Page({
  data,
  /** Set in onLoad. */
  form: null as unknown as DraftForm<Record<string, unknown>>,
  onLoad() {
    // The check passes only when the name matches the resume's, so start from it.
    this.form = new DraftForm(realNameRules, { initialValues: { name: resumeStore.resume?.basic?.name ?? '' } });
    bindView(this, () => ({ submitting: trustStore.submitting === 'realName' }));
  },
  onUnload() {
    unbindView(this);
    this.form.dispose();
  },
  handleRef(ref: FromItemRef) {
    this.form.addItem(ref);
  },
  async onSubmit() {
    if (!(await this.form.validate())) {
      showToast(FIX_FIELDS_MESSAGE);
      return;
    }
    const values = this.form.values() as Partial<RealNameRequest>;
    const outcome = await trustStore.submitRealName({ name: values.name ?? '', idNumber: values.idNumber ?? '' });
    if (!outcome.ok) {
      reportFailure(this.form, outcome);
      return;
    }
    showToast('已提交，审核通过后自动点亮实名认证', 'success');
    navigateBack();
  },
});
