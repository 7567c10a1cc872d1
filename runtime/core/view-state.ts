/**
 * The data of one page or component and how it changes (/mini/framework/page-detail): `setData` with path
 * keys, `$spliceData`, and `$batchedUpdates` merging the calls made inside it into one transfer to the view.
 * Where the transfer goes is the environment's concern (the simulator posts it to the view thread, the jest
 * harness records it): it is told through a sink.
 *
 * Changes replace the objects along a changed path instead of writing into them, so the data before a
 * transfer (a component's `prevData` in didUpdate) keeps its values, and whatever did not change keeps its
 * identity: `prevData.x === this.data.x` when x was not touched, as on the platform.
 */
import { applySetData, applySpliceData } from './set-data';

export interface UpdateOp {
  kind: 'set' | 'splice';
  payload: Record<string, unknown>;
}

export type CallKind = 'setData' | '$spliceData';

export interface ViewSink {
  /** setData or $spliceData after the page was unloaded or the component unmounted. */
  afterUnload(kind: CallKind, patch: Record<string, unknown>): void;
  /** Every call as made (the harness records them). */
  call?(kind: CallKind, payload: Record<string, unknown>, bytes: number, transfer: number, batched: boolean): void;
  /** One transfer to the view: its ops, how many calls it merges, its JSON bytes and the callbacks it carries. */
  transfer(ops: UpdateOp[], calls: number, bytes: number, transfer: number, callbacks: Array<() => void>): void;
}

const encoder = new TextEncoder();
export const jsonBytes = (text: string): number => encoder.encode(text).length;

export class ViewState {
  data: Record<string, unknown>;
  alive = true;
  /** Transfers sent so far (a $batchedUpdates counts once). */
  transfers = 0;
  private batchDepth = 0;
  private batchOps: UpdateOp[] = [];
  private batchCalls = 0;
  private batchBytes = 0;
  private batchCallbacks: Array<() => void> = [];
  private batchPrevData: Record<string, unknown> | null = null;

  constructor(
    initial: Record<string, unknown>,
    private readonly sink: ViewSink,
    /** Runs after each transfer with the data before it (components: deriveDataFromProps, didUpdate). */
    private readonly afterTransfer?: (prevData: Record<string, unknown>) => void,
  ) {
    this.data = initial;
  }

  setData(patch: unknown, callback?: unknown): void {
    this.apply('setData', patch, callback);
  }

  spliceData(patch: unknown, callback?: unknown): void {
    this.apply('$spliceData', patch, callback);
  }

  batch(run: unknown): void {
    if (typeof run !== 'function') return;
    if (this.batchDepth === 0) this.batchPrevData = { ...this.data };
    this.batchDepth++;
    try {
      (run as () => void)();
    } finally {
      this.batchDepth--;
    }
    if (this.batchDepth > 0 || this.batchCalls === 0) return;
    const ops = this.batchOps;
    const calls = this.batchCalls;
    const bytes = this.batchBytes;
    const callbacks = this.batchCallbacks;
    const prevData = this.batchPrevData as Record<string, unknown>;
    this.batchOps = [];
    this.batchCalls = 0;
    this.batchBytes = 0;
    this.batchCallbacks = [];
    this.batchPrevData = null;
    this.sink.transfer(ops, calls, bytes, this.transfers, callbacks);
    this.afterTransfer?.(prevData);
  }

  private apply(kind: CallKind, patch: unknown, callback: unknown): void {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
      throw new TypeError(`${kind} needs an object, got ${JSON.stringify(patch)}`);
    if (!this.alive) {
      this.sink.afterUnload(kind, patch as Record<string, unknown>);
      return;
    }
    const json = JSON.stringify(patch);
    const payload = JSON.parse(json) as Record<string, unknown>;
    const bytes = jsonBytes(json);
    const batched = this.batchDepth > 0;
    const prevData = batched ? null : { ...this.data };
    if (kind === 'setData') applySetData(this.data, payload);
    else applySpliceData(this.data, payload);
    const done = typeof callback === 'function' ? (callback as () => void) : undefined;
    const op: UpdateOp = { kind: kind === 'setData' ? 'set' : 'splice', payload };
    if (batched) {
      if (this.batchCalls === 0) this.transfers++;
      this.sink.call?.(kind, payload, bytes, this.transfers, true);
      this.batchOps.push(op);
      this.batchCalls++;
      this.batchBytes += bytes;
      if (done) this.batchCallbacks.push(done);
      return;
    }
    this.transfers++;
    this.sink.call?.(kind, payload, bytes, this.transfers, false);
    this.sink.transfer([op], 1, bytes, this.transfers, done ? [done] : []);
    if (prevData) this.afterTransfer?.(prevData);
  }
}
