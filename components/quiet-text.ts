import { visibleLength } from '../services/contracts/text';
import { formatLengthCounter } from '../format';

/** How often a length counter may follow the typing: a few updates a second, far under Alipay's 20 setData/s. */
export const COUNTER_INTERVAL_MS = 300;

export interface TextView {
  data: Record<string, unknown>;
  setData(patch: Record<string, unknown>, callback?: () => void): void;
}

/**
 * A native `<input>` or `<textarea>` that shows what is typed by itself. Typing is never echoed back through
 * setData: an echo of an older value, landing after newer keys, is what drops characters when typing fast,
 * and every echo is a transfer. Only a value from elsewhere (a restored draft, a cleared box) is sent, and a
 * length counter follows the typing at most every COUNTER_INTERVAL_MS.
 */
export class QuietText {
  private typed = '';
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `key`: the data key the box's `value` reads; `counter`: the data key of its "12/200" text and the limit. */
  constructor(
    private readonly view: TextView,
    private readonly key: string,
    private readonly counter?: { key: string; max: number },
  ) {}

  /** Fills the box and its counter when the field first draws. */
  start(value: string): void {
    this.typed = value;
    const patch: Record<string, unknown> = { [this.key]: value };
    if (this.counter) patch[this.counter.key] = this.counterText();
    this.view.setData(patch);
  }

  /** What the box holds now. */
  get text(): string {
    return this.typed;
  }

  /** The seeker typed: remembered, nothing sent but (later) the counter. */
  typedIn(value: string): void {
    this.typed = value;
    if (this.counter && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.view.setData({ [this.counter!.key]: this.counterText() });
      }, COUNTER_INTERVAL_MS);
    }
  }

  /** Puts `next` in the box, unless the box already holds it. */
  show(next: string): void {
    // Typed (or sent before): the box shows it already.
    if (next === this.typed) return;
    const level = this.view.data[this.key] === next;
    const shown = this.typed;
    this.typed = next;
    const patch: Record<string, unknown> = { [this.key]: next };
    if (this.counter) patch[this.counter.key] = this.counterText();
    // The data may still hold an older value equal to `next`: a view sees no change in that, so the box is
    // first brought level with what it shows, and `next` follows once that has been drawn (two setData in
    // one go are merged into one render, where the box would see no change).
    if (level) this.view.setData({ [this.key]: shown }, () => this.view.setData(patch));
    else this.view.setData(patch);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private counterText(): string {
    return this.counter ? formatLengthCounter(visibleLength(this.typed), this.counter.max) : '';
  }
}
