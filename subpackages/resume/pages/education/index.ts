import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { educationFormSpec, ResumeFormSession, type EducationFormValues } from '../../../../stores/resume-forms';
import { DEGREE_OPTIONS } from '../../../../view-models/resume-view';
import {
  FORM_PAGE_DATA,
  formPageFields,
  formPageHandlers,
  startFormPage,
  type FormPageThis,
} from '../../form/form-page';

const data = {
  ...FORM_PAGE_DATA,
  degreeOptions: DEGREE_OPTIONS,
  schoolMax: RESUME_LIMITS.schoolMax,
  majorMax: RESUME_LIMITS.majorMax,
  earliestMonth: RESUME_LIMITS.earliestMonth,
  /** An expected graduation may lie ahead. */
  graduationMonthsAhead: RESUME_LIMITS.graduationYearsAhead * 12,
};

type EducationPage = FormPageThis<EducationFormValues>;

/** Adds an education entry (no `id`) or edits one (`?id=`). */
Page({
  data,
  ...formPageFields<EducationFormValues>(),
  ...formPageHandlers,
  onLoad(query: Record<string, string | undefined>) {
    startFormPage(this as EducationPage, new ResumeFormSession(educationFormSpec(query.id || null)));
  },
});
