import type { FormInstance, FormRule } from 'antd';
import { validate, type Rules } from '../../../services/contracts/validation';
import { ApiRequestError } from '../api/client';

/**
 * An antd Form rule that checks one field with the contract's rules (the same ones the server runs), so a
 * field shows exactly the message the server would send. `toRequest` turns the form's values into the
 * request when they differ (a validity in days sent as an expiry time).
 */
export function contractRule(
  rules: Rules,
  field: string,
  form: FormInstance,
  toRequest: (values: Record<string, unknown>) => unknown = (values) => values,
): FormRule {
  return {
    validator: async () => {
      const errors = await validate(rules, toRequest(form.getFieldsValue(true) as Record<string, unknown>));
      const mine = errors.find((error) => error.path === field);
      if (mine) throw new Error(mine.message);
    },
  };
}

/** Whether the contract marks the field as required (for the asterisk). */
export function isRequired(rules: Rules, field: string): boolean {
  const rule = rules[field];
  return (Array.isArray(rule) ? rule : [rule]).some((item) => !!item && item.required === true);
}

/**
 * Puts a 400's field errors next to their fields, nested ones too (`questions.0.text`). Returns false when
 * the error named none of the form's fields (the caller then shows it as a message).
 */
export function showServerFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiRequestError) || error.fields.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = error.fields.filter((field) => known.has(field.path.split('.')[0]));
  form.setFields(
    fields.map((field) => ({
      name: field.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [field.message],
    })),
  );
  return fields.length > 0;
}
