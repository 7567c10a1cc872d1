/**
 * A page's lifecycle (/mini/framework/page-detail): onLoad(query) → onShow → onReady (after the first
 * render); onHide when another page covers it or the app goes to the background, onShow when it is back;
 * onUnload when it is closed (redirectTo, navigateBack, reLaunch), without an onHide first. A hook in
 * `events` runs before the page's own method of the same name.
 */

type AnyFunction = (...args: unknown[]) => unknown;

export const PAGE_HOOKS = new Set([
  'onLoad',
  'onShow',
  'onReady',
  'onHide',
  'onUnload',
  'onPullDownRefresh',
  'onReachBottom',
  'onPageScroll',
  'onShareAppMessage',
  'onTitleClick',
  'onTabItemTap',
  'onOptionMenuClick',
]);

export interface PageLifecycleHost {
  /** Runs one hook (the simulator guards it and reports; the harness lets it throw). */
  run(where: string, fn: () => unknown): unknown;
  /** A hook the page defines is about to run (the harness's lifecycle log). */
  ran?(name: string): void;
  /** The page stopped showing (covered, or the app in the background): the platform stops its cameras. */
  hidden(): void;
  /** The page shows again: its stopped cameras preview again. */
  shown(): void;
}

export class PageLifecycle {
  state: 'new' | 'shown' | 'hidden' | 'unloaded' = 'new';

  constructor(
    private readonly instance: Record<string, unknown>,
    private readonly host: PageLifecycleHost,
  ) {}

  /** Runs a hook of `events` and the page's own method; answers what the own method returned. */
  hook(name: string, ...args: unknown[]): unknown {
    const events = this.instance.events as Record<string, unknown> | undefined;
    const inEvents = events && typeof events[name] === 'function' ? (events[name] as AnyFunction) : undefined;
    const own = typeof this.instance[name] === 'function' ? (this.instance[name] as AnyFunction) : undefined;
    // A handler name that is only in `events` is not also a method to call.
    const runOwn = own && (PAGE_HOOKS.has(name) || !inEvents);
    if (!inEvents && !runOwn) return undefined;
    this.host.ran?.(name);
    let result: unknown;
    if (inEvents) result = this.host.run(`events.${name}`, () => inEvents.apply(this.instance, args));
    if (runOwn) result = this.host.run(name, () => (own as AnyFunction).apply(this.instance, args));
    return result;
  }

  show(): void {
    if (this.state === 'shown' || this.state === 'unloaded') return;
    const returning = this.state === 'hidden';
    this.state = 'shown';
    this.hook('onShow');
    if (returning) this.host.shown();
  }

  hide(): void {
    if (this.state !== 'shown') return;
    this.state = 'hidden';
    this.hook('onHide');
    this.host.hidden();
  }

  /** False when it was already unloaded. */
  unload(): boolean {
    if (this.state === 'unloaded') return false;
    this.state = 'unloaded';
    this.hook('onUnload');
    return true;
  }
}
