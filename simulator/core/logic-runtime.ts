/**
 * The logic layer of the simulator: runs the CommonJS files of dist/ with `App`, `Page`, `Component`,
 * `getApp`, `getCurrentPages` and `my`, keeps the page stack, and talks to the view only through messages
 * (protocol.ts). It has no DOM: the browser runs it in a Web Worker, unit tests run it in Node.
 *
 * Platform rules followed (opendocs.alipay.com):
 * - page: onLoad(query) → onShow → (first render) → onReady; onHide / onShow on navigation; onUnload when
 *   closed (/mini/framework/page-detail); setData path keys, $spliceData, $batchedUpdates as one transfer
 * - Component2: onInit → deriveDataFromProps(props) → didMount after the first render; an update runs
 *   deriveDataFromProps(nextProps) then didUpdate(prevProps, prevData); the component's own setData also runs
 *   them (/mini/framework/component-template); didUnmount when removed; mixins merge props, data, methods
 *   and run every layer's lifecycles (/mini/framework/mixins)
 * - navigation: ≤ 10 pages in the stack, tab pages only through switchTab, subpackages load on first use
 */
import { canIUseIn } from '../../runtime/my/create-my';
import { createInvoker, MyError, type Invoke, type MyFailure } from '../../runtime/core/invoke';
import { bindMethods, Component2Lifecycle, initialData, readComponentDefinition } from '../../runtime/core/component2';
import { PAGE_HOOKS, PageLifecycle } from '../../runtime/core/page-lifecycle';
import { PageStack, type NavigationApi } from '../../runtime/core/page-stack';
import { ViewState } from '../../runtime/core/view-state';
import { normalize, resolveFrom } from '../../runtime/core/paths';
import type {
  AppConfig,
  LaunchConfig,
  LogicToMain,
  MainToLogic,
  ObserverSpec,
  PageConfig,
  SelectorOp,
} from './protocol';

type AnyFunction = (...args: unknown[]) => unknown;
type Definition = Record<string, unknown>;

export { MAX_PAGE_STACK } from '../../runtime/core/page-stack';

export interface LogicHost {
  post(message: LogicToMain): void;
  /** The .js and .json files of a package (root '' = main package), dist path → text. */
  loadPackage(root: string): Promise<Record<string, string>>;
  /** Where console output of the app goes (the worker's console). */
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;
}

/** APIs that the environment provides (fetch, sockets, UI through the shell…), merged into `my`. */
export type MyApis = Record<string, unknown>;

const encoder = new TextEncoder();
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// ---------------------------------------------------------------------------------------------------------------
// Modules

interface ModuleRecord {
  exports: unknown;
  loaded: boolean;
}

/** Names shadowed inside every module: the engine forbids `globalThis`/`global`, and the worker's own
 * globals (fetch, postMessage…) are not the platform's. */
const SHADOWED = [
  'globalThis',
  'global',
  'self',
  'window',
  'document',
  'postMessage',
  'importScripts',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'navigator',
  'close',
  'onmessage',
];

class ModuleLoader {
  readonly sources = new Map<string, string>();
  private readonly cache = new Map<string, ModuleRecord>();
  /** Paths of modules being evaluated, innermost last (Page/Component calls are attributed to the top). */
  readonly loading: string[] = [];

  constructor(private readonly globals: () => Record<string, unknown>) {}

