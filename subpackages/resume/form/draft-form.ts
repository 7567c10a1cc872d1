import { Form, type FromItemRef, type Rules as FormRuleMap } from 'antd-mini/es/Form/form';
import { reaction } from 'mobx';
import type { FieldError } from '../../../services/contracts/errors';
import { formRules } from './form-rules';
import type { Rules } from '../../../services/contracts/validation';
import { disableLeaveGuard, enableLeaveGuard } from '../../../services/platform/leave-guard';
import { navigateBack } from '../../../services/platform/navigation';
import { showToast } from '../../../services/platform/ui';
import type { DraftValues, FormDraft } from '../../../stores/form-drafts';
import type { SubmitOutcome } from '../../../stores/outcome';

export const LEAVE_MESSAGE = '修改还没有保存，确定离开吗？内容会保留在本机，下次打开可继续编辑';
/** Where a finished edit page goes when it was opened on its own (no page below to go back to). */
export const RESUME_OVERVIEW = 'subpackages/resume/pages/index/index';

export const FIX_FIELDS_MESSAGE = '请按提示修改标红的内容';

/**
 * antd-mini's Form for one edit page, with the shared contract rules (`formRules`): its fields check
 * themselves as the seeker types and on submit, and show their errors next to them. With a device draft,
 * every change is written to it, restored values are pushed into the fields, and leaving with unsaved
 * changes asks first.
 */
export class DraftForm<V extends DraftValues = DraftValues> {
  readonly form: Form;
  private readonly disposers: Array<() => void> = [];
  private readonly draft?: FormDraft<V>;

  /**
   * `draft`: the device draft the fields start from and write to (through `onChange`); without one,
   * `initialValues` fill the fields (the trust forms, which keep nothing on the device).
   */
  constructor(
    rules: Rules,
    options: { draft?: FormDraft<V>; onChange?: (changed: Partial<V>) => void; initialValues?: Partial<V> } = {},
  ) {
    const { draft, onChange } = options;
    this.draft = draft;
    this.form = new Form({
      rules: formRules(rules) as unknown as FormRuleMap,
      initialValues: draft ? draft.values : (options.initialValues ?? {}),
    });
    if (onChange) this.form.onValuesChange((changed) => onChange(changed as Partial<V>));
    if (draft) {
      // Values that change other than by typing (a restored draft, a discard, a verified phone) go to the fields.
      this.disposers.push(
        reaction(
          () => draft.revision,
          () => {
            this.form.setInitialValues(draft.values);
            this.form.setFieldsValue(draft.values);
          },
        ),
        reaction(
          () => draft.dirty,
          (dirty) => (dirty ? enableLeaveGuard(LEAVE_MESSAGE) : disableLeaveGuard()),
          { fireImmediately: true },
        ),
      );
    }
  }

  /** The fields' current values. */
  values(): Partial<V> {
    return this.form.getFieldsValue() as Partial<V>;
  }

  /** A field registering (`ref="handleRef"` on a form item); it starts from the draft's current value. */
  addItem(ref: FromItemRef): void {
    if (this.draft) this.form.setInitialValues(this.draft.values);
    this.form.addItem(ref);
  }

  /** Runs every field's rule; false when any failed (each then shows its error). */
  async validate(): Promise<boolean> {
    try {
      await this.form.submit();
      return true;
    } catch {
      return false;
    }
  }

  /** Puts errors next to their fields; answers the messages that have no field on this page. */
  showErrors(fields: FieldError[]): string[] {
    const unplaced: string[] = [];
    for (const field of fields) {
      // `cityCodes.1` belongs to the `cityCodes` field.
      const name = [field.path, field.path.split('.')[0]].find((n) => !!this.form.getFieldValidatorStatus(n));
      if (name) {
        this.form.setFieldValidatorStatus(name, { status: 'error', errors: [field.message] });
      } else {
        unplaced.push(field.message);
      }
    }
    return unplaced;
  }

  dispose(): void {
    this.disposers.forEach((dispose) => dispose());
    this.disposers.length = 0;
    if (this.draft) disableLeaveGuard();
  }
}

/**
 * The save button of an edit page: fields checked first (nothing is sent while one is wrong), then the
 * save; success toasts and goes back, failure leaves everything typed and shows each error by its field.
 */
export async function submitForm(
  form: DraftForm,
  save: () => Promise<SubmitOutcome>,
  successText = '已保存',
): Promise<boolean> {
  if (!(await form.validate())) {
    showToast(FIX_FIELDS_MESSAGE);
    return false;
  }
  const outcome = await save();
  if (outcome.ok) {
    showToast(successText, 'success');
    navigateBack(RESUME_OVERVIEW);
    return true;
  }
  reportFailure(form, outcome);
  return false;
}

/** Field errors by their fields; whatever has no field (or no field to blame) as a toast. */
export function reportFailure(form: DraftForm, outcome: { message: string; fields: FieldError[] }): void {
  const unplaced = form.showErrors(outcome.fields);
  if (unplaced.length) showToast(unplaced[0], 'fail');
  else if (outcome.fields.length) showToast(FIX_FIELDS_MESSAGE);
  else if (outcome.message) showToast(outcome.message, 'fail');
}
