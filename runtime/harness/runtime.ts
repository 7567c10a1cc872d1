/**
 * A fake Alipay mini-program runtime for jest page and component tests.
 *
 * `createRuntime()` installs `my`, `Page`, `Component`, `App`, `getApp`, `getCurrentPages` on the global object
 * (removed again by `dispose()`), then loads real page / component / app modules through jest's module
 * registry and drives them the way the platform does: lifecycles in Alipay's order, `setData` with path keys,
 * `$spliceData`, `$batchedUpdates`, event objects, the page stack behind my.navigateTo & co.
 *
 * Definitions are captured when a module runs `Page({...})` / `Component({...})` / `App({...})`. A module runs
 * once per jest module registry, so mounting the same page twice reuses its definition (each mount still gets
 * a fresh instance and a deep copy of `data`). For fresh stores and fresh modules per test call
 * `jest.resetModules()` before `createRuntime()`, and read stores with `runtime.requireFromRoot()` (a static
 * `import` in the test file holds the registry from before the reset, not the one the page sees).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createFakeMy, MyFailureError } from './fake-my';
import type { FakeMy, FakeMyControl, NavigationApi, NavigationRequest } from './fake-my';
import { parseUrl } from '../core/paths';
import { bindMethods, Component2Lifecycle, initialData, readComponentDefinition } from '../core/component2';
import { eventObject, type MiniEvent } from '../core/event-object';
import { PageLifecycle } from '../core/page-lifecycle';
import { PageStack } from '../core/page-stack';
import { ViewState } from '../core/view-state';
import { cameraBindingsOf } from './template-cameras';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
/** One setData transfer may carry at most 256 KB (/mini/ide/01d5bg). */
export const SET_DATA_LIMIT_BYTES = 256 * 1024;
export { MAX_PAGE_STACK } from '../core/page-stack';

const realSetTimeout = setTimeout;
const realSetImmediate = setImmediate;
const realNow = Date.now.bind(Date);

type AnyFunction = (...args: never[]) => unknown;
type Definition = Record<string, unknown>;
type Query = Record<string, string>;
type LaunchOptions = MiniProgram.App.LaunchOptions;

// ---------------------------------------------------------------------------------------------------------------
// Public types

export interface SetDataRecord {
  kind: 'setData' | '$spliceData';
  /** The patch as the view received it (JSON round trip: `undefined` values are gone). */
  payload: Record<string, unknown>;
  /** JSON size of this call in bytes. */
  bytes: number;
  /** Transfer number (1-based); calls inside one `$batchedUpdates` share one. */
  transfer: number;
  /** Made inside `$batchedUpdates`. */
  batched: boolean;
}

export interface EventInit {
  /** Event type; `tap()` uses `'tap'`; `fire()` derives it from the handler name (`onInputChange` → `inputChange`). */
  type?: string;
  /** `data-*` attributes of the element the handler is bound on (`currentTarget.dataset`, also `target.dataset`). */
  dataset?: Record<string, unknown>;
  /** `data-*` of the element actually touched, when it differs (`target.targetDataset`). */
  targetDataset?: Record<string, unknown>;
  detail?: unknown;
  id?: string;
  tagName?: string;
  /** Extra fields merged into the event object (e.g. `touches`). */
  extra?: Record<string, unknown>;
}

export type { MiniEvent } from '../core/event-object';

export interface EventChannel {
  emit(eventName: string, args?: unknown): void;
  on(eventName: string, callback: (...args: unknown[]) => void): void;
  once(eventName: string, callback: (...args: unknown[]) => void): void;
  off(eventName: string, callback: (...args: unknown[]) => void): void;
}

/** `this` of a page as the runtime builds it. Methods of the definition are on it, bound. */
export interface PageInstance<D = Record<string, unknown>> {
  data: D;
  readonly route: string;
  readonly options: Query;
  setData(patch: Record<string, unknown>, callback?: () => void): void;
  $spliceData(patch: Record<string, unknown>, callback?: () => void): void;
  $batchedUpdates(callback: () => void): void;
  getOpenerEventChannel(): EventChannel;
  [member: string]: unknown;
}

/** `this` of a component (Component2) as the runtime builds it. */
export interface ComponentInstance<D = Record<string, unknown>, P = Record<string, unknown>> {
  data: D;
  readonly props: Readonly<P>;
  readonly is: string;
  readonly $id: number;
  readonly $page: PageInstance | null;
  setData(patch: Record<string, unknown>, callback?: () => void): void;
  $spliceData(patch: Record<string, unknown>, callback?: () => void): void;
  $batchedUpdates(callback: () => void): void;
  [member: string]: unknown;
}

interface ViewHandle<D> {
  /** The live data (same object as `instance.data`). */
  readonly data: D;
  /** Every setData / $spliceData call, in order. */
  readonly setDataCalls: SetDataRecord[];
  /** Transfers to the view so far (a `$batchedUpdates` counts once). */
  readonly transferCount: number;
  /** Forget recorded calls (e.g. after the initial load) so a test can assert only what an action sends. */
  clearSetDataCalls(): void;
  /** Hooks the runtime ran on this view, in order (`onLoad`, `onShow`, … / `onInit`, `didMount`, …). */
  readonly lifecycle: string[];
  /** Calls `handler` with a tap event: `{ type: 'tap', timeStamp, target, currentTarget, detail }`. Returns what it returns. */
  tap(handler: string, init?: EventInit): unknown;
  /** Calls `handler` with an event built from `init`. Returns what it returns. */
  fire(handler: string, init?: EventInit): unknown;
  /** Calls any method of the instance with plain arguments. */
  call(method: string, ...args: unknown[]): unknown;
  /** Same as `runtime.flush()`. */
  flush(options?: FlushOptions): Promise<void>;
}

