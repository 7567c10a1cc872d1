/**
 * One page of the view layer: its own document (an iframe, like the platform's one webview per page) with
 * app.acss, the page's ACSS and its components' ACSS; its data as the logic layer sent it; the components
 * the template creates. Every update re-renders the page's virtual tree and patches the DOM; events go
 * back to the logic layer as messages.
 */
import { applySetData, applySpliceData } from '../../runtime/core/set-data';
import { acssToCss } from '../core/acss';
import { ANIMATION_EVENTS, animationDispatch, bubblingDispatches, buildEvent, type MiniEvent } from '../core/events';
import { runSjsModule, type SjsNamespace } from '../core/interpreter';
import type { CompiledAxml } from '../core/ir';
import { normalize, resolveFrom } from '../../runtime/core/paths';
import type { MainToLogic, ObserverSpec, PageConfig, SelectorOp, UpdateOp } from '../core/protocol';
import {
  renderOwner,
  type ComponentRequest,
  type ComponentState,
  type Owner,
  type RenderHost,
  type VElement,
} from '../core/render';
import { builtinTapAction, drawCanvas, patchChildren, pathFrom, pressStart, vnodeOf, type DomHost } from './dom';
import { resumeCamera, startRecord, stopCamera, stopRecord, takePhoto } from './camera';
import { watchIconFont } from './icon-fallback';
import { BUILTIN_CSS } from './styles';
import type { ViewPackages } from './view-packages';

export interface PageViewHost {
  send(message: MainToLogic): void;
  packages: ViewPackages;
  pxPerRpx: number;
  origin: string;
  /** Shell services for built-ins. */
  authorize(scope: string): Promise<boolean>;
  pick(range: string[], current: number): Promise<number | null>;
  unsupported(what: string): void;
  /** Called after each commit (tests and the benchmark hook in here). */
  afterCommit(view: PageView): void;
  onScroll(view: PageView): void;
  /** A downward drag at the top of the page. */
  pullDownRefresh(from: 'manual' | 'code'): boolean;
}

interface ViewComponent {
  id: string;
  identity: string;
  path: string;
  owner: string;
  state: ComponentState;
  defaults: Record<string, unknown>;
  /** Props as last sent to the logic layer (JSON), to send only changes. */
  sentProps: string;
  mounted: boolean;
  /** Ids of components this one rendered in the last pass. */
  children: Set<string>;
}

let componentSeq = 0;

export interface PageStats {
  calls: number;
  bytes: number;
  transfers: number;
  renders: number;
}

export class PageView implements RenderHost {
  readonly iframe: HTMLIFrameElement;
  doc: Document | null = null;
  private root: Element | null = null;
  data: Record<string, unknown>;
  private template: CompiledAxml | undefined;
  private readonly components = new Map<string, ViewComponent>();
  private readonly byId = new Map<string, ViewComponent>();
  private visited = new Set<string>();
  private renderScheduled = false;
  private readonly pendingTransfers: number[] = [];
  private readonly styledFiles = new Set<string>();
  private readySent = false;
  private firstRenderDone = false;
  private destroyed = false;
  private loadError: string | null = null;
  private packageReady: Promise<void>;
  readonly stats: PageStats = { calls: 0, bytes: 0, transfers: 0, renders: 0 };
  /** Title set by my.setNavigationBar. */
  title: string | null = null;
  titleBarColor: string | null = null;
  reachedBottom = false;

  constructor(
    private readonly host: PageViewHost,
    readonly pageId: string,
    readonly route: string,
    readonly pageQuery: Record<string, string>,
    readonly config: PageConfig,
    data: Record<string, unknown>,
    viewport: HTMLElement,
  ) {
    this.data = data;
    this.iframe = document.createElement('iframe');
    this.iframe.className = 'sim-page-frame';
    this.iframe.dataset.pageId = pageId;
    this.iframe.dataset.route = route;
    this.iframe.dataset.top = 'false';
    this.iframe.title = route;
    viewport.appendChild(this.iframe);
    this.packageReady = host.packages.ensure(route).then(
      () => undefined,
      (error: unknown) => {
        this.loadError = `view package for ${route}: ${(error as Error).message}`;
      },
    );
    this.setupDocument();
    void this.packageReady.then(() => this.scheduleRender());
  }

