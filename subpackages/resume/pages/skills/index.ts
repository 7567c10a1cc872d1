import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { ResumeFormSession, skillsFormSpec, type SkillsFormValues } from '../../../../stores/resume-forms';
import {
  FORM_PAGE_DATA,
  formPageFields,
  formPageHandlers,
  startFormPage,
  type FormPageThis,
} from '../../form/form-page';

const data = {
  ...FORM_PAGE_DATA,
  skillsMax: RESUME_LIMITS.skillsMax,
  skillMax: RESUME_LIMITS.skillMax,
};

type SkillsPage = FormPageThis<SkillsFormValues>;

Page({
  data,
  ...formPageFields<SkillsFormValues>(),
  ...formPageHandlers,
  onLoad() {
    startFormPage(this as SkillsPage, new ResumeFormSession(skillsFormSpec));
  },
});
