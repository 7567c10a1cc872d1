import type { RuleItem } from 'async-validator';
import type { Rules } from '../../../services/contracts/validation';

/** The part of antd-mini's Form the adapter reads. */
export interface FormValuesSource {
  getFieldsValue(): Record<string, unknown>;
}
export type FormFieldValidator = ((rule: unknown, value: unknown) => Promise<void>) & { required?: boolean };
export type FormRule = (form: FormValuesSource) => { validator: FormFieldValidator };

/**
 * The same rules for antd-mini's `new Form({ rules: formRules(workExperienceRules) })`. antd-mini validates one
 * field at a time with only that field as the source, so cross-field checks (end month not before start
 * month, max salary not below min) read the other values from the form here.
 */
export function formRules(rules: Rules): Record<string, FormRule[]> {
  const result: Record<string, FormRule[]> = {};
  Object.keys(rules).forEach((name) => {
    const items = rules[name];
    result[name] = (Array.isArray(items) ? items : [items]).map((item): FormRule => {
      const rule = item as RuleItem;
      return (form) => {
        const validator: FormFieldValidator = (_rule, value) => {
          const source = { ...form.getFieldsValue(), [name]: value };
          const outcome =
            typeof rule.validator === 'function' ? rule.validator(rule, value, () => undefined, source, {}) : true;
          return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve();
        };
        validator.required = rule.required;
        return { validator };
      };
    });
  });
  return result;
}