  private setupDocument(): void {
    const doc = this.iframe.contentDocument;
    if (!doc) throw new Error('page frame has no document');
    doc.open();
    doc.write('<!doctype html><html><head><meta charset="utf-8"></head><body><page></page></body></html>');
    doc.close();
    const base = doc.createElement('style');
    base.textContent = BUILTIN_CSS;
    doc.head.appendChild(base);
    this.doc = doc;
    this.root = doc.querySelector('page');
    const page = this.root as HTMLElement;
    if (this.config.backgroundColor) doc.documentElement.style.background = String(this.config.backgroundColor);
    page.dataset.route = this.route;
    this.installEvents(doc);
    const win = doc.defaultView as Window;
    win.addEventListener('scroll', () => this.host.onScroll(this), { passive: true });
  }

  // ---- styles ----

  private addStyle(acssPath: string): void {
    if (this.styledFiles.has(acssPath) || !this.doc) return;
    this.styledFiles.add(acssPath);
    const source = this.host.packages.style(acssPath);
    if (source === undefined) return;
    const style = this.doc.createElement('style');
    style.dataset.file = acssPath;
    style.textContent = acssToCss(source, this.host.pxPerRpx, acssPath);
    this.doc.head.appendChild(style);
    watchIconFont(this.doc, source);
  }

  // ---- RenderHost ----

  file(path: string): CompiledAxml | undefined {
    return this.host.packages.template(path);
  }

  sjs(path: string): SjsNamespace {
    return this.host.packages.sjsModule(path, (from, importer) => this.sjs(resolveFrom(importer, from)), runSjsModule);
  }

  component(request: ComponentRequest): ComponentState {
    this.visited.add(request.identity);
    let record = this.components.get(request.identity);
    if (!record) {
      const id = `c${++componentSeq}`;
      const file = this.host.packages.template(`${request.path}.axml`);
      record = {
        id,
        identity: request.identity,
        path: request.path,
        owner: request.owner,
        state: { id, ready: false, props: {}, data: {}, components: {}, file },
        defaults: {},
        sentProps: JSON.stringify(request.props),
        mounted: false,
        children: new Set(),
      };
      if (!file) record.state.error = `${request.path}.axml is not in dist/ (or its package is not loaded)`;
      this.components.set(request.identity, record);
      this.byId.set(id, record);
      if (!record.state.error)
        this.host.send({
          t: 'component:create',
          pageId: this.pageId,
          viewId: id,
          path: request.path,
          props: request.props,
          owner: request.owner,
          ref: request.ref,
        });
    } else if (record.state.ready) {
      const json = JSON.stringify(request.props);
      if (json !== record.sentProps) {
        record.sentProps = json;
        this.host.send({ t: 'component:update', pageId: this.pageId, viewId: record.id, props: request.props });
      }
      record.state.props = this.mergeProps(record.defaults, request.props);
    }
    this.byId.get(request.owner)?.children.add(record.id);
    return record.state;
  }

