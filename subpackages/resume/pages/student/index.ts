import type { FromItemRef } from 'antd-mini/es/Form/form';
import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { studentRules } from '../../../../services/contracts/trust-rules';
import type { StudentRequest } from '../../../../services/contracts/trust';
import { navigateBack } from '../../../../services/platform/navigation';
import { showToast } from '../../../../services/platform/ui';
import { bindView, unbindView } from '../../../../stores/bind';
import { resumeStore } from '../../../../stores/resume';
import { trustStore } from '../../../../stores/trust';
import { enrollmentYearOptions } from '../../../../view-models/resume-view';
import { DraftForm, FIX_FIELDS_MESSAGE, reportFailure } from '../../form/draft-form';

const data = {
  submitting: false,
  schoolMax: RESUME_LIMITS.schoolMax,
  yearOptions: enrollmentYearOptions(),
};

/** 学生认证: school and enrollment year, checked with the shared rules. */
Page({
  data,
  /** Set in onLoad. */
  form: null as unknown as DraftForm<Record<string, unknown>>,
  onLoad() {
    const educations = resumeStore.resume ? resumeStore.resume.educations : [];
    const school = educations.length ? educations[0].school : '';
    this.form = new DraftForm(studentRules, { initialValues: { school } });
    bindView(this, () => ({ submitting: trustStore.submitting === 'student' }));
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
    const values = this.form.values() as Partial<StudentRequest>;
    const outcome = await trustStore.submitStudent({
      school: values.school ?? '',
      enrollmentYear: values.enrollmentYear as number,
    });
    if (!outcome.ok) {
      reportFailure(this.form, outcome);
      return;
    }
    showToast('已提交，审核通过后自动点亮学生认证', 'success');
    navigateBack();
  },
});
