import './mobx-config';
import isEqual from 'fast-deep-equal';
import { makeAutoObservable, observable } from 'mobx';
import { readStorage, removeStorage, writeStorage } from '../services/platform/storage';

/** Form values as they cross into storage and setData: JSON only. */
export type DraftValues = Record<string, unknown>;

/** What one storage key holds: the unsaved values of one form. */
export interface StoredDraft<V extends DraftValues = DraftValues> {
  version: typeof DRAFT_FORMAT_VERSION;
  values: V;
  /** What the server had when the edit began: only fields that differ from it are the seeker's edits. */
  base?: V;
  /** ms since epoch of the last change. */
  savedAt: number;
}

/** Bumped when stored drafts could no longer be read as they are. */
export const DRAFT_FORMAT_VERSION = 1;

/** Every form's draft lives under `drafts.<form>`, e.g. `drafts.resume.basic`, `drafts.resume.work.new`. */
export const DRAFT_KEY_PREFIX = 'drafts.';

/** undefined-free copy: what storage and setData keep of the values. */
function plain<V extends DraftValues>(values: V): V {
  return JSON.parse(JSON.stringify(values)) as V;
}

/**
 * The unsaved edit of one form, kept on the device on every change so it survives the app being killed.
 * `baseline` is what the server has; `values` what the form shows. A stored draft that differs from the
 * baseline when the form opens is restored and marked (`restored`) so the page can offer to discard it.
 */
export class FormDraft<V extends DraftValues = DraftValues> {
  values: V = {} as V;
  baseline: V = {} as V;
  /** The values came from an earlier, unsaved session on this device. */
  restored = false;
  /** False when the device refused to store the draft (storage full). */
  persisted = true;
  /** Bumped whenever the values change other than by typing (open, discard, rebase): the form re-reads them. */
  revision = 0;

  constructor(readonly key: string) {
    // Values are replaced whole, never mutated: plain objects, compared and stored as they are.
    makeAutoObservable(this, { key: false, values: observable.ref, baseline: observable.ref });
  }

  get dirty(): boolean {
    return !isEqual(this.values, this.baseline);
  }

  /** Starts editing from what the server has; a different stored draft wins and is marked restored. */
  open(baseline: V): void {
    this.baseline = plain(baseline);
    const stored = readStorage<StoredDraft<V>>(this.key);
    const usable =
      stored && stored.version === DRAFT_FORMAT_VERSION && stored.values && typeof stored.values === 'object';
    const candidate = usable ? plain({ ...this.baseline, ...editsOf(stored) }) : undefined;
    if (candidate && !isEqual(candidate, this.baseline)) {
      this.values = candidate;
      this.restored = true;
    } else {
      this.values = this.baseline;
      this.restored = false;
      if (stored) removeStorage(this.key);
    }
    this.revision++;
  }

  /** What the user just changed; stored at once. A cleared field is kept as null, not dropped. */
  change(changed: Partial<V>): void {
    const cleared: Partial<V> = {};
    for (const key of Object.keys(changed) as Array<keyof V>) {
      cleared[key] = (changed[key] === undefined ? null : changed[key]) as V[keyof V];
    }
    this.values = plain({ ...this.values, ...cleared });
    this.persist();
  }

  /** Back to what the server has; the stored draft is dropped. */
  discard(): void {
    this.values = this.baseline;
    this.restored = false;
    this.persisted = true;
    removeStorage(this.key);
    this.revision++;
  }

  /**
   * The server changed some fields on its own (e.g. a phone number verified through Alipay): they become
   * part of the baseline and of the values, and the rest of the edit is kept.
   */
  rebase(changed: Partial<V>): void {
    this.baseline = plain({ ...this.baseline, ...changed });
    this.values = plain({ ...this.values, ...changed });
    this.persist();
    this.revision++;
  }

  /**
   * `saved` reached the server: it is the new baseline. What was typed while it was on its way stays in
   * the form and on the device; otherwise nothing is left to keep.
   */
  committed(saved: V = this.values): void {
    this.baseline = plain(saved);
    this.restored = false;
    if (isEqual(this.values, this.baseline)) {
      this.values = this.baseline;
      this.persisted = true;
      removeStorage(this.key);
    } else {
      this.persist();
    }
  }

  private persist(): void {
    if (!this.dirty) {
      removeStorage(this.key);
      this.persisted = true;
      return;
    }
    const entry: StoredDraft<V> = {
      version: DRAFT_FORMAT_VERSION,
      values: this.values,
      base: this.baseline,
      savedAt: Date.now(),
    };
    this.persisted = writeStorage(this.key, entry);
  }
}

/**
 * The fields the seeker changed in a stored draft. Only those are laid over what the server has now, so a
 * field changed elsewhere since (another device) is not rolled back by an old draft.
 */
function editsOf<V extends DraftValues>(stored: StoredDraft<V>): Partial<V> {
  if (!stored.base) return stored.values;
  const edits: Partial<V> = {};
  for (const key of Object.keys(stored.values) as Array<keyof V>) {
    if (!isEqual(stored.values[key], stored.base[key])) edits[key] = stored.values[key];
  }
  return edits;
}

/** One draft object per key for the app's life, so two visits of a form share it. */
export class FormDraftsStore {
  private readonly drafts = new Map<string, FormDraft>();

  draft<V extends DraftValues>(form: string): FormDraft<V> {
    const key = DRAFT_KEY_PREFIX + form;
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = new FormDraft<V>(key) as unknown as FormDraft;
      this.drafts.set(key, draft);
    }
    return draft as unknown as FormDraft<V>;
  }

  /** Whether `form` has edits not saved yet: in this launch's draft, or kept on the device from an earlier one. */
  hasUnsavedEdits(form: string): boolean {
    const key = DRAFT_KEY_PREFIX + form;
    const draft = this.drafts.get(key);
    if (draft) return draft.dirty;
    const stored = readStorage<StoredDraft>(key);
    if (!stored || stored.version !== DRAFT_FORMAT_VERSION || !stored.values || typeof stored.values !== 'object')
      return false;
    return Object.keys(editsOf(stored)).length > 0;
  }
}

export const formDraftsStore = new FormDraftsStore();
