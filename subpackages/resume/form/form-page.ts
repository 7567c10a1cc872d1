import type { FromItemRef } from 'antd-mini/es/Form/form';
import { bindView, unbindView, type ViewInstance } from '../../../stores/bind';
import type { DraftValues } from '../../../stores/form-drafts';
import type { LoadStatus } from '../../../stores/load-status';
import type { ResumeFormSession } from '../../../stores/resume-forms';
import { confirm } from '../../../services/platform/dialog';
import { navigateBack } from '../../../services/platform/navigation';
import { showToast } from '../../../services/platform/ui';
import { DraftForm, RESUME_OVERVIEW, submitForm } from './draft-form';

/** Data every resume edit page has. */
export const FORM_PAGE_DATA = {
  status: 'idle' as LoadStatus,
  errorMessage: '',
  /** The form shows content restored from an earlier unsaved visit. */
  restored: false,
  saving: false,
  deleting: false,
  /** The entry exists on the server, so it can be deleted (work and education). */
  canDelete: false,
  submitError: '',
  skeletonParagraph: { rows: 5 },
  retryButton: { layout: 'horizontal', list: [{ text: '重新加载', type: 'primary' }] },
};
export type FormPageData = typeof FORM_PAGE_DATA;

/** `this` of a resume edit page. */
export interface FormPageThis<V extends DraftValues> extends ViewInstance<FormPageData> {
  session: ResumeFormSession<V>;
  form: DraftForm<V>;
}

/**
 * Starts an edit page: antd-mini's Form with the section's shared rules over the session's device draft,
 * the view bound to the session (plus `extra` data the page shows), and the resume loaded.
 */
export function startFormPage<V extends DraftValues, E extends object>(
  page: FormPageThis<V>,
  session: ResumeFormSession<V>,
  extra: () => E = () => ({}) as E,
): void {
  page.session = session;
  page.form = new DraftForm<V>(session.spec.rules, {
    draft: session.draft,
    onChange: (changed) => session.change(changed),
  });
  bindView(page as unknown as ViewInstance<FormPageData & E>, () => ({
    status: session.status,
    errorMessage: session.errorMessage,
    restored: session.draft.restored,
    saving: session.saving,
    deleting: session.deleting,
    canDelete: !!session.spec.remove,
    submitError: session.submitError,
    ...extra(),
  }));
  void session.open();
}

/** The instance fields of an edit page (set by `startFormPage`), typed for `this`. */
export function formPageFields<V extends DraftValues>(): { session: ResumeFormSession<V>; form: DraftForm<V> } {
  return {
    session: null as unknown as ResumeFormSession<V>,
    form: null as unknown as DraftForm<V>,
  };
}

/** The handlers every edit page shares. */
export const formPageHandlers = {
  onUnload(this: FormPageThis<DraftValues>) {
    unbindView(this);
    this.form.dispose();
  },
  /** Form items register here (`ref="handleRef"`). */
  handleRef(this: FormPageThis<DraftValues>, ref: FromItemRef) {
    this.form.addItem(ref);
  },
  onRetry(this: FormPageThis<DraftValues>) {
    void this.session.open();
  },
  onDiscardDraft(this: FormPageThis<DraftValues>) {
    this.session.discardDraft();
  },
  async onSubmit(this: FormPageThis<DraftValues>) {
    await submitForm(this.form as DraftForm, () => this.session.submit());
  },
  async onDelete(this: FormPageThis<DraftValues>) {
    const sure = await confirm({ title: '删除这段经历？', content: '删除后无法恢复', confirmButtonText: '删除' });
    if (!sure) return;
    const failure = await this.session.remove();
    if (failure) {
      showToast(failure, 'fail');
      return;
    }
    showToast('已删除', 'success');
    navigateBack(RESUME_OVERVIEW);
  },
};