  add(files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) this.sources.set(normalize(path), text);
  }

  resolve(from: string, spec: string): string | null {
    const base = spec.startsWith('/')
      ? normalize(spec)
      : spec.startsWith('.')
        ? resolveFrom(from, spec)
        : normalize(spec);
    const candidates = [base, `${base}.js`, `${base}/index.js`, `${base}.json`];
    if (!spec.startsWith('.') && !spec.startsWith('/')) candidates.push(`npm/${base}.js`, `npm/${base}/index.js`);
    return candidates.find((candidate) => this.sources.has(candidate)) ?? null;
  }

  json(path: string): unknown {
    const text = this.sources.get(path);
    return text === undefined ? undefined : JSON.parse(text);
  }

  require(from: string, spec: string): unknown {
    const path = this.resolve(from, spec);
    if (!path) throw new Error(`Cannot find module '${spec}' from '${from}' (not in a loaded package of dist/)`);
    return this.load(path);
  }

  load(path: string): unknown {
    const cached = this.cache.get(path);
    if (cached) return cached.exports;
    const source = this.sources.get(path);
    if (source === undefined) throw new Error(`Cannot find module '${path}'`);
    if (path.endsWith('.json')) {
      const record = { exports: JSON.parse(source), loaded: true };
      this.cache.set(path, record);
      return record.exports;
    }
    const module = { exports: {} as unknown, loaded: false };
    this.cache.set(path, module);
    const globals = this.globals();
    const names = [...Object.keys(globals), ...SHADOWED.filter((name) => !(name in globals))];
    const values = names.map((name) => globals[name]);
    // The logic layer runs the app's own JavaScript, as the platform does (this is not the template sandbox).
    const factory = new Function('require', 'module', 'exports', ...names, `${source}\n//# sourceURL=sim:///${path}`);
    this.loading.push(path);
    try {
      factory((spec: string) => this.require(path, spec), module, module.exports, ...values);
      module.loaded = true;
    } catch (error) {
      this.cache.delete(path);
      throw error;
    } finally {
      this.loading.pop();
    }
    return module.exports;
  }

  has(path: string): boolean {
    return this.sources.has(path);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Views (a page or a component): data, setData and transfers

let transferSeq = 0;

/** A view's data on the shared ViewState; transfers go to the view thread as messages. */
class ViewData extends ViewState {
  /** Sent to the view yet? Before that, setData only changes the data the view will start from. */
  connected = false;

  constructor(
    runtime: LogicRuntime,
    readonly pageId: string,
    readonly viewId: string,
    initial: Record<string, unknown>,
    label: () => string,
    /** Runs after a transfer (components: deriveDataFromProps/didUpdate). */
    afterTransfer?: (prevData: Record<string, unknown>) => void,
  ) {
    super(
      initial,
      {
        afterUnload: (kind) => runtime.warn(`${kind} on ${label()} after it was unloaded`),
        transfer: (ops, calls, bytes, _n, callbacks) => {
          if (!this.connected) {
            // Not rendered yet: the view receives the data with the component; callbacks run then.
            runtime.recordHidden(pageId, calls, bytes);
            for (const callback of callbacks) runtime.later(callback, label());
            return;
          }
          const transfer = ++transferSeq;
          if (callbacks.length) runtime.awaitRender(transfer, callbacks, label());
          runtime.post({ t: 'update', pageId, viewId, ops, calls, bytes, transfer, ack: callbacks.length > 0 });
        },
      },
      afterTransfer && ((prevData) => (this.connected ? afterTransfer(prevData) : undefined)),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

/** What the browser's `my` adds for the page lifecycle (simulator/browser/my-env.ts). */
interface PageVisibilityHooks {
  $pageHidden(pageId: string): Promise<void>;
  $pageShown(pageId: string): Promise<void>;
}

/** The hook when the environment has it (`in`: `my` answers any other name with an "unsupported" API). */
function visibilityHook(my: object, name: keyof PageVisibilityHooks): PageVisibilityHooks[typeof name] | undefined {
  return name in my ? (my as PageVisibilityHooks)[name] : undefined;
}

let pageSeq = 0;

export class PageRecord {
  readonly id = `p${++pageSeq}`;
  readonly instance: Record<string, unknown>;
  readonly view: ViewData;
  readonly lifecycle: PageLifecycle;
  ready = false;
  readonly components = new Map<string, ComponentRecord>();
  /** my.enableAlertBeforeUnload: ask before the user leaves with the back button. */
  alertBeforeUnload: string | null = null;

  get state(): PageLifecycle['state'] {
    return this.lifecycle.state;
  }

  get unloaded(): boolean {
    return this.state === 'unloaded';
  }

  constructor(
    readonly runtime: LogicRuntime,
    readonly route: string,
    readonly query: Record<string, string>,
    readonly def: Definition,
    readonly config: PageConfig,
  ) {
    const data = initialData(def);
    this.view = new ViewData(runtime, this.id, this.id, data, () => `page ${route}`);
    const instance: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(def)) {
      if (key === 'data') continue;
      instance[key] = typeof value === 'function' ? (value as AnyFunction).bind(instance) : value;
    }
    const view = this.view;
    Object.defineProperty(instance, 'data', { get: () => view.data, enumerable: true, configurable: true });
    Object.assign(instance, {
      route,
      options: { ...query },
      $viewId: this.id,
      setData: (patch: unknown, callback?: unknown) => view.setData(patch, callback),
      $spliceData: (patch: unknown, callback?: unknown) => view.spliceData(patch, callback),
      $batchedUpdates: (run: unknown) => view.batch(run),
      createSelectorQuery: () => runtime.createSelectorQuery(this.id),
      createIntersectionObserver: (options?: unknown) => runtime.createIntersectionObserver(this.id, options),
    });
    this.instance = instance;
    this.lifecycle = new PageLifecycle(instance, {
      run: (where, fn) => runtime.guard(`${route} ${where}`, fn),
      // The runtime model's rule (runtime/my/camera.ts): a page that hides stops its cameras, showing resumes them.
      hidden: () => void visibilityHook(runtime.my, '$pageHidden')?.(this.id),
      shown: () => void visibilityHook(runtime.my, '$pageShown')?.(this.id),
    });
  }

  hook(name: string, arg?: unknown): unknown {
    return arg === undefined ? this.lifecycle.hook(name) : this.lifecycle.hook(name, arg);
  }

  show(): void {
    this.lifecycle.show();
  }

  hide(): void {
    this.lifecycle.hide();
  }

  unload(): void {
    if (!this.lifecycle.unload()) return;
    this.view.alive = false;
    for (const component of [...this.components.values()]) component.unmount();
    this.components.clear();
    this.runtime.post({ t: 'page:destroy', pageId: this.id });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Components

export class ComponentRecord {
  readonly instance: Record<string, unknown>;
  readonly view: ViewData;
  readonly defaults: Record<string, unknown>;
  readonly lifecycle: Component2Lifecycle;

  constructor(
    readonly runtime: LogicRuntime,
    readonly page: PageRecord,
    readonly viewId: string,
    readonly path: string,
    def: Definition,
    viewProps: Record<string, unknown>,
    readonly ref: { owner: string; method: string } | null,
  ) {
    const definition = readComponentDefinition(def);
    this.defaults = definition.defaults;
    this.view = new ViewData(
      runtime,
      page.id,
      viewId,
      definition.data,
      () => `component /${path}`,
      (prevData) => this.lifecycle.afterOwnSetData(prevData),
    );
    const view = this.view;
    const instance: Record<string, unknown> = {};
    Object.defineProperty(instance, 'data', { get: () => view.data, enumerable: true, configurable: true });
    Object.assign(instance, {
      is: `/${path}`,
      $id: Number(viewId.replace(/^\D+/, '')),
      $page: page.instance,
      props: Object.freeze(this.resolveProps(viewProps)),
      setData: (patch: unknown, callback?: unknown) => view.setData(patch, callback),
      $spliceData: (patch: unknown, callback?: unknown) => view.spliceData(patch, callback),
      $batchedUpdates: (run: unknown) => view.batch(run),
      createSelectorQuery: () => runtime.createSelectorQuery(page.id),
      createIntersectionObserver: (options?: unknown) => runtime.createIntersectionObserver(page.id, options),
    });
    bindMethods(instance, definition.methods);
    this.instance = instance;
    this.lifecycle = new Component2Lifecycle(definition, instance, {
      run: (hook, fn) => runtime.guard(`/${path} ${hook}`, fn, { record: this, method: hook }),
    });
    this.lifecycle.create();
  }

  /** Props cross from the view as JSON: a prop bound to undefined is not passed, and its default stays. */
  resolveProps(viewProps: Record<string, unknown>): Record<string, unknown> {
    const props: Record<string, unknown> = { ...this.defaults };
    for (const [key, value] of Object.entries(viewProps))
      if (value !== undefined) props[key] = this.runtime.functionProp(this.page, value);
    return props;
  }

  /** Default props as the view can use them: functions become `true` (an event prop is "set"). */
  serializableDefaults(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.defaults))
      out[key] = typeof value === 'function' ? true : value === undefined ? null : value;
    return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
  }

  method(name: string): AnyFunction | undefined {
    const fn = this.instance[name];
    return typeof fn === 'function' ? (fn as AnyFunction) : undefined;
  }

  connect(): void {
    this.view.connected = true;
  }

  mounted(): void {
    if (!this.lifecycle.mount()) return;
    if (this.ref)
      this.runtime.callOwner(this.page, this.ref.owner, this.ref.method, [this.instance], `ref of /${this.path}`);
  }

  /** The parent rendered new props. */
  update(viewProps: Record<string, unknown>): void {
    this.lifecycle.receiveProps(Object.freeze(this.resolveProps(viewProps)), this.view.data);
  }

  unmount(): void {
    if (!this.lifecycle.unmount()) return;
    this.view.alive = false;
    this.page.components.delete(this.viewId);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The runtime

export interface RuntimeStats {
  /** setData calls made before the view had the page or component (they travel with its initial data). */
  hiddenCalls: number;
  hiddenBytes: number;
}

export class LogicRuntime {
  private readonly loader: ModuleLoader;
  private app: Record<string, unknown> | null = null;
  private appDef: Definition | null = null;
  private appConfig: AppConfig = { pages: [] };
  private readonly loadedPackages = new Map<string, Promise<void>>();
  private readonly captured = new Map<string, { kind: 'Page' | 'Component' | 'App'; def: Definition }>();
  private readonly pageStack: PageStack<PageRecord> = new PageStack<PageRecord>({
    tabRoutes: () => this.tabRoutes(),
    hasAppConfig: () => true,
    create: (route, query, _request, url) => this.createPage(route, query, url),
    start: (page) => this.startPage(page),
    show: (page) => page.show(),
    hide: (page) => page.hide(),
    unload: (page) => this.unloadPage(page),
    changed: (how) => this.postStack(how),
    leaving: (top) => top.hook('onBack'),
    tabShown: (page, route, request) => {
      const index = [...this.tabRoutes()].indexOf(route);
      const item = this.appConfig.tabBar?.items[index];
      page.hook('onTabItemTap', {
        from: request.from === 'user' ? 'user' : 'api',
        pagePath: route,
        text: item?.name ?? item?.text ?? '',
        index,
      });
    },
  });
  /** The page stack, bottom first. */
  get stack(): PageRecord[] {
    return this.pageStack.pages;
  }
  private readonly pages = new Map<string, PageRecord>();
  private readonly renderWaits = new Map<number, { callbacks: Array<() => void>; label: string }>();
  private readonly functionProps = new Map<string, AnyFunction>();
  private apiSeq = 0;
  private readonly apiWaits = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private readonly queryWaits = new Map<number, (results: unknown[]) => void>();
  my: Record<string, unknown> = {};
  /** What `requirePlugin(name)` answers: the plugins the simulator models (app.json `plugins`). */
  plugins: Record<string, unknown> = {};
  config: LaunchConfig | null = null;
  readonly stats: RuntimeStats = { hiddenCalls: 0, hiddenBytes: 0 };

  constructor(
    private readonly host: LogicHost,
    /** Builds the environment's part of `my` (network, UI…). */
    private readonly environment: (runtime: LogicRuntime, invoke: Invoke) => MyApis,
  ) {
    this.loader = new ModuleLoader(() => this.globals());
    this.invoke = createInvoker({ report: (what, error) => this.reportError(what, error) });
  }

  /** How every my.* API of this runtime answers (runtime/core/invoke.ts). */
  readonly invoke: Invoke;

  // ---- plumbing ----

  post(message: LogicToMain): void {
    this.host.post(message);
  }

  warn(message: string): void {
    this.host.console.warn(`[simulator] ${message}`);
  }

  /** Reports an error the app's code raised: console, app.onError, and a red box in the simulator. */
  reportError(where: string, error: unknown): void {
    const text = `${where}: ${describe(error)}`;
    this.host.console.error(`[simulator] ${text}`);
    this.post({ t: 'error', message: text });
    const onError = this.app?.onError;
    if (typeof onError === 'function' && !where.startsWith('App.onError'))
      try {
        (onError as AnyFunction).call(this.app, error instanceof Error ? error.message : String(error));
      } catch (inner) {
        this.host.console.error(`[simulator] App.onError threw: ${describe(inner)}`);
      }
  }

  /**
   * Runs the app's code; what it throws is reported (console, App.onError, a red box). An error of a
   * component's code also reaches my.onComponentError listeners with the method and the instance.
   */
  guard<T>(where: string, run: () => T, component?: { record: ComponentRecord; method: string }): T | undefined {
    const fail = (error: unknown, label: string) => {
      if (component)
        (this.my as { $componentError?: (e: unknown, m: string, c: unknown) => void }).$componentError?.(
          error,
          component.method,
          component.record.instance,
        );
      this.reportError(label, error);
    };
    try {
      const result = run();
      const maybePromise = result as unknown as Promise<unknown> | undefined;
      if (maybePromise && typeof maybePromise.then === 'function')
        maybePromise.then(undefined, (error: unknown) => fail(error, `${where} (async)`));
      return result;
    } catch (error) {
      fail(error, where);
      return undefined;
    }
  }

  later(callback: () => void, label: string): void {
    void Promise.resolve().then(() => this.guard(`setData callback of ${label}`, callback));
  }

  recordHidden(_pageId: string, calls: number, bytes: number): void {
    this.stats.hiddenCalls += calls;
    this.stats.hiddenBytes += bytes;
  }

  awaitRender(transfer: number, callbacks: Array<() => void>, label: string): void {
    this.renderWaits.set(transfer, { callbacks, label });
  }

  /** Asks the main thread to run a UI or device API; resolves with its answer. */
  callMain(name: string, options: Record<string, unknown> = {}): Promise<unknown> {
    const id = ++this.apiSeq;
    const plain: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value !== 'function') plain[key] = value;
    return new Promise((resolve, reject) => {
      this.apiWaits.set(id, { resolve, reject });
      this.post({ t: 'api', id, name, options: JSON.parse(JSON.stringify(plain)) as Record<string, unknown> });
    });
  }

  private readonly observerCallbacks = new Map<number, (entry: unknown) => void>();

  /** this.createIntersectionObserver / my.createIntersectionObserver: the view thread watches, entries come back. */
  createIntersectionObserver(pageId: string, options: unknown): unknown {
    const opts = (options ?? {}) as { thresholds?: number[]; initialRatio?: number; selectAll?: boolean };
    const page = pageId || this.topPage()?.id || '';
    let relativeTo: string | null = null;
    let margins: ObserverSpec['margins'] = {};
    const ids: number[] = [];
    const observer = {
      relativeTo: (selector: string, given?: ObserverSpec['margins']) => {
        relativeTo = String(selector);
        margins = { ...given };
        return observer;
      },
      relativeToViewport: (given?: ObserverSpec['margins']) => {
        relativeTo = null;
        margins = { ...given };
        return observer;
      },
      observe: (target: string, callback: (entry: unknown) => void) => {
        const id = ++this.apiSeq;
        ids.push(id);
        if (typeof callback === 'function') this.observerCallbacks.set(id, callback);
        const spec: ObserverSpec = {
          target: String(target),
          selectAll: Boolean(opts.selectAll),
          thresholds: Array.isArray(opts.thresholds) && opts.thresholds.length ? opts.thresholds.map(Number) : [0],
          initialRatio: Number(opts.initialRatio ?? 0),
          relativeTo,
          margins: JSON.parse(JSON.stringify(margins)) as ObserverSpec['margins'],
        };
        this.post({ t: 'observer:observe', id, pageId: page, spec });
      },
      disconnect: () => {
        for (const id of ids.splice(0)) {
          this.observerCallbacks.delete(id);
          this.post({ t: 'observer:disconnect', id, pageId: page });
        }
      },
    };
    return observer;
  }

  /**
   * my.createCanvasContext(canvasId) (/mini/api/canvas): records calls and property sets; draw(reserve,
   * callback) sends them to the view, which replays them on the page's `<canvas id>`.
   */
  createCanvasContext(pageId: string, canvasId: unknown): unknown {
    const page = pageId || this.topPage()?.id || '';
    let ops: Array<[string, unknown[]]> = [];
    let fontSize = 10;
    const own: Record<string, unknown> = {
      draw: (reserve?: unknown, callback?: unknown) => {
        const batch = ops;
        ops = [];
        void this.callMain('canvasDraw', {
          pageId: page,
          canvasId: String(canvasId),
          reserve: reserve === true,
          ops: batch,
        })
          .then(() => {
            if (typeof callback === 'function')
              this.guard('CanvasContext.draw callback', () => (callback as () => void)());
          })
          .catch((error: unknown) =>
            this.reportError(
              `CanvasContext.draw (#${String(canvasId)})`,
              error instanceof MyError ? new Error(error.message) : error,
            ),
          );
      },
      // What the canvas shows, as a PNG data URL (the view reads its own <canvas>).
      toDataURL: (options?: unknown) => {
        const o = (options ?? {}) as { success?: (data: unknown) => void; fail?: (failure: unknown) => void };
        const answer = this.callMain('canvasToDataURL', { pageId: page, canvasId: String(canvasId) }).then((result) =>
          String((result as { data?: unknown }).data ?? ''),
        );
        answer.then(
          (data) => o.success && this.guard('CanvasContext.toDataURL success', () => o.success?.(data)),
          (failure: unknown) => o.fail && this.guard('CanvasContext.toDataURL fail', () => o.fail?.(failure)),
        );
        return answer;
      },
      // Sync in the platform; here an estimate from the font size (no layout in the logic layer).
      measureText: (text: unknown) => ({ width: String(text ?? '').length * fontSize * 0.6 }),
    };
    return new Proxy(own, {
      get: (target, property) => {
        if (typeof property === 'symbol') return undefined;
        if (property in target) return target[property];
        return (...args: unknown[]) => {
          if (property === 'setFontSize') fontSize = Number(args[0]) || fontSize;
          ops.push([property, JSON.parse(JSON.stringify(args)) as unknown[]]);
        };
      },
      set: (_target, property, value) => {
        if (typeof property === 'symbol') return false;
        ops.push([`=${property}`, [value]]);
        return true;
      },
    });
  }

  createSelectorQuery(pageId: string): unknown {
    const ops: SelectorOp[] = [];
    let current: { kind: SelectorOp['kind']; selector?: string } | null = null;
    const measures = {
      boundingClientRect() {
        if (current) ops.push({ ...current, measure: 'boundingClientRect' });
        return query;
      },
      scrollOffset() {
        if (current) ops.push({ ...current, measure: 'scrollOffset' });
        return query;
      },
      fields(fields: Record<string, unknown>) {
        if (current) ops.push({ ...current, measure: 'fields', fields });
        return query;
      },
    };
    const query = {
      select(selector: string) {
        current = { kind: 'select', selector };
        return measures;
      },
      selectAll(selector: string) {
        current = { kind: 'selectAll', selector };
        return measures;
      },
      selectViewport() {
        current = { kind: 'selectViewport' };
        return measures;
      },
      exec: (callback?: (results: unknown[]) => void) => {
        const id = ++this.apiSeq;
        this.queryWaits.set(id, (results) => {
          if (typeof callback === 'function') this.guard('createSelectorQuery exec callback', () => callback(results));
        });
        this.post({ t: 'query', id, pageId: pageId || this.topPage()?.id || '', ops: [...ops] });
      },
    };
    return query;
  }

  private globals(): Record<string, unknown> {
    return {
      my: this.my,
      App: (def: unknown) => this.capture('App', def),
      Page: (def: unknown) => this.capture('Page', def),
      Component: (def: unknown) => this.capture('Component', def),
      Mixin: (def: unknown) => def,
      Behavior: (def: unknown) => def,
      getApp: () => this.app ?? { globalData: {} },
      getCurrentPages: () => this.stack.map((page) => page.instance),
      requirePlugin: (name: string) => {
        const plugin = this.plugins[name];
        if (plugin) return plugin;
        this.unsupported(`requirePlugin('${name}')`);
        return {};
      },
    };
  }

  private capture(kind: 'Page' | 'Component' | 'App', def: unknown): void {
    const path = this.loader.loading[this.loader.loading.length - 1];
    if (!def || typeof def !== 'object') throw new TypeError(`${kind}() needs an object`);
    if (!path) throw new Error(`${kind}() called outside a module load`);
    this.captured.set(path, { kind, def: def as Definition });
  }

  unsupported(what: string): void {
    this.host.console.error(`[simulator] ${what} is not supported by the simulator`);
    this.post({ t: 'unsupported', what });
  }

  // ---- packages ----

  private packageRoot(route: string): string {
    for (const sub of [...(this.appConfig.subPackages ?? []), ...(this.appConfig.subpackages ?? [])]) {
      const root = normalize(sub.root);
      if (route === root || route.startsWith(`${root}/`)) return root;
    }
    return '';
  }

  ensurePackage(root: string): Promise<void> {
    let loading = this.loadedPackages.get(root);
    if (!loading) {
      loading = this.host.loadPackage(root).then((files) => this.loader.add(files));
      this.loadedPackages.set(root, loading);
      loading.catch(() => this.loadedPackages.delete(root));
    }
    return loading;
  }

  knownRoute(route: string): boolean {
    if (this.appConfig.pages.map(normalize).includes(route)) return true;
    for (const sub of [...(this.appConfig.subPackages ?? []), ...(this.appConfig.subpackages ?? [])])
      for (const page of sub.pages) if (normalize(`${sub.root}/${page}`) === route) return true;
    return false;
  }

  tabRoutes(): Set<string> {
    return new Set((this.appConfig.tabBar?.items ?? []).map((item) => normalize(item.pagePath)));
  }

  // ---- launch ----

  async launch(config: LaunchConfig): Promise<void> {
    this.config = config;
    this.my = this.buildMy();
    await this.ensurePackage('');
    this.appConfig = (this.loader.json('app.json') as AppConfig) ?? { pages: [] };
    this.post({ t: 'app:config', app: this.appConfig });
    const launchRoute = normalize(config.launch.path || this.appConfig.pages[0] || '');
    const launchOptions = { path: launchRoute, query: config.launch.query, scene: 1001, referrerInfo: {} };
    try {
      this.loader.load('app.js');
    } catch (error) {
      this.reportError('app.js', error);
    }
    const captured = this.captured.get('app.js');
    this.appDef = captured?.kind === 'App' ? captured.def : {};
    const app: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.appDef))
      app[key] = typeof value === 'function' ? (value as AnyFunction).bind(app) : value;
    if (!('globalData' in app)) app.globalData = {};
    this.app = app;
    this.appHook('onLaunch', launchOptions);
    this.appHook('onShow', launchOptions);
    await this.openPage(launchRoute, config.launch.query, 'launch');
  }

  appHook(name: string, arg?: unknown): void {
    const fn = this.app?.[name];
    if (typeof fn === 'function') this.guard(`App.${name}`, () => (fn as AnyFunction).call(this.app, arg));
    if (name === 'onHide') this.topPage()?.hide();
    if (name === 'onShow' && this.stack.length) this.topPage()?.show();
  }

  topPage(): PageRecord | undefined {
    return this.pageStack.top();
  }

  private postStack(how: 'launch' | 'push' | 'pop' | 'redirect' | 'tab' | 'relaunch'): void {
    this.post({ t: 'stack', pages: this.stack.map((page) => ({ pageId: page.id, route: page.route })), how });
  }

  private async createPage(route: string, query: Record<string, string>, url = route): Promise<PageRecord> {
    if (!this.knownRoute(route))
      throw new MyError({ error: 1, errorMessage: `${url} resolved to ${route} is not found` });
    await this.ensurePackage(this.packageRoot(route));
    const file = `${route}.js`;
    if (!this.loader.has(file)) throw new MyError({ error: 1, errorMessage: `${file} is missing from dist/` });
    this.loader.load(file);
    const captured = this.captured.get(file);
    if (!captured || captured.kind !== 'Page') throw new Error(`${file} did not call Page()`);
    const json = (this.loader.json(`${route}.json`) ?? {}) as PageConfig;
    const config: PageConfig = { ...(this.appConfig.window ?? {}), ...json };
    config.usingComponents = resolveComponents(route, json.usingComponents);
    // Which page hooks exist, so the view sends scroll events only to pages that listen.
    config.__hooks = Object.keys(captured.def).filter(
      (key) => PAGE_HOOKS.has(key) && typeof captured.def[key] === 'function',
    );
    const page = new PageRecord(this, route, query, captured.def, config);
    this.pages.set(page.id, page);
    return page;
  }

  private startPage(page: PageRecord): void {
    this.post({
      t: 'page:create',
      pageId: page.id,
      route: page.route,
      query: page.query,
      config: page.config,
      data: JSON.parse(JSON.stringify(page.view.data)) as Record<string, unknown>,
    });
    page.view.connected = true;
    page.hook('onLoad', { ...page.query });
    page.show();
  }

  private unloadPage(page: PageRecord): void {
    page.unload();
    this.pages.delete(page.id);
  }

  private async openPage(route: string, query: Record<string, string>, how: 'launch'): Promise<void> {
    let page: PageRecord;
    try {
      page = await this.createPage(route, query);
    } catch (error) {
      this.reportError(`launch page ${route}`, error);
      return;
    }
    this.pageStack.push(page, how);
  }

  /** my.navigateTo & co., on the shared page stack (runtime/core/page-stack.ts). */
  async navigate(api: NavigationApi, options: Record<string, unknown>): Promise<unknown> {
    await this.pageStack.navigate(api, {
      url: options.url as string | undefined,
      delta: options.delta as number | undefined,
      from: options.from === 'user' ? 'user' : 'api',
    });
    return { success: true };
  }

  // ---- components ----

  functionProp(page: PageRecord, value: unknown): unknown {
    if (!value || typeof value !== 'object' || !('__fn' in value)) return value;
    const { __fn: name, owner } = value as { __fn: string; owner: string };
    const key = `${owner}:${name}`;
    let fn = this.functionProps.get(key);
    if (!fn) {
      fn = (...args: unknown[]) => this.callOwner(page, owner, name, args, `function prop ${name}`);
      this.functionProps.set(key, fn);
    }
    return fn;
  }

  callOwner(page: PageRecord, owner: string, name: string, args: unknown[], what: string): unknown {
    if (owner === page.id) {
      const fn = page.instance[name];
      if (typeof fn !== 'function') {
        this.reportError(what, new Error(`page ${page.route} has no method "${name}"`));
        return undefined;
      }
      return this.guard(`${page.route} ${name}`, () => (fn as AnyFunction).apply(page.instance, args));
    }
    const component = page.components.get(owner);
    if (!component) return undefined;
    const fn = component.method(name);
    if (!fn) {
      this.reportError(what, new Error(`component /${component.path} has no method "${name}" in methods`));
      return undefined;
    }
    return this.guard(`/${component.path} ${name}`, () => fn.apply(component.instance, args), {
      record: component,
      method: name,
    });
  }

  private createComponent(message: Extract<MainToLogic, { t: 'component:create' }>): void {
    const page = this.pages.get(message.pageId);
    if (!page || page.state === 'unloaded') return;
    const file = `${message.path}.js`;
    let def: Definition;
    try {
      this.loader.load(file);
      const captured = this.captured.get(file);
      if (!captured || captured.kind !== 'Component') throw new Error(`${file} did not call Component()`);
      def = captured.def;
    } catch (error) {
      const text = `component /${message.path}: ${describe(error)}`;
      this.host.console.error(`[simulator] ${text}`);
      this.post({ t: 'component:error', pageId: page.id, viewId: message.viewId, message: text.split('\n')[0] });
      return;
    }
    const json = (this.loader.json(`${message.path}.json`) ?? {}) as PageConfig;
    const record = new ComponentRecord(
      this,
      page,
      message.viewId,
      message.path,
      def,
      message.props,
      message.ref ? { owner: message.owner, method: message.ref } : null,
    );
    page.components.set(message.viewId, record);
    this.post({
      t: 'component:ready',
      pageId: page.id,
      viewId: message.viewId,
      defaults: record.serializableDefaults(),
      data: JSON.parse(JSON.stringify(record.view.data)) as Record<string, unknown>,
      components: resolveComponents(message.path, json.usingComponents),
    });
    record.connect();
  }

  /** Navigation the user asked for in the shell (back button, tab bar, navigator). */
  private async userNavigation(message: Extract<MainToLogic, { t: 'navigate' }>): Promise<unknown> {
    const top = this.topPage();
    if (message.api === 'navigateBack' && message.from === 'user' && top?.alertBeforeUnload) {
      const answer = (await this.callMain('confirm', {
        content: top.alertBeforeUnload,
        confirmButtonText: '离开',
        cancelButtonText: '取消',
      })) as { confirm?: boolean };
      if (!answer.confirm) return undefined;
    }
    return this.navigate(message.api, { url: message.url, delta: message.delta, from: message.from });
  }

  // ---- messages from the main thread ----

  handle(message: MainToLogic): void {
    switch (message.t) {
      case 'init':
        void this.launch(message.config).catch((error) => this.reportError('launch', error));
        return;
      case 'view:ready': {
        const page = this.pages.get(message.pageId);
        if (page && !page.ready && page.state !== 'unloaded') {
          page.ready = true;
          page.hook('onReady');
        }
        return;
      }
      case 'rendered':
        for (const transfer of message.transfers) {
          const wait = this.renderWaits.get(transfer);
          if (!wait) continue;
          this.renderWaits.delete(transfer);
          for (const callback of wait.callbacks) this.guard(`setData callback of ${wait.label}`, callback);
        }
        return;
      case 'event': {
        const page = this.pages.get(message.pageId);
        if (!page || page.state === 'unloaded') return;
        this.callOwner(page, message.owner, message.handler, [message.event], `event handler ${message.handler}`);
        return;
      }
      case 'component:create':
        this.createComponent(message);
        return;
      case 'component:update':
        this.pages.get(message.pageId)?.components.get(message.viewId)?.update(message.props);
        return;
      case 'component:mounted': {
        const page = this.pages.get(message.pageId);
        for (const viewId of message.viewIds) page?.components.get(viewId)?.mounted();
        return;
      }
      case 'component:destroy': {
        const page = this.pages.get(message.pageId);
        for (const viewId of message.viewIds) page?.components.get(viewId)?.unmount();
        return;
      }
      case 'page:hook': {
        const page = this.pages.get(message.pageId);
        if (!page || page.state === 'unloaded') return;
        const result = page.hook(message.name, message.arg);
        if (message.name === 'onShareAppMessage')
          void Promise.resolve(result).then((share) =>
            this.callMain('shareAppMessage', { share: JSON.parse(JSON.stringify(share ?? null)) as unknown }),
          );
        return;
      }
      case 'navigate':
        void this.userNavigation(message).catch((error) =>
          this.reportError(
            `${message.api} ${message.url ?? ''}`,
            error instanceof MyError ? new Error(error.message) : error,
          ),
        );
        return;
      case 'app:hook':
        this.appHook(message.name, message.name === 'onShow' ? { scene: 1001, query: {} } : undefined);
        return;
      case 'api:result': {
        const wait = this.apiWaits.get(message.id);
        if (!wait) return;
        this.apiWaits.delete(message.id);
        if (message.ok) wait.resolve(message.value);
        else wait.reject(new MyError(message.value as MyFailure));
        return;
      }
      case 'observer:entry': {
        const callback = this.observerCallbacks.get(message.id);
        if (callback) this.guard('IntersectionObserver callback', () => callback(message.entry));
        return;
      }
      case 'query:result': {
        const wait = this.queryWaits.get(message.id);
        this.queryWaits.delete(message.id);
        wait?.(message.results);
        return;
      }
      case 'settings':
        if (this.config) this.config.settings = { ...this.config.settings, ...message.settings };
        (this.my as { $settingsChanged?: (s: unknown) => void }).$settingsChanged?.(message.settings);
        return;
    }
  }

  // ---- my ----

  private buildMy(): Record<string, unknown> {
    const invoke = this.invoke;
    const nav =
      (api: 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch') =>
      (options: Record<string, unknown> = {}) =>
        invoke(api, options, () => this.navigate(api, options));
    const apis: MyApis = {
      ...this.environment(this, invoke),
      navigateTo: nav('navigateTo'),
      redirectTo: nav('redirectTo'),
      navigateBack: nav('navigateBack'),
      switchTab: nav('switchTab'),
      reLaunch: nav('reLaunch'),
      createSelectorQuery: () => this.createSelectorQuery(''),
      createCanvasContext: (canvasId: unknown) => this.createCanvasContext('', canvasId),
      // my.createIntersectionObserver(component?, options): the component argument only names the page.
      createIntersectionObserver: (first?: unknown, second?: unknown) => {
        const component = first && typeof first === 'object' && '$page' in first ? first : null;
        return this.createIntersectionObserver('', component ? second : first);
      },
      enableAlertBeforeUnload: (options: Record<string, unknown> = {}) =>
        invoke('enableAlertBeforeUnload', options, () => {
          const top = this.topPage();
          if (top) top.alertBeforeUnload = String(options.message ?? '确定要离开吗？');
          return { success: true };
        }),
      disableAlertBeforeUnload: (options: Record<string, unknown> = {}) =>
        invoke('disableAlertBeforeUnload', options, () => {
          const top = this.topPage();
          if (top) top.alertBeforeUnload = null;
          return { success: true };
        }),
    };
    apis.canIUse = canIUseIn(apis);
    const warned = new Set<string>();
    const unsupported = (name: string) => this.unsupported(name);
    return new Proxy(apis, {
      get(target, property) {
        if (typeof property === 'symbol') return undefined;
        if (Object.prototype.hasOwnProperty.call(target, property)) return target[property];
        if (property === 'then' || property === 'toJSON') return undefined;
        // An API the simulator lacks: a red box and a console error naming it, and `fail` for the caller.
        return (options?: Record<string, unknown>) => {
          if (!warned.has(property)) {
            warned.add(property);
            unsupported(`my.${property}`);
          }
          return invoke(property, options, () => {
            throw new MyError({ error: 3, errorMessage: `my.${property} is not supported by the simulator` });
          });
        };
      },
      has(target, property) {
        return typeof property === 'string' && Object.prototype.hasOwnProperty.call(target, property);
      },
    });
  }
}

/** usingComponents of a page or component json, as dist paths without extension. */
export function resolveComponents(
  ownerPath: string,
  using: Record<string, string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tag, spec] of Object.entries(using ?? {})) {
    // A plugin's component (`plugin://rtc/flex`) is not a file of the package: the view models it.
    if (spec.startsWith('plugin://')) {
      out[tag] = spec;
      continue;
    }
    const path = spec.startsWith('/')
      ? normalize(spec)
      : spec.startsWith('.')
        ? resolveFrom(ownerPath, spec)
        : normalize(`npm/${spec}`);
    out[tag] = path.replace(/\.js$/, '');
  }
  return out;
}