export interface PageHandle<D = Record<string, unknown>> extends ViewHandle<D> {
  readonly route: string;
  readonly query: Query;
  readonly instance: PageInstance<D>;
  readonly state: 'shown' | 'hidden' | 'unloaded';
  show(): void;
  hide(): void;
  /** Runs onUnload and takes the page off the stack (the page below is not shown: use my.navigateBack for that). */
  unload(): void;
  reachBottom(): void;
  pullDownRefresh(from?: 'manual' | 'code'): void;
  pageScroll(scrollTop: number, scrollHeight?: number): void;
  /** Runs onShareAppMessage (awaiting an async one) and returns its answer. */
  shareAppMessage(
    event?: Partial<MiniProgram.Page.IShareAppMessageEvent>,
  ): Promise<Partial<MiniProgram.Page.IShareAppMessage> | undefined>;
}

export interface ComponentHandle<D = Record<string, unknown>, P = Record<string, unknown>> extends ViewHandle<D> {
  readonly instance: ComponentInstance<D, P>;
  /** Current props: the definition's defaults (and mixins') with the given props over them. */
  readonly props: Readonly<P>;
  readonly mounted: boolean;
  /** A parent re-render with new props: deriveDataFromProps(nextProps), then didUpdate(prevProps, prevData). Merged over the current props. */
  setProps(next: Partial<P>): void;
  /** Runs didUnmount; later setData calls are reported as violations. */
  unmount(): void;
}

export interface AppHandle {
  readonly instance: Record<string, unknown>;
  readonly launchOptions: LaunchOptions;
  readonly lifecycle: string[];
  show(options?: Partial<LaunchOptions>): void;
  hide(): void;
}

export interface AppJson {
  pages?: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { items?: Array<{ pagePath: string }> };
}

export interface RuntimeOptions {
  /** A fake `my` to use (e.g. one kept from an earlier runtime, for "next launch" tests). Default: a new one. */
  my?: FakeMy;
  /** Project root that routes and module paths are relative to. Default: the repository root. */
  root?: string;
  /**
   * Pages and tab pages for navigation checks. Default: `<root>/app.json` when it exists; `false` = none
   * (any route resolves, no tab pages). Direct `mountPage` never checks it.
   */
  appJson?: string | AppJson | false;
  /** When true, my.navigateTo / redirectTo / switchTab / reLaunch load and mount the target page. Default false:
   * the stack gets a stub entry `{ route, options, data: {}, $stub: true }` and nothing is loaded. */
  mountOnNavigate?: boolean;
  /** Extra globals to install for the runtime's life (e.g. build-time constants like `__API_BASE_URL__`). */
  globals?: Record<string, unknown>;
  /** When true (default) `dispose()` throws if any violation was recorded. */
  strict?: boolean;
  /** Per-transfer setData limit; bigger transfers are violations. Default 256 KB. */
  setDataLimitBytes?: number;
  /** `flush()` waits for setTimeout timers due within this many ms of being set. Default 5000. */
  timerHorizonMs?: number;
}

export interface FlushOptions {
  /** Give up (throwing, naming what is still pending) after this long. Default 10 000 ms. */
  timeoutMs?: number;
  /** Also wait for pending setTimeout timers (real timers only). Default true. */
  waitForTimers?: boolean;
}

export interface Runtime {
  readonly my: FakeMy;
  /** Same as `my.$fake`. */
  readonly fake: FakeMyControl;
  readonly root: string;
  mountOnNavigate: boolean;
  /**
   * Platform rules the code under test broke: setData after unload/unmount, a transfer over 256 KB, a
   * callback or listener that threw. `dispose()` throws when there are any (unless `strict: false`).
   */
  readonly violations: string[];
  /** Requires the app module (default `'app'`), runs onLaunch then onShow; `getApp()` returns the instance. */
  mountApp(modulePath?: string, launchOptions?: Partial<LaunchOptions>): AppHandle;
  /** Opens a page on top of the stack (the previous top gets onHide): onLoad(query), onShow, onReady. */
  mountPage<D = Record<string, unknown>>(route: string, query?: Query): PageHandle<D>;
  /** Creates a component: onInit, deriveDataFromProps(props), didMount. */
  mountComponent<D = Record<string, unknown>, P = Record<string, unknown>>(
    modulePath: string,
    props?: Partial<P>,
    options?: { page?: PageHandle<unknown> },
  ): ComponentHandle<D, P>;
  /** The page stack, bottom first, as the global getCurrentPages() returns it. */
  getCurrentPages(): PageInstance[];
  /** Routes of the page stack, bottom first. */
  routes(): string[];
  /** The handle of the top page, if it was mounted (not a stub). */
  currentPage<D = Record<string, unknown>>(): PageHandle<D> | undefined;
  /** `require` of a module under the root through jest's current registry (the one pages see). */
  requireFromRoot<T = unknown>(modulePath: string): T;
  /** App to background: page onHide, then app onHide. */
  enterBackground(): void;
  /** App to foreground: app onShow, then page onShow. */
  enterForeground(options?: Partial<LaunchOptions>): void;
  /**
   * Waits until async work settles: no `my.*` call pending (requests, storage, callbacks), no setTimeout
   * due within the horizon, and a few idle event-loop turns. Throws after `timeoutMs` naming what is pending.
   */
  flush(options?: FlushOptions): Promise<void>;
  /** Unloads pages and components, aborts requests, removes the globals; throws on violations when strict. */
  dispose(): void;
}

