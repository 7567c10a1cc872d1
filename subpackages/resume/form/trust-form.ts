import type { FromItemRef } from 'antd-mini/es/Form/form';
import type { TrustKind } from '../../../services/contracts/trust';
import type { Rules } from '../../../services/contracts/validation';
import { navigateBack } from '../../../services/platform/navigation';
import { showToast } from '../../../services/platform/ui';
import { bindView, unbindView, type ViewInstance } from '../../../stores/bind';
import type { SubmitOutcome } from '../../../stores/outcome';
import { trustStore } from '../../../stores/trust';
import { DraftForm, FIX_FIELDS_MESSAGE, reportFailure, RESUME_OVERVIEW } from './draft-form';

interface TrustFormThis extends ViewInstance<{ submitting: boolean }> {
  form: DraftForm<Record<string, unknown>>;
}

/** What differs between the trust forms (实名认证, 学生认证). */
export interface TrustFormOptions<V> {
  kind: TrustKind;
  /** The shared contract rules of the request. */
  rules: Rules;
  /** What the fields start from (taken from the resume, so the check can pass). */
  initialValues: () => Record<string, unknown>;
  send: (values: Partial<V>) => Promise<SubmitOutcome>;
  /** Toast once sent; the page then closes. */
  sentMessage: string;
}

/**
 * The page parts of a trust form, spread into `Page({ data, ...trustFormPage(...) })`: antd-mini's Form with
 * the shared rules and no device draft (an ID number is never kept on the phone), 提交认证 checked on the
 * phone first, the server's refusal shown by the fields, and back to the resume once sent.
 */
export function trustFormPage<V>(options: TrustFormOptions<V>) {
  return {
    /** Set in onLoad. */
    form: null as unknown as DraftForm<Record<string, unknown>>,
    onLoad(this: TrustFormThis) {
      this.form = new DraftForm(options.rules, { initialValues: options.initialValues() });
      bindView(this, () => ({ submitting: trustStore.submitting === options.kind }));
    },
    onUnload(this: TrustFormThis) {
      unbindView(this);
      this.form.dispose();
    },
    handleRef(this: TrustFormThis, ref: FromItemRef) {
      this.form.addItem(ref);
    },
    async onSubmit(this: TrustFormThis) {
      if (!(await this.form.validate())) {
        showToast(FIX_FIELDS_MESSAGE);
        return;
      }
      const outcome = await options.send(this.form.values() as Partial<V>);
      if (!outcome.ok) {
        reportFailure(this.form, outcome);
        return;
      }
      showToast(options.sentMessage, 'success');
      navigateBack(RESUME_OVERVIEW);
    },
  };
}
