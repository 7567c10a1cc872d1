import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { showToast } from '../../../../services/platform/ui';
import { resumeStore } from '../../../../stores/resume';
import { expectationsFormSpec, ResumeFormSession, type ExpectationsFormValues } from '../../../../stores/resume-forms';
import type { CategoryGroup } from '../../../../services/contracts/jobs';
import { JOB_TYPE_OPTIONS } from '../../../../view-models/resume-view';
import type { PickedCity } from '../../../../components/city-field/props';
import {
  FORM_PAGE_DATA,
  formPageFields,
  formPageHandlers,
  startFormPage,
  type FormPageThis,
} from '../../form/form-page';

const data = {
  ...FORM_PAGE_DATA,
  categoryGroups: [] as CategoryGroup[],
  categoriesError: '',
  cityNames: {} as Record<string, string>,
  jobTypeOptions: JOB_TYPE_OPTIONS,
  categoriesMax: RESUME_LIMITS.categoriesMax,
  citiesMax: RESUME_LIMITS.cityCodesMax,
};

type ExpectationsPage = FormPageThis<ExpectationsFormValues>;

Page({
  data,
  ...formPageFields<ExpectationsFormValues>(),
  ...formPageHandlers,
  onLoad() {
    const session = new ResumeFormSession(expectationsFormSpec);
    startFormPage(this as ExpectationsPage, session, () => ({
      categoryGroups: resumeStore.categoryGroups,
      categoriesError: resumeStore.categoriesError,
      cityNames: session.draft.values.cityNames ?? {},
    }));
    void resumeStore.loadCategories();
  },
  onRetryCategories() {
    void resumeStore.loadCategories();
  },
  onCityPick(city: PickedCity) {
    const names = this.session.draft.values.cityNames ?? {};
    this.session.change({ cityNames: { ...names, [city.cityCode]: city.cityName } });
  },
  onCityPickFail(message: string) {
    showToast(message, 'fail');
  },
  onCategoryMax() {
    showToast(`期望职位类别最多选${RESUME_LIMITS.categoriesMax}个`);
  },
});
