import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { ResumeFormSession, workFormSpec, type WorkFormValues } from '../../../../stores/resume-forms';
import {
  FORM_PAGE_DATA,
  formPageFields,
  formPageHandlers,
  startFormPage,
  type FormPageThis,
} from '../../form/form-page';

const data = {
  ...FORM_PAGE_DATA,
  companyMax: RESUME_LIMITS.companyMax,
  titleMax: RESUME_LIMITS.jobTitleMax,
  descriptionMax: RESUME_LIMITS.descriptionMax,
  earliestMonth: RESUME_LIMITS.earliestMonth,
};

type WorkPage = FormPageThis<WorkFormValues>;

/** Adds a work experience (no `id`) or edits one (`?id=`). */
Page({
  data,
  ...formPageFields<WorkFormValues>(),
  ...formPageHandlers,
  onLoad(query: Record<string, string | undefined>) {
    startFormPage(this as WorkPage, new ResumeFormSession(workFormSpec(query.id || null)));
  },
});
