import { createForm } from 'antd-mini/es/Form/form';
import type { TextView } from './quiet-text';

/** What antd-mini's Form keeps of a field (`formData`). */
export interface FormItemState {
  value?: unknown;
  status: string;
  errors: string[];
  required?: boolean;
}

export interface QuietFormItemThis extends TextView {
  data: { formData: FormItemState } & Record<string, unknown>;
  emit(trigger: string, value?: unknown): void;
  setFormData(values: Partial<FormItemState>): void;
  getFormData(): FormItemState;
  /** The Form's view of the field; `data.formData` holds only what the field shows. */
  formState?: FormItemState;
}

const sameErrors = (a: string[] = [], b: string[] = []) => a.length === b.length && a.every((e, i) => e === b[i]);

/**
 * antd-mini's `createForm` mixin for a field that must stay quiet while the seeker types: the Form's value
 * and checks are kept on the instance; setData carries only what the field shows differently (an error
 * appearing or going, a value from elsewhere through `showValue`). The passing "validating" state of every
 * key is never sent.
 */
export function quietFormItem<T extends QuietFormItemThis>(showValue: (field: T, value: unknown) => void) {
  return createForm({
    methods: {
      setFormData(this: T, values: Partial<FormItemState>) {
        const state: FormItemState = { ...this.getFormData(), ...values };
        this.formState = state;
        const shown = this.data.formData;
        const patch: Record<string, unknown> = {};
        if (
          values.status !== undefined &&
          state.status !== 'validating' &&
          (state.status !== shown.status || !sameErrors(state.errors, shown.errors))
        ) {
          patch['formData.status'] = state.status;
          patch['formData.errors'] = state.errors;
        }
        if ('required' in values && state.required !== shown.required) patch['formData.required'] = state.required;
        if (Object.keys(patch).length) this.setData(patch);
        if ('value' in values) showValue(this, state.value);
      },
      getFormData(this: T): FormItemState {
        return this.formState ?? this.data.formData;
      },
    },
  });
}