// ---------------------------------------------------------------------------------------------------------------
// Definition capture

type Kind = 'App' | 'Page' | 'Component';
/** Module-level so a definition survives while jest's registry keeps the module (it runs only once per registry). */
const captured = new Map<string, { kind: Kind; def: Definition }>();
const loading: Array<{ file: string; registered: boolean }> = [];

function register(kind: Kind, def: unknown): void {
  if (typeof def !== 'object' || def === null) throw new Error(`${kind}() needs an options object`);
  const frame = loading[loading.length - 1];
  if (!frame) return; // a module required outside mount*(): nothing to mount
  if (frame.registered) throw new Error(`${frame.file} calls ${kind}() more than once`);
  frame.registered = true;
  captured.set(frame.file, { kind, def: def as Definition });
}

// ---------------------------------------------------------------------------------------------------------------
// Shared view machinery: data, setData, $spliceData, $batchedUpdates

/** A view's data on the shared ViewState; every call is recorded, transfers are checked against the limit. */
class ViewCore extends ViewState {
  readonly records: SetDataRecord[] = [];

  constructor(
    runtime: RuntimeImpl,
    label: () => string,
    data: Record<string, unknown>,
    /** Called after each transfer with the data before it (components run their update hooks from here). */
    afterTransfer?: (prevData: Record<string, unknown>) => void,
  ) {
    super(
      data,
      {
        afterUnload: (kind, patch) =>
          runtime.violation(
            `${kind}(${Object.keys(patch).join(', ')}) on ${label()} after it was unloaded: ` +
              'a store binding or timer was not disposed',
          ),
        call: (kind, payload, bytes, transfer, batched) =>
          this.records.push({ kind, payload, bytes, transfer, batched }),
        transfer: (_ops, calls, bytes, _n, callbacks) => {
          if (bytes > runtime.setDataLimitBytes)
            runtime.violation(
              `${calls > 1 ? 'a $batchedUpdates transfer' : 'a setData call'} on ${label()} carried ${bytes} bytes, ` +
                `over the ${runtime.setDataLimitBytes}-byte limit`,
            );
          // setData callbacks run after the view has rendered: asynchronously.
          for (const callback of callbacks)
            runtime.track(
              Promise.resolve().then(() => {
                try {
                  callback();
                } catch (error) {
                  runtime.violation(`setData callback on ${label()} threw: ${describe(error)}`);
                }
              }),
            );
        },
      },
      afterTransfer,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function buildEvent(type: string, init: EventInit = {}): MiniEvent {
  const dataset = init.dataset ?? {};
  const element = { id: init.id ?? '', tagName: init.tagName ?? 'view', offsetLeft: 0, offsetTop: 0 };
  const event = eventObject(
    init.type ?? type,
    { ...element, dataset },
    { ...element, dataset: init.targetDataset ?? dataset },
    init.detail === undefined ? {} : init.detail,
    null,
    realNow(),
  );
  return { ...event, ...(init.extra ?? {}) };
}

/** `onInputChange` → `inputChange`, `catchTap` → `tap`. */
function eventTypeOf(handler: string): string {
  const bare = handler.replace(/^(on|catch)(?=[A-Z])/, '');
  return bare.charAt(0).toLowerCase() + bare.slice(1);
}

function bindMembers(target: Record<string, unknown>, source: Definition, skip: Set<string>): void {
  for (const [key, value] of Object.entries(source)) {
    if (skip.has(key)) continue;
    target[key] = typeof value === 'function' ? (value as AnyFunction).bind(target) : value;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Event channel between an opener and the page it opened

class Channel implements EventChannel {
  peer: Channel | null = null;
  private readonly listeners = new Map<string, Array<{ callback: (...args: unknown[]) => void; once: boolean }>>();
  emit(eventName: string, args?: unknown): void {
    const list = this.peer?.listeners.get(eventName) ?? [];
    for (const entry of [...list]) {
      if (entry.once) this.peer?.off(eventName, entry.callback);
      entry.callback(args);
    }
  }
  on(eventName: string, callback: (...args: unknown[]) => void): void {
    this.listeners.set(eventName, [...(this.listeners.get(eventName) ?? []), { callback, once: false }]);
  }
  once(eventName: string, callback: (...args: unknown[]) => void): void {
    this.listeners.set(eventName, [...(this.listeners.get(eventName) ?? []), { callback, once: true }]);
  }
  off(eventName: string, callback: (...args: unknown[]) => void): void {
    this.listeners.set(
      eventName,
      (this.listeners.get(eventName) ?? []).filter((entry) => entry.callback !== callback),
    );
  }
  static pair(events?: Record<string, (...args: unknown[]) => void>): { opener: Channel; opened: Channel } {
    const opener = new Channel();
    const opened = new Channel();
    opener.peer = opened;
    opened.peer = opener;
    for (const [name, callback] of Object.entries(events ?? {})) opener.on(name, callback);
    return { opener, opened };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

const PAGE_PLATFORM_MEMBERS = new Set(['data', 'route', 'options', 'setData', '$spliceData', '$batchedUpdates']);

/** What a test reads of any view: its data and the setData calls it made. */
abstract class RecordedView<D> {
  abstract readonly core: ViewCore;
  abstract readonly instance: { data: D };

  get data(): D {
    return this.instance.data;
  }
  get setDataCalls(): SetDataRecord[] {
    return this.core.records;
  }
  get transferCount(): number {
    return this.core.transfers;
  }
  clearSetDataCalls(): void {
    this.core.records.length = 0;
  }
}

/** What the fake `my` adds for the page lifecycle (runtime/harness/fake-my.ts). */
interface PageVisibilityHooks {
  $pageHidden(pageId: string): Promise<void>;
  $pageShown(pageId: string): Promise<void>;
}

let pageViewSeq = 0;

class PageView<D> extends RecordedView<D> implements PageHandle<D> {
  readonly instance: PageInstance<D>;
  /** Names the page to the camera part (which page's cameras stop). */
  readonly viewId = `p${++pageViewSeq}`;
  readonly lifecycle: string[] = [];
  readonly core: ViewCore;
  private readonly page: PageLifecycle;
  /** A page the stack knows only by route (navigation while mountOnNavigate is off). */
  readonly stub: boolean;
  /** The opener's end of the event channel, when my.navigateTo opened this page. */
  openerChannel: Channel | null = null;

  get state(): 'shown' | 'hidden' | 'unloaded' {
    const state = this.page.state;
    return state === 'new' ? 'hidden' : state;
  }

  get unloaded(): boolean {
    return this.state === 'unloaded';
  }

  constructor(
    private readonly runtime: RuntimeImpl,
    readonly route: string,
    readonly query: Query,
    def: Definition | null,
    openerChannel: Channel | null,
  ) {
    super();
    this.stub = def === null;
    const instance: Record<string, unknown> = {};
    this.core = new ViewCore(runtime, () => `page ${route}`, def ? initialData(def) : {});
    if (def) bindMembers(instance, def, PAGE_PLATFORM_MEMBERS);
    const core = this.core;
    Object.assign(instance, {
      data: core.data,
      route,
      options: { ...query },
      setData: (patch: Record<string, unknown>, callback?: () => void) => core.setData(patch, callback),
      $spliceData: (patch: Record<string, unknown>, callback?: () => void) => core.spliceData(patch, callback),
      $batchedUpdates: (run: () => void) => core.batch(run),
      getOpenerEventChannel: () => openerChannel ?? new Channel(),
    });
    if (this.stub) instance.$stub = true;
    this.instance = instance as PageInstance<D>;
    this.page = new PageLifecycle(instance, {
      run: (_where, fn) => fn(),
      ran: (name) => this.lifecycle.push(name),
      // The runtime model's rule (runtime/my/camera.ts): a page that hides stops its cameras.
      hidden: () => runtime.track((runtime.my as unknown as PageVisibilityHooks).$pageHidden(this.viewId)),
      shown: () => runtime.track((runtime.my as unknown as PageVisibilityHooks).$pageShown(this.viewId)),
    });
  }

  /** Runs a lifecycle hook (page-level and in `events`) if the page defines it. */
  hook(name: string, ...args: unknown[]): unknown {
    return this.page.hook(name, ...args);
  }

  load(): void {
    this.hook('onLoad', { ...this.query });
    this.doShow();
    this.hook('onReady');
  }

  doShow(): void {
    this.page.show();
  }

  doHide(): void {
    this.page.hide();
  }

  doUnload(): void {
    if (this.page.unload()) this.core.alive = false;
  }

  private assertLoaded(action: string): void {
    if (this.stub) throw new Error(`${action}: page ${this.route} is a navigation stub (mountOnNavigate is off)`);
    if (this.state === 'unloaded') throw new Error(`${action}: page ${this.route} was unloaded`);
  }

  /** Shows the page (onShow); on a page already shown, runs onShow again as a return to it would. */
  show(): void {
    this.assertLoaded('show()');
    if (this.state === 'shown') this.hook('onShow');
    else this.doShow();
  }
  hide(): void {
    this.assertLoaded('hide()');
    this.doHide();
  }
  unload(): void {
    this.assertLoaded('unload()');
    this.runtime.removeFromStack(this as PageView<unknown>);
    this.doUnload();
  }
  reachBottom(): void {
    this.assertLoaded('reachBottom()');
    this.hook('onReachBottom');
  }
  pullDownRefresh(from: 'manual' | 'code' = 'manual'): void {
    this.assertLoaded('pullDownRefresh()');
    this.hook('onPullDownRefresh', { from });
  }
  pageScroll(scrollTop: number, scrollHeight = 2000): void {
    this.assertLoaded('pageScroll()');
    this.hook('onPageScroll', { scrollTop, scrollHeight });
  }
  async shareAppMessage(
    event: Partial<MiniProgram.Page.IShareAppMessageEvent> = {},
  ): Promise<Partial<MiniProgram.Page.IShareAppMessage> | undefined> {
    this.assertLoaded('shareAppMessage()');
    const answer = this.hook('onShareAppMessage', { from: 'menu', ...event });
    return (await answer) as Partial<MiniProgram.Page.IShareAppMessage> | undefined;
  }

  tap(handler: string, init: EventInit = {}): unknown {
    return this.fire(handler, { type: 'tap', ...init });
  }
  fire(handler: string, init: EventInit = {}): unknown {
    this.assertLoaded(`fire(${handler})`);
    const method = this.instance[handler];
    if (typeof method !== 'function') throw new Error(`${handler} is not a method of page ${this.route}`);
    return (method as AnyFunction).call(this.instance, buildEvent(eventTypeOf(handler), init) as never);
  }
  call(method: string, ...args: unknown[]): unknown {
    const fn = this.instance[method];
    if (typeof fn !== 'function') throw new Error(`${method} is not a method of page ${this.route}`);
    return (fn as AnyFunction).apply(this.instance, args as never[]);
  }
  flush(options?: FlushOptions): Promise<void> {
    return this.runtime.flush(options);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Components (Component2)

let componentSeq = 0;

/** Props over defaults; a prop given as undefined is not passed (props cross to the logic as JSON). */
function withDefaults(defaults: Record<string, unknown>, props: Record<string, unknown>): Record<string, unknown> {
  const out = { ...defaults };
  for (const [key, value] of Object.entries(props)) if (value !== undefined) out[key] = value;
  return out;
}

/** A component the test mounts directly, on the shared Component2 lifecycle; hook errors reach the test. */
class ComponentView<D, P> extends RecordedView<D> implements ComponentHandle<D, P> {
  readonly instance: ComponentInstance<D, P>;
  readonly lifecycle: string[] = [];
  readonly core: ViewCore;
  private readonly component: Component2Lifecycle;
  private readonly label: string;
  private readonly defaults: Record<string, unknown>;

  constructor(
    private readonly runtime: RuntimeImpl,
    file: string,
    def: Definition,
    props: Partial<P>,
    page: PageInstance | null,
  ) {
    super();
    const definition = readComponentDefinition(def);
    this.defaults = definition.defaults;
    const relative = path
      .relative(runtime.root, file)
      .replace(/\\/g, '/')
      .replace(/\.[jt]s$/, '');
    this.label = `component /${relative}`;
    this.core = new ViewCore(
      runtime,
      () => this.label,
      definition.data,
      (prevData) => this.component.afterOwnSetData(prevData),
    );
    const core = this.core;
    const instance: Record<string, unknown> = {
      is: `/${relative}`,
      $id: ++componentSeq,
      $page: page,
      props: Object.freeze(withDefaults(definition.defaults, props as Record<string, unknown>)),
      setData: (patch: Record<string, unknown>, callback?: () => void) => core.setData(patch, callback),
      $spliceData: (patch: Record<string, unknown>, callback?: () => void) => core.spliceData(patch, callback),
      $batchedUpdates: (run: () => void) => core.batch(run),
    };
    Object.defineProperty(instance, 'data', { get: () => core.data, enumerable: true, configurable: true });
    bindMethods(instance, definition.methods);
    this.instance = instance as ComponentInstance<D, P>;
    this.component = new Component2Lifecycle(definition, instance, {
      run: (hook, fn) => this.own(hook, fn),
      ran: (hook) => this.lifecycle.push(hook),
    });
    this.component.create();
    this.component.mount();
  }

  get mounted(): boolean {
    return this.component.phase === 'mounted';
  }

  /** Runs the component's own code: what it throws reaches my.onComponentError listeners, then the test. */
  private own<T>(method: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      this.runtime.my.$fake.componentError(error, method, this.instance);
      throw error;
    }
  }

  get props(): Readonly<P> {
    return this.instance.props;
  }

  setProps(next: Partial<P>): void {
    if (!this.mounted) throw new Error(`setProps(): ${this.label} is not mounted`);
    // A prop the parent stops passing (undefined) falls back to its default.
    const passed = { ...(this.instance.props as Record<string, unknown>), ...next } as Record<string, unknown>;
    for (const key of Object.keys(next)) if (next[key as keyof P] === undefined) delete passed[key];
    const nextProps = Object.freeze(withDefaults(this.defaults, passed));
    this.component.receiveProps(nextProps, this.core.data);
  }

  unmount(): void {
    if (!this.component.unmount()) return;
    this.runtime.components.delete(this as ComponentView<unknown, unknown>);
    this.core.alive = false;
  }

  tap(handler: string, init: EventInit = {}): unknown {
    return this.fire(handler, { type: 'tap', ...init });
  }
  /** A method of the component, or else a function prop (how a Component2 parent receives events). */
  fire(handler: string, init: EventInit = {}): unknown {
    const event = buildEvent(eventTypeOf(handler), init);
    const method = this.instance[handler];
    if (typeof method === 'function')
      return this.own(handler, () => (method as AnyFunction).call(this.instance, event as never));
    const prop = (this.instance.props as Record<string, unknown>)[handler];
    if (typeof prop === 'function') return (prop as AnyFunction)(event as never);
    throw new Error(`${handler} is neither a method nor a function prop of ${this.label}`);
  }
  call(method: string, ...args: unknown[]): unknown {
    const fn = this.instance[method];
    if (typeof fn !== 'function') throw new Error(`${method} is not a method of ${this.label}`);
    return this.own(method, () => (fn as AnyFunction).apply(this.instance, args as never[]));
  }
  flush(options?: FlushOptions): Promise<void> {
    return this.runtime.flush(options);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The runtime

type GlobalBag = Record<string, unknown>;
const INSTALLED_GLOBALS = ['my', 'Page', 'Component', 'App', 'getApp', 'getCurrentPages'] as const;
/** Globals are process-wide: one runtime at a time. */
let runtimeActive = false;

class RuntimeImpl implements Runtime {
  readonly my: FakeMy;
  readonly root: string;
  mountOnNavigate: boolean;
  readonly setDataLimitBytes: number;
  readonly components = new Set<ComponentView<unknown, unknown>>();
  private readonly ownViolations: string[] = [];
  private readonly stack: PageStack<PageView<unknown>>;
  private app: Record<string, unknown> | null = null;
  private appHandle: AppHandle | null = null;
  private readonly defaultApp: Record<string, unknown> = { globalData: {} };
  private readonly savedGlobals = new Map<string, PropertyDescriptor | undefined>();
  private readonly tracked = new Set<Promise<unknown>>();
  private readonly pendingTimers = new Map<unknown, number>();
  private timerWrappers: { setTimeout: unknown; clearTimeout: unknown } | null = null;
  private originalTimers: { setTimeout: unknown; clearTimeout: unknown } | null = null;
  private readonly appJson: AppJson | null;
  private readonly strict: boolean;
  private readonly timerHorizonMs: number;
  private disposed = false;

  constructor(options: RuntimeOptions) {
    if (runtimeActive)
      throw new Error('createRuntime(): another runtime is still active; dispose() it first (e.g. in afterEach)');
    this.my = options.my ?? createFakeMy();
    this.root = options.root ?? PROJECT_ROOT;
    this.mountOnNavigate = options.mountOnNavigate ?? false;
    this.strict = options.strict ?? true;
    this.setDataLimitBytes = options.setDataLimitBytes ?? SET_DATA_LIMIT_BYTES;
    this.timerHorizonMs = options.timerHorizonMs ?? 5000;
    this.appJson = this.readAppJson(options.appJson);
    this.stack = new PageStack<PageView<unknown>>({
      tabRoutes: () => this.tabRoutes(),
      hasAppConfig: () => this.appJson !== null,
      create: (route, query, request, url) => this.openForNavigation(url, route, query, request),
      start: (page) => page.load(),
      show: (page) => page.doShow(),
      hide: (page) => page.doHide(),
      unload: (page) => page.doUnload(),
    });

    const globals: GlobalBag = {
      ...options.globals,
      my: this.my,
      Page: (def: unknown) => register('Page', def),
      Component: (def: unknown) => register('Component', def),
      App: (def: unknown) => register('App', def),
      getApp: () => this.app ?? this.defaultApp,
      getCurrentPages: () => this.getCurrentPages(),
    };
    for (const [name, value] of Object.entries(globals)) this.installGlobal(name, value);
    this.my.$fake.camera.whenStopped((pageId) => this.fireCameraStops(pageId));
    this.installTimerTracking();
    this.my.$fake.setNavigationHandler((api, request) => this.navigate(api, request));
    runtimeActive = true;
  }

  get fake(): FakeMyControl {
    return this.my.$fake;
  }

  get violations(): string[] {
    return [...this.ownViolations, ...this.my.$fake.problems];
  }

  violation(message: string): void {
    this.ownViolations.push(message);
  }

  /** The core stopped the cameras of a page that hid: each `<camera onStop>` of its template fires. */
  private fireCameraStops(pageId: string): void {
    const page = this.stack.pages.find((view) => view.viewId === pageId);
    if (!page || page.stub || page.unloaded) return;
    for (const camera of cameraBindingsOf(this.root, page.route)) {
      if (!camera.onStop) continue;
      try {
        page.fire(camera.onStop, { type: 'stop', id: camera.id, tagName: 'camera' });
      } catch (error) {
        this.violation(`<camera onStop> of ${page.route} threw: ${describe(error)}`);
      }
    }
  }

  track(promise: Promise<unknown>): void {
    this.tracked.add(promise);
    void promise.finally(() => this.tracked.delete(promise));
  }

  // ---- globals and timers ----

  private installGlobal(name: string, value: unknown): void {
    const bag = global as unknown as GlobalBag;
    this.savedGlobals.set(name, Object.getOwnPropertyDescriptor(bag, name));
    Object.defineProperty(bag, name, { value, writable: true, configurable: true, enumerable: false });
  }

  /** Wraps setTimeout so flush() can wait for short timers (retry backoff, debounce). Skipped under fake timers. */
  private installTimerTracking(): void {
    const bag = global as unknown as GlobalBag;
    const original = bag.setTimeout as ((...args: unknown[]) => unknown) & Record<string, unknown>;
    const originalClear = bag.clearTimeout as (handle: unknown) => void;
    if ('clock' in original || '_isMockFunction' in original) return;
    const pending = this.pendingTimers;
    const horizon = this.timerHorizonMs;
    const wrappedSetTimeout = function (this: unknown, handler: unknown, ms?: unknown, ...args: unknown[]): unknown {
      if (typeof handler !== 'function') return original.call(this, handler, ms, ...args);
      const delay = Math.max(0, Number(ms) || 0);
      const handle: unknown = original.call(
        this,
        function (this: unknown, ...callArgs: unknown[]) {
          pending.delete(handle);
          return (handler as AnyFunction).apply(this, callArgs as never[]);
        },
        ms,
        ...args,
      );
      if (delay <= horizon) pending.set(handle, realNow() + delay);
      return handle;
    };
    for (const key of Object.getOwnPropertySymbols(original))
      Object.defineProperty(
        wrappedSetTimeout,
        key,
        Object.getOwnPropertyDescriptor(original, key) as PropertyDescriptor,
      );
    const wrappedClearTimeout = (handle: unknown) => {
      pending.delete(handle);
      originalClear(handle);
    };
    this.originalTimers = { setTimeout: original, clearTimeout: originalClear };
    this.timerWrappers = { setTimeout: wrappedSetTimeout, clearTimeout: wrappedClearTimeout };
    bag.setTimeout = wrappedSetTimeout;
    bag.clearTimeout = wrappedClearTimeout;
  }

  private timerTrackingActive(): boolean {
    return this.timerWrappers !== null && (global as unknown as GlobalBag).setTimeout === this.timerWrappers.setTimeout;
  }

  // ---- modules ----

  private resolveModule(modulePath: string): string {
    const absolute = path.isAbsolute(modulePath) ? modulePath : path.join(this.root, modulePath.replace(/^\/+/, ''));
    return require.resolve(absolute);
  }

  requireFromRoot<T = unknown>(modulePath: string): T {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(this.resolveModule(modulePath)) as T;
  }

  private loadDefinition(kind: Kind, modulePath: string): { file: string; def: Definition } {
    const file = this.resolveModule(modulePath);
    const frame = { file, registered: false };
    loading.push(frame);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(file);
    } finally {
      loading.pop();
    }
    const entry = captured.get(file);
    if (!entry)
      throw new Error(
        `${file} did not call ${kind}() when it was loaded. If it was required before createRuntime() installed ` +
          `the globals, call jest.resetModules() first.`,
      );
    if (entry.kind !== kind) throw new Error(`${file} registers a ${entry.kind}, not a ${kind}`);
    return { file, def: entry.def };
  }

  // ---- app ----

  mountApp(modulePath = 'app', launchOptions: Partial<LaunchOptions> = {}): AppHandle {
    const { def } = this.loadDefinition('App', modulePath);
    const instance: Record<string, unknown> = {};
    bindMembers(instance, def, new Set());
    this.app = instance;
    const launch: LaunchOptions = { query: {}, scene: 1000, path: '', referrerInfo: {} as never, ...launchOptions };
    const lifecycle: string[] = [];
    const hook = (name: string, ...args: unknown[]) => {
      const fn = instance[name];
      if (typeof fn !== 'function') return;
      lifecycle.push(name);
      (fn as AnyFunction).apply(instance, args as never[]);
    };
    hook('onLaunch', { ...launch });
    hook('onShow', { ...launch });
    this.appHandle = {
      instance,
      launchOptions: launch,
      lifecycle,
      show: (options = {}) => hook('onShow', { ...launch, ...options }),
      hide: () => hook('onHide'),
    };
    return this.appHandle;
  }

  enterBackground(): void {
    this.topPage()?.doHide();
    this.appHandle?.hide();
  }

  enterForeground(options: Partial<LaunchOptions> = {}): void {
    this.appHandle?.show(options);
    const top = this.topPage();
    if (top && top.state === 'hidden') top.doShow();
  }

  // ---- pages ----

  private topPage(): PageView<unknown> | undefined {
    return this.stack.top();
  }

  private createPage(route: string, query: Query, mount: boolean, opener: Channel | null): PageView<unknown> {
    const def = mount ? this.loadDefinition('Page', route).def : null;
    return new PageView(this, route, query, def, opener);
  }

  mountPage<D = Record<string, unknown>>(route: string, query: Query = {}): PageHandle<D> {
    const parsed = parseUrl(route.replace(/^\/+/, '').replace(/\.[jt]s$/, ''));
    const page = this.createPage(parsed.route, { ...parsed.query, ...query }, true, null);
    this.stack.push(page);
    return page as unknown as PageHandle<D>;
  }

  getCurrentPages(): PageInstance[] {
    return this.stack.pages.map((page) => page.instance as PageInstance);
  }

  routes(): string[] {
    return this.stack.pages.map((page) => page.route);
  }

  currentPage<D = Record<string, unknown>>(): PageHandle<D> | undefined {
    const top = this.topPage();
    return top && !top.stub ? (top as unknown as PageHandle<D>) : undefined;
  }

  removeFromStack(page: PageView<unknown>): void {
    this.stack.remove(page);
  }

  // ---- components ----

  mountComponent<D = Record<string, unknown>, P = Record<string, unknown>>(
    modulePath: string,
    props: Partial<P> = {},
    options: { page?: PageHandle<unknown> } = {},
  ): ComponentHandle<D, P> {
    const { file, def } = this.loadDefinition('Component', modulePath);
    const view = new ComponentView<D, P>(
      this,
      file,
      def,
      props,
      (options.page?.instance ?? null) as PageInstance | null,
    );
    this.components.add(view as ComponentView<unknown, unknown>);
    return view;
  }

  // ---- navigation through the fake my ----

  private readAppJson(option: RuntimeOptions['appJson']): AppJson | null {
    if (option === false) return null;
    if (typeof option === 'object') return option;
    const file = option ?? path.join(this.root, 'app.json');
    if (!fs.existsSync(file)) {
      if (option) throw new Error(`appJson: ${file} does not exist`);
      return null;
    }
    return JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson;
  }

  private tabRoutes(): Set<string> {
    return new Set((this.appJson?.tabBar?.items ?? []).map((item) => item.pagePath.replace(/^\/+/, '')));
  }

  private knownRoute(route: string): boolean {
    if (!this.appJson) return true;
    const pages = new Set((this.appJson.pages ?? []).map((page) => page.replace(/^\/+/, '')));
    for (const sub of [...(this.appJson.subPackages ?? []), ...(this.appJson.subpackages ?? [])])
      for (const page of sub.pages) pages.add(path.posix.join(sub.root.replace(/^\/+/, ''), page));
    return pages.has(route);
  }

  private openForNavigation(
    url: string,
    route: string,
    query: Query,
    request: NavigationRequest & { events?: Record<string, (...args: unknown[]) => void> },
  ): PageView<unknown> {
    if (this.disposed) throw new MyFailureError({ error: 1, errorMessage: 'runtime disposed' });
    if (!this.knownRoute(route))
      throw new MyFailureError({ error: 1, errorMessage: `${url} resolved to ${route} is not found` });
    const { opener, opened } = Channel.pair(request.events);
    try {
      const page = this.createPage(route, query, this.mountOnNavigate, opened);
      page.openerChannel = opener;
      return page;
    } catch (error) {
      if (error instanceof Error && /Cannot find module/.test(error.message))
        throw new MyFailureError({ error: 1, errorMessage: `${url} resolved to ${route} is not found` });
      throw error;
    }
  }

  async navigate(api: NavigationApi, request: NavigationRequest): Promise<{ eventChannel?: unknown } | void> {
    if (this.disposed) throw new MyFailureError({ error: 1, errorMessage: 'runtime disposed' });
    const page = await this.stack.navigate(api, request);
    if (api === 'navigateTo') return { eventChannel: page?.openerChannel };
  }

  // ---- settling ----

  async flush(options: FlushOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const waitForTimers = options.waitForTimers ?? true;
    const deadline = realNow() + timeoutMs;
    let idleTurns = 0;
    for (;;) {
      await new Promise<void>((resolve) => realSetImmediate(resolve));
      const calls = this.my.$fake.pending + this.tracked.size;
      const timers = waitForTimers && this.timerTrackingActive() ? [...this.pendingTimers.values()] : [];
      if (calls === 0 && timers.length === 0) {
        if (++idleTurns >= 3) return;
        continue;
      }
      idleTurns = 0;
      if (realNow() > deadline) {
        const running = this.my.$fake.requests.filter((entry) => entry.status === undefined && !entry.failure);
        throw new Error(
          `flush(): still busy after ${timeoutMs} ms: ${calls} my.* call(s) or callbacks pending` +
            (running.length
              ? ` (requests: ${running.map((entry) => `${entry.method} ${entry.url}`).join(', ')})`
              : '') +
            `, ${timers.length} timer(s) pending. Use flush({ waitForTimers: false }) to ignore timers.`,
        );
      }
      const wait = calls > 0 ? 2 : Math.max(0, Math.min(...timers) - realNow());
      await new Promise<void>((resolve) => realSetTimeout(resolve, Math.min(wait, 50)));
    }
  }

  // ---- teardown ----

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: string[] = [];
    const attempt = (what: string, run: () => void) => {
      try {
        run();
      } catch (error) {
        errors.push(`${what} threw: ${describe(error)}`);
      }
    };
    while (this.stack.pages.length > 0) {
      const page = this.stack.pages.pop() as PageView<unknown>;
      attempt(`onUnload of ${page.route}`, () => page.doUnload());
    }
    for (const kept of this.stack.tabPages.values()) attempt(`onUnload of ${kept.route}`, () => kept.doUnload());
    this.stack.tabPages.clear();
    for (const component of [...this.components]) attempt('didUnmount', () => component.unmount());
    // The app leaves (as when the user closes it): what it keeps running on onHide stops, e.g. its socket.
    if (this.appHandle) attempt('app onHide', () => this.appHandle?.hide());
    this.my.$fake.abortAll();
    this.my.$fake.setNavigationHandler(null);
    const bag = global as unknown as GlobalBag;
    if (this.timerWrappers && this.originalTimers) {
      if (bag.setTimeout === this.timerWrappers.setTimeout) bag.setTimeout = this.originalTimers.setTimeout;
      if (bag.clearTimeout === this.timerWrappers.clearTimeout) bag.clearTimeout = this.originalTimers.clearTimeout;
    }
    for (const [name, descriptor] of this.savedGlobals) {
      if (descriptor) Object.defineProperty(bag, name, descriptor);
      else delete bag[name];
    }
    runtimeActive = false;
    const violations = [...this.violations, ...errors];
    if (this.strict && violations.length > 0)
      throw new Error(`The code under test broke platform rules:\n- ${violations.join('\n- ')}`);
  }
}

/** Installs the fake runtime globals. Call `dispose()` when done (afterEach). Only one runtime at a time. */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  return new RuntimeImpl(options);
}

/** The globals createRuntime installs (for documentation and checks). */
export const RUNTIME_GLOBALS: readonly string[] = INSTALLED_GLOBALS;
