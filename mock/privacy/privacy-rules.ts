import { HIDDEN_COMPANIES_MAX, type PrivacySettingsInput } from '../../services/contracts/privacy';
import { stringListCheck } from '../../services/contracts/resume-rules';
import { checkRule } from '../../services/contracts/text';
import type { InputRules } from '../../services/contracts/validation';

/** PUT /privacy: only the server checks this list (the app builds it from taps). */
export const privacyRules: InputRules<PrivacySettingsInput> = {
  hiddenCompanyIds: checkRule(
    stringListCheck({
      label: '屏蔽的公司',
      maxItems: HIDDEN_COMPANIES_MAX,
      itemCheck: (item) => (/^\d{1,12}$/.test(item) ? undefined : '屏蔽的公司不正确，请重新选择'),
      unique: '屏蔽的公司不能重复',
    }),
  ),
};
