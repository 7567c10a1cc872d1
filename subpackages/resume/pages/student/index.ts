import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { studentRules } from '../../../../services/contracts/trust-rules';
import type { StudentRequest } from '../../../../services/contracts/trust';
import { resumeStore } from '../../../../stores/resume';
import { trustStore } from '../../../../stores/trust';
import { enrollmentYearOptions } from '../../../../view-models/resume-view';
import { trustFormPage } from '../../form/trust-form';

const data = {
  submitting: false,
  schoolMax: RESUME_LIMITS.schoolMax,
  yearOptions: enrollmentYearOptions(),
};

/** 学生认证: school and enrollment year, checked with the shared rules. */
Page({
  data,
  ...trustFormPage<StudentRequest>({
    kind: 'student',
    rules: studentRules,
    // Start from the resume's latest school.
    initialValues: () => {
      const educations = resumeStore.resume ? resumeStore.resume.educations : [];
      return { school: educations.length ? educations[0].school : '' };
    },
    send: (values) =>
      trustStore.submitStudent({ school: values.school ?? '', enrollmentYear: values.enrollmentYear as number }),
    sentMessage: '已提交，审核通过后自动点亮学生认证',
  }),
});
