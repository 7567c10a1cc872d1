import { RESUME_LIMITS } from '../../../../services/contracts/resume';
import { realNameRules } from '../../../../services/contracts/trust-rules';
import type { RealNameRequest } from '../../../../services/contracts/trust';
import { resumeStore } from '../../../../stores/resume';
import { trustStore } from '../../../../stores/trust';
import { trustFormPage } from '../../form/trust-form';

const data = {
  submitting: false,
  nameMax: RESUME_LIMITS.nameMax,
};

/** 实名认证: real name and ID number, checked on the phone with the shared rules (checksum included). */
Page({
  data,
  ...trustFormPage<RealNameRequest>({
    kind: 'realName',
    rules: realNameRules,
    // The check passes only when the name matches the resume's, so start from it.
    initialValues: () => ({ name: resumeStore.resume?.basic?.name ?? '' }),
    send: (values) => trustStore.submitRealName({ name: values.name ?? '', idNumber: values.idNumber ?? '' }),
    sentMessage: '已提交，审核通过后自动点亮实名认证',
  }),
});
