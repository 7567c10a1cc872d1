import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { ResumeFormSession, selfIntroFormSpec, type SelfIntroFormValues } from '../../../../stores/resume-forms';
import {
  FORM_PAGE_DATA,
  formPageFields,
  formPageHandlers,
  startFormPage,
  type FormPageThis,
} from '../../form/form-page';

const data = {
  ...FORM_PAGE_DATA,
  selfIntroMax: RESUME_LIMITS.selfIntroMax,
};

type IntroPage = FormPageThis<SelfIntroFormValues>;

Page({
  data,
  ...formPageFields<SelfIntroFormValues>(),
  ...formPageHandlers,
  onLoad() {
    startFormPage(this as IntroPage, new ResumeFormSession(selfIntroFormSpec));
  },
});
