import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { getPhoneNumber } from '../../../../services/platform/phone';
import { showToast } from '../../../../services/platform/ui';
import { resumeStore } from '../../../../stores/resume';
import {
  authorizePhoneInto,
  basicFormSpec,
  ResumeFormSession,
  type BasicFormValues,
} from '../../../../stores/resume-forms';
import {
  birthYearOptions,
  GENDER_OPTIONS,
  typicalBirthYear,
  WORK_STATUS_OPTIONS,
} from '../../../../view-models/resume-view';
import type { PickedCity } from '../../../../components/city-field/props';
import { reportFailure } from '../../form/draft-form';
import {
  FORM_PAGE_DATA,
  formPageFields,
  formPageHandlers,
  startFormPage,
  type FormPageThis,
} from '../../form/form-page';

const data = {
  ...FORM_PAGE_DATA,
  /** City name by code for the city field. */
  cityNames: {} as Record<string, string>,
  /** The number in the form is the one verified through Alipay. */
  phoneVerified: false,
  authorizingPhone: false,
  genderOptions: GENDER_OPTIONS,
  statusOptions: WORK_STATUS_OPTIONS,
  birthYearOptions: birthYearOptions(),
  birthYearOpenAt: typicalBirthYear(),
  nameMax: RESUME_LIMITS.nameMax,
  emailMax: RESUME_LIMITS.emailMax,
};

type BasicPage = FormPageThis<BasicFormValues>;

Page({
  data,
  ...formPageFields<BasicFormValues>(),
  ...formPageHandlers,
  onLoad() {
    const session = new ResumeFormSession(basicFormSpec);
    startFormPage(this as BasicPage, session, () => {
      const { values } = session.draft;
      const resume = resumeStore.resume;
      return {
        cityNames: values.cityCode ? { [values.cityCode]: values.cityName } : {},
        phoneVerified: !!resume && resume.phoneVerified && !!values.phone && values.phone === resume.phone,
        authorizingPhone: session.updating,
      };
    });
  },
  onCityPick(city: PickedCity) {
    this.session.change({ cityName: city.cityName });
  },
  onCityPickFail(message: string) {
    showToast(message, 'fail');
  },
  /** The seeker agreed on `<button open-type="getAuthorize" scope="phoneNumber">`. */
  async onPhoneAuthorize() {
    let response: string;
    try {
      response = await getPhoneNumber();
    } catch {
      showToast('没有获取到支付宝手机号，请稍后重试', 'fail');
      return;
    }
    const outcome = await authorizePhoneInto(this.session, response);
    if (outcome.ok) showToast('已使用支付宝绑定的手机号', 'success');
    else reportFailure(this.form, outcome);
  },
  /** The seeker refused, or the client could not ask. */
  onPhoneAuthorizeError() {
    showToast('未授权手机号：投递需要用支付宝验证的手机号', 'none');
  },
});