  private mergeProps(defaults: Record<string, unknown>, props: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...defaults };
    for (const [key, value] of Object.entries(props))
      if (value !== undefined) out[key] = value && typeof value === 'object' && '__fn' in value ? true : value;
    return out;
  }

  // ---- messages from the logic layer ----

  applyUpdate(
    viewId: string,
    ops: UpdateOp[],
    meta: { calls: number; bytes: number; transfer: number; ack: boolean },
  ): void {
    this.stats.calls += meta.calls;
    this.stats.bytes += meta.bytes;
    this.stats.transfers += 1;
    const target = viewId === this.pageId ? this.data : this.byId.get(viewId)?.state.data;
    if (target)
      for (const op of ops) {
        if (op.kind === 'set') applySetData(target, op.payload);
        else applySpliceData(target, op.payload);
      }
    if (meta.ack) this.pendingTransfers.push(meta.transfer);
    this.scheduleRender();
  }

  componentReady(
    viewId: string,
    defaults: Record<string, unknown>,
    data: Record<string, unknown>,
    components: Record<string, string>,
  ): void {
    const record = this.byId.get(viewId);
    if (!record) return;
    record.defaults = defaults;
    record.state.data = data;
    record.state.components = components;
    record.state.props = this.mergeProps(defaults, JSON.parse(record.sentProps) as Record<string, unknown>);
    record.state.ready = true;
    const file = record.state.file;
    if (file) this.addStyle(file.path.replace(/\.axml$/, '.acss'));
    this.scheduleRender();
  }

  componentError(viewId: string, message: string): void {
    const record = this.byId.get(viewId);
    if (!record) return;
    record.state.error = message;
    this.scheduleRender();
  }

  // ---- rendering ----

  scheduleRender(): void {
    if (this.renderScheduled || this.destroyed) return;
    this.renderScheduled = true;
    queueMicrotask(() => {
      this.renderScheduled = false;
      void this.packageReady.then(() => this.render());
    });
  }

  private render(): void {
    if (this.destroyed || !this.doc || !this.root) return;
    if (!this.template) {
      this.template = this.host.packages.template(`${this.route}.axml`);
      this.addStyle('app.acss');
      this.addStyle(`${this.route}.acss`);
    }
    const owner: Owner = {
      id: this.pageId,
      file: this.template ?? { path: `${this.route}.axml`, body: [], templates: {}, imports: [], sjs: [], errors: [] },
      data: this.data,
      components: (this.config.usingComponents as Record<string, string>) ?? {},
    };
    for (const record of this.components.values()) record.children.clear();
    this.visited = new Set();
    let vnodes = renderOwner(owner, this);
    if (!this.template)
      vnodes = [{ kind: 'error', message: this.loadError ?? `${this.route}.axml is missing from dist/` }, ...vnodes];
    const host = this.domHost();
    patchChildren(host, this.root, vnodes);
    this.stats.renders++;
    this.unmountUnvisited();
    this.mountReady();
    if (this.pendingTransfers.length) this.host.send({ t: 'rendered', transfers: this.pendingTransfers.splice(0) });
    this.firstRenderDone = true;
    this.maybeReady();
    this.host.afterCommit(this);
    this.answerQueuedQueries();
  }

  private unmountUnvisited(): void {
    const gone: string[] = [];
    for (const [identity, record] of this.components)
      if (!this.visited.has(identity)) {
        this.components.delete(identity);
        this.byId.delete(record.id);
        gone.push(record.id);
      }
    if (gone.length) this.host.send({ t: 'component:destroy', pageId: this.pageId, viewIds: gone });
  }

  /** didMount goes to a component once it and every component it rendered are on screen: children first. */
  private mountReady(): void {
    const order: string[] = [];
    let progress = true;
    while (progress) {
      progress = false;
      for (const record of this.components.values()) {
        if (record.mounted || !(record.state.ready || record.state.error)) continue;
        const childrenDone = [...record.children].every((id) => {
          const child = this.byId.get(id);
          return !child || child.mounted;
        });
        if (!childrenDone) continue;
        record.mounted = true;
        if (!record.state.error) order.push(record.id);
        progress = true;
      }
    }
    if (order.length) this.host.send({ t: 'component:mounted', pageId: this.pageId, viewIds: order });
  }

  private maybeReady(): void {
    if (this.readySent || !this.firstRenderDone) return;
    const allMounted = [...this.components.values()].every((record) => record.mounted);
    if (!allMounted) return;
    this.readySent = true;
    this.host.send({ t: 'view:ready', pageId: this.pageId });
  }

  // ---- DOM host: built-ins and events ----

  private domHostCache: DomHost | null = null;

  private domHost(): DomHost {
    if (this.domHostCache) return this.domHostCache;
    this.domHostCache = {
      doc: this.doc as Document,
      pxPerRpx: this.host.pxPerRpx,
      resolveUrl: (src) => this.resolveUrl(src),
      emit: (v, el, type, detail, source) => this.emit(v, el, type, detail, source),
      navigate: (api, url, delta) =>
        this.host.send({
          t: 'navigate',
          api: api as 'navigateTo',
          url: url ? this.absoluteRoute(url) : undefined,
          delta,
        }),
      authorize: (scope) => this.host.authorize(scope),
      share: () =>
        this.host.send({ t: 'page:hook', pageId: this.pageId, name: 'onShareAppMessage', arg: { from: 'button' } }),
      pick: (range, current) => this.host.pick(range, current),
      unsupported: (what) => this.host.unsupported(what),
    };
    return this.domHostCache;
  }

  /** A navigator url relative to this page, made absolute. */
  absoluteRoute(url: string): string {
    if (url.startsWith('/')) return url;
    return `/${resolveFrom(this.route, url)}`;
  }

  resolveUrl(src: string): string {
    if (/^(https?:|data:|blob:)/.test(src)) return src;
    if (src.startsWith('/__sim/')) return `${this.host.origin}${src}`;
    const path = src.startsWith('/') ? normalize(src) : resolveFrom(this.route, src);
    return `${this.host.origin}/dist/${path}`;
  }

  private eventObject(
    v: VElement,
    el: Element,
    target: { v: VElement; el: Element },
    type: string,
    detail: unknown,
    source?: Event,
  ): MiniEvent {
    const placed = (node: Element, vnode: VElement) => ({
      v: vnode,
      offsetLeft: (node as HTMLElement).offsetLeft ?? 0,
      offsetTop: (node as HTMLElement).offsetTop ?? 0,
    });
    const mouse = source && 'clientX' in source ? (source as MouseEvent) : null;
    // A canvas's touches also say where on the canvas, as Alipay's do.
    const canvasRect = mouse && el.tagName === 'CANVAS' ? el.getBoundingClientRect() : null;
    const point = mouse
      ? {
          clientX: mouse.clientX,
          clientY: mouse.clientY,
          pageX: mouse.pageX,
          pageY: mouse.pageY,
          ...(canvasRect ? { x: mouse.clientX - canvasRect.left, y: mouse.clientY - canvasRect.top } : {}),
        }
      : null;
    return buildEvent(type, placed(el, v), placed(target.el, target.v), detail, point);
  }

  private sendEvent(owner: string, handler: string, event: MiniEvent): void {
    this.host.send({
      t: 'event',
      pageId: this.pageId,
      owner,
      handler,
      event: JSON.parse(JSON.stringify(event)) as Record<string, unknown>,
    });
  }

  /** A built-in's own event (input, change, submit…): only the element's handler, no bubbling. */
  emit(v: VElement, el: Element, type: string, detail: unknown, source?: Event): boolean {
    const handler = v.handlers[type];
    if (!handler) return false;
    this.sendEvent(v.owner, handler.name, this.eventObject(v, el, { v, el }, type, detail, source));
    return true;
  }

  /** A bubbling event (tap, longTap, touch*): every `on` handler up the tree until a `catch`. */
  private bubble(type: string, start: Node | null, source: Event): void {
    const path = pathFrom(start);
    if (path.length === 0) return;
    for (const dispatch of bubblingDispatches(
      path.map((entry) => entry.v),
      type,
    )) {
      const entry = path[dispatch.index];
      this.sendEvent(
        dispatch.owner,
        dispatch.handler,
        this.eventObject(entry.v, entry.el, path[0], type, undefined, source),
      );
    }
  }

  private installEvents(doc: Document): void {
    let pressEnd: (() => void) | null = null;
    let longTimer: ReturnType<typeof setTimeout> | null = null;
    let longFired = false;
    const clearLong = () => {
      if (longTimer) clearTimeout(longTimer);
      longTimer = null;
    };
    doc.addEventListener('click', (event) => {
      if (longFired) {
        longFired = false;
        return;
      }
      const path = pathFrom(event.target as Node);
      if (path.length === 0) return;
      this.bubble('tap', event.target as Node, event);
      builtinTapAction(this.domHost(), path, event);
    });
    let pullStart: number | null = null;
    doc.addEventListener('pointerdown', (event) => {
      pullStart = (doc.defaultView?.scrollY ?? 0) <= 0 ? event.clientY : null;
      const path = pathFrom(event.target as Node);
      pressEnd = pressStart(path);
      this.bubble('touchStart', event.target as Node, event);
      longFired = false;
      clearLong();
      longTimer = setTimeout(() => {
        longFired = path.some((entry) => entry.v.handlers.longTap);
        this.bubble('longTap', event.target as Node, event);
      }, 500);
    });
    doc.addEventListener('pointermove', (event) => {
      if (event.buttons === 0) return;
      if (pullStart !== null && event.clientY - pullStart > 70) {
        pullStart = null;
        this.host.pullDownRefresh('manual');
      }
      clearLong();
      this.bubble('touchMove', event.target as Node, event);
    });
    const end = (type: string) => (event: Event) => {
      pressEnd?.();
      pressEnd = null;
      clearLong();
      this.bubble(type, event.target as Node, event);
    };
    doc.addEventListener('pointerup', end('touchEnd'));
    doc.addEventListener('pointercancel', end('touchCancel'));
    // Animation and transition events do not bubble in AXML: only the animated element's own handler runs.
    for (const domType of Object.keys(ANIMATION_EVENTS)) {
      doc.addEventListener(domType, (event) => {
        const el = event.target as Element;
        const v = vnodeOf(el);
        if (!v || v.kind !== 'el') return;
        const dispatch = animationDispatch(v, domType);
        if (!dispatch) return;
        const css = event as AnimationEvent & TransitionEvent;
        const detail =
          domType === 'transitionend'
            ? { propertyName: css.propertyName, elapsedTime: css.elapsedTime }
            : { animationName: css.animationName, elapsedTime: css.elapsedTime };
        this.sendEvent(
          dispatch.owner,
          dispatch.handler,
          this.eventObject(v, el, { v, el }, dispatch.type, detail, event),
        );
      });
    }
  }

  // ---- selector queries (createSelectorQuery) ----

  private readonly queuedQueries: Array<() => void> = [];

  /** Rendered, and every component it asked for is created: what a query measures is what is shown. */
  private settled(): boolean {
    if (!this.firstRenderDone || this.renderScheduled) return false;
    for (const record of this.components.values()) if (!record.state.ready && !record.state.error) return false;
    return true;
  }

  /**
   * Answers a query once what is pending has rendered, as the platform does: a query made before the first
   * render (a component measuring itself in onInit or deriveDataFromProps) measures the page as shown.
   */
  queryWhenRendered(ops: SelectorOp[], reply: (results: unknown[]) => void): void {
    if (this.settled()) return reply(this.query(ops));
    let answered = false;
    const answer = () => {
      if (answered) return;
      answered = true;
      reply(this.query(ops));
    };
    this.queuedQueries.push(answer);
    // A component that never becomes ready must not hold the answer forever.
    setTimeout(answer, 1000);
  }

  private answerQueuedQueries(): void {
    if (this.settled()) for (const answer of this.queuedQueries.splice(0)) answer();
  }

  query(ops: SelectorOp[]): unknown[] {
    const doc = this.doc;
    const win = doc?.defaultView;
    if (!doc || !win) return ops.map(() => null);
    const measure = (el: Element, op: SelectorOp): unknown => {
      const rect = el.getBoundingClientRect();
      const v = vnodeOf(el);
      const base = {
        id: el.id,
        dataset: v && v.kind === 'el' ? v.dataset : {},
      };
      if (op.measure === 'scrollOffset')
        return { ...base, scrollTop: (el as HTMLElement).scrollTop, scrollLeft: (el as HTMLElement).scrollLeft };
      return {
        ...base,
        left: rect.left,
        right: rect.right,
        top: rect.top,
        bottom: rect.bottom,
        width: rect.width,
        height: rect.height,
        x: rect.x,
        y: rect.y,
      };
    };
    return ops.map((op) => {
      try {
        if (op.kind === 'selectViewport') {
          if (op.measure === 'scrollOffset')
            return {
              scrollTop: win.scrollY,
              scrollLeft: win.scrollX,
              scrollHeight: doc.documentElement.scrollHeight,
              scrollWidth: doc.documentElement.scrollWidth,
            };
          return {
            left: 0,
            top: 0,
            right: win.innerWidth,
            bottom: win.innerHeight,
            width: win.innerWidth,
            height: win.innerHeight,
          };
        }
        const selector = String(op.selector ?? '').replace(/>>>/g, ' ');
        if (op.kind === 'selectAll') return Array.from(doc.querySelectorAll(selector)).map((el) => measure(el, op));
        const el = doc.querySelector(selector);
        return el ? measure(el, op) : null;
      } catch {
        return null;
      }
    });
  }

  // ---- canvas (my.createCanvasContext) ----

  /** Draws once what is pending has rendered (a component draws in didMount, before its canvas is sized). */
  drawCanvas(canvasId: string, ops: Array<[string, unknown[]]>, reserve: boolean): Promise<boolean> {
    return new Promise((resolve) =>
      this.queryWhenRendered([], () =>
        resolve(this.doc ? drawCanvas(this.doc, canvasId, ops, reserve, (what) => this.host.unsupported(what)) : false),
      ),
    );
  }

  /** What `<canvas id>` shows, as a PNG data URL (CanvasContext.toDataURL); null without such a canvas. */
  canvasDataURL(canvasId: string): Promise<string | null> {
    return new Promise((resolve) =>
      this.queryWhenRendered([], () => {
        const canvas = this.doc?.getElementById(canvasId) as HTMLCanvasElement | null | undefined;
        resolve(canvas && typeof canvas.toDataURL === 'function' ? canvas.toDataURL('image/png') : null);
      }),
    );
  }

  // ---- camera (<camera>, my.createCameraContext) ----

  /** Runs a camera part call on `<camera id>` of this page; fails with 2 when there is none. */
  async camera(op: string, cameraId: string, recordingId?: string): Promise<unknown> {
    const el = this.doc?.getElementById(cameraId);
    if (!el || el.localName !== 'sim-camera')
      throw { error: 2, errorMessage: `no <camera id="${cameraId}"> on the page` };
    if (op === 'startRecord') return startRecord(el);
    if (op === 'stopRecord') return stopRecord(el, recordingId);
    return takePhoto(el);
  }

  /** The page hid (the runtime model's camera part asks): each camera stops and says so. */
  stopCameras(): void {
    for (const el of Array.from(this.doc?.querySelectorAll('sim-camera') ?? [])) stopCamera(el);
  }

  /** The page shows again: each stopped camera previews again. */
  resumeCameras(): void {
    for (const el of Array.from(this.doc?.querySelectorAll('sim-camera') ?? [])) resumeCamera(el);
  }

  // ---- intersection observers (createIntersectionObserver) ----

  private readonly observers = new Map<number, IntersectionObserver>();

  /** Watches `spec.target` once rendered; each crossing of a threshold is reported as Alipay shapes it. */
  observe(id: number, spec: ObserverSpec, report: (entry: Record<string, unknown>) => void): void {
    this.queryWhenRendered([], () => {
      const doc = this.doc;
      const win = doc?.defaultView as (Window & typeof globalThis) | null | undefined;
      if (!doc || !win || this.destroyed) return;
      const root = spec.relativeTo ? doc.querySelector(spec.relativeTo.replace(/>>>/g, ' ')) : null;
      const m = spec.margins;
      const rootMargin = `${m.top ?? 0}px ${m.right ?? 0}px ${m.bottom ?? 0}px ${m.left ?? 0}px`;
      const rect = (r: DOMRectReadOnly | null) =>
        r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height } : null;
      let first = true;
      const observer = new win.IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            // The first report is only sent when it differs from initialRatio.
            if (first && entry.intersectionRatio === spec.initialRatio) continue;
            const v = vnodeOf(entry.target);
            report({
              intersectionRatio: entry.intersectionRatio,
              intersectionRect: rect(entry.intersectionRect),
              boundingClientRect: rect(entry.boundingClientRect),
              relativeRect: rect(entry.rootBounds),
              time: Math.round(entry.time),
              id: entry.target.id,
              dataset: v && v.kind === 'el' ? v.dataset : {},
            });
          }
          first = false;
        },
        { root, rootMargin, threshold: spec.thresholds },
      );
      const selector = spec.target.replace(/>>>/g, ' ');
      const targets = spec.selectAll ? Array.from(doc.querySelectorAll(selector)) : [doc.querySelector(selector)];
      for (const target of targets) if (target) observer.observe(target);
      this.observers.set(id, observer);
    });
  }

  unobserve(id: number): void {
    this.observers.get(id)?.disconnect();
    this.observers.delete(id);
  }

  // ---- lifecycle ----

  setTop(top: boolean): void {
    this.iframe.dataset.top = String(top);
  }

  scrollInfo(): { scrollTop: number; scrollHeight: number; clientHeight: number } {
    const doc = this.doc;
    const win = doc?.defaultView;
    if (!doc || !win) return { scrollTop: 0, scrollHeight: 0, clientHeight: 0 };
    return { scrollTop: win.scrollY, scrollHeight: doc.documentElement.scrollHeight, clientHeight: win.innerHeight };
  }

  scrollTo(top: number, smooth: boolean): void {
    this.doc?.defaultView?.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
  }

  destroy(): void {
    this.destroyed = true;
    for (const observer of this.observers.values()) observer.disconnect();
    this.observers.clear();
    this.iframe.remove();
  }

  componentCount(): number {
    return this.components.size;
  }
}
