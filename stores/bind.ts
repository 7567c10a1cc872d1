import { reaction } from 'mobx';
import { diffForSetData, isEmptyPatch } from './set-data-patch';

/** What a page or component instance offers for view updates. */
export interface ViewInstance<D> {
  data: D;
  setData(data: Record<string, unknown>): void;
  $spliceData(data: Record<string, unknown>): void;
  $batchedUpdates?(callback: () => void): void;
}

/**
 * Keeps a view's data equal to `select()`: every change in the stores it reads becomes the smallest
 * setData (path keys; `$spliceData` for appends and prepends; nothing when nothing changed), in one transfer.
 * `unbindView` (or the returned function) stops it.
 */
export function bindView<D extends object>(view: ViewInstance<D>, select: () => Partial<D>): () => void {
  unbindView(view);
  const dispose = reaction(select, (next) => applyToView(view, next as Record<string, unknown>), {
    fireImmediately: true,
  });
  disposers.set(view, dispose);
  return dispose;
}

/** Stops the binding `bindView` made for this view; call it in onUnload / didUnmount. */
export function unbindView(view: object): void {
  disposers.get(view)?.();
  disposers.delete(view);
}

const disposers = new WeakMap<object, () => void>();

function applyToView(view: ViewInstance<object>, selected: Record<string, unknown>): void {
  // Compare what the view will hold: data crosses as JSON, where undefined fields do not exist.
  const next = JSON.parse(JSON.stringify(selected)) as Record<string, unknown>;
  const patch = diffForSetData(view.data as Record<string, unknown>, next);
  if (isEmptyPatch(patch)) return;
  const hasSplice = Object.keys(patch.splice).length > 0;
  const hasSet = Object.keys(patch.set).length > 0;
  const send = () => {
    if (hasSet) view.setData(patch.set);
    if (hasSplice) view.$spliceData(patch.splice);
  };
  if (hasSet && hasSplice && view.$batchedUpdates) view.$batchedUpdates(send);
  else send();
}
