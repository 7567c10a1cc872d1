/**
 * The page stack and my.navigateTo & co. (/mini/api/zwi8gx, /mini/framework/subpackages):
 * - at most 10 pages; navigateTo and redirectTo refuse a tab page (use switchTab); an unknown page fails with 1
 * - navigateBack pops `delta` pages (never the last) and shows the one below
 * - switchTab keeps tab pages alive (hidden), unloads the rest, and does nothing when already on that tab
 * - reLaunch unloads everything, tab pages included
 * - relative urls resolve against the current page's folder; one navigation at a time
 * How a page is created (loading a subpackage first, or a harness stub) and what its lifecycle does is the
 * adapter's part.
 */
import { MyError } from './invoke';
import { dirname, normalize, parseUrl } from './paths';

export const MAX_PAGE_STACK = 10;

export type NavigationApi = 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch';

export interface NavigationRequest {
  url?: string;
  delta?: number;
  /** `user` when the person tapped (tab bar, back button), `api` when the app called. */
  from?: 'user' | 'api';
  events?: Record<string, (...args: unknown[]) => void>;
}

export interface StackPage {
  readonly route: string;
  /** The adapter's state: unloaded pages are never shown again. */
  readonly unloaded: boolean;
}

export interface PageStackHost<P extends StackPage> {
  /** Routes of app.json's tabBar. */
  tabRoutes(): Set<string>;
  /** Whether the app's pages are known (the harness can run without app.json: then any route is a page). */
  hasAppConfig(): boolean;
  /** Creates the page (not yet loaded): throws MyError 1 when the route is no page of the app. */
  create(route: string, query: Record<string, string>, request: NavigationRequest, url: string): P | Promise<P>;
  /** onLoad, onShow (the simulator also sends the page to the view). */
  start(page: P): void;
  show(page: P): void;
  hide(page: P): void;
  unload(page: P): void;
  /** The stack changed (the simulator tells its view thread). */
  changed?(how: 'launch' | 'push' | 'pop' | 'redirect' | 'tab' | 'relaunch'): void;
  /** Before navigateBack pops the top page. */
  leaving?(top: P): void;
  /** After switchTab showed `page`. */
  tabShown?(page: P, route: string, request: NavigationRequest): void;
}

export class PageStack<P extends StackPage> {
  readonly pages: P[] = [];
  /** Tab pages kept alive while another tab is shown (switchTab keeps them, reLaunch ends them). */
  readonly tabPages = new Map<string, P>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: PageStackHost<P>) {}

  top(): P | undefined {
    return this.pages[this.pages.length - 1];
  }

  /** A launch or a test's direct mount: the page goes on top, the one below hides. */
  push(page: P, how: 'launch' | 'push' = 'push'): void {
    const below = this.top();
    if (below) this.host.hide(below);
    if (this.host.tabRoutes().has(page.route)) this.tabPages.set(page.route, page);
    this.pages.push(page);
    this.host.changed?.(how);
    this.host.start(page);
  }

  /** Takes a page out wherever it is (a test unloading it directly). */
  remove(page: P): void {
    const index = this.pages.indexOf(page);
    if (index >= 0) this.pages.splice(index, 1);
    for (const [route, kept] of this.tabPages) if (kept === page) this.tabPages.delete(route);
  }

  /** Unloads every page, kept tab pages too. */
  clear(): void {
    while (this.pages.length > 0) this.host.unload(this.pages.pop() as P);
    for (const kept of this.tabPages.values()) if (!kept.unloaded) this.host.unload(kept);
    this.tabPages.clear();
  }

  resolve(url: unknown): { route: string; query: Record<string, string> } {
    if (typeof url !== 'string' || url === '') throw new MyError({ error: 2, errorMessage: 'url is required' });
    const { route, query } = parseUrl(url);
    const current = this.top()?.route ?? '';
    const resolved = route.startsWith('/') ? normalize(route) : normalize(`${dirname(current)}/${route}`);
    return { route: resolved.replace(/\.(js|ts|axml)$/, ''), query };
  }

  /** One navigation at a time, like the platform's router. Resolves with the page now on top. */
  navigate(api: NavigationApi, request: NavigationRequest): Promise<P | undefined> {
    const run = () => this.navigateNow(api, request);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async navigateNow(api: NavigationApi, request: NavigationRequest): Promise<P | undefined> {
    const tabs = this.host.tabRoutes();
    const fail = (errorMessage: string): never => {
      throw new MyError({ error: 1, errorMessage });
    };
    const url = String(request.url ?? '');
    switch (api) {
      case 'navigateTo': {
        const { route, query } = this.resolve(request.url);
        if (tabs.has(route)) fail(`${url} resolved to ${route} is tab, which is not valid`);
        if (this.pages.length >= MAX_PAGE_STACK) fail(`page stack is full (${MAX_PAGE_STACK} pages)`);
        const page = await this.host.create(route, query, request, url);
        const below = this.top();
        if (below) this.host.hide(below);
        this.pages.push(page);
        this.host.changed?.('push');
        this.host.start(page);
        return page;
      }
      case 'redirectTo': {
        const { route, query } = this.resolve(request.url);
        if (tabs.has(route)) fail(`${url} resolved to ${route} is tab, which is not valid`);
        const page = await this.host.create(route, query, request, url);
        const top = this.pages.pop();
        if (top) {
          this.remove(top);
          this.host.unload(top);
        }
        this.pages.push(page);
        this.host.changed?.('redirect');
        this.host.start(page);
        return page;
      }
      case 'navigateBack': {
        const delta = Math.max(1, Number(request.delta ?? 1) || 1);
        const count = Math.min(delta, this.pages.length - 1);
        if (count <= 0) return this.top();
        const top = this.top();
        if (top) this.host.leaving?.(top);
        for (let i = 0; i < count; i++) {
          const page = this.pages.pop() as P;
          this.remove(page);
          this.host.unload(page);
        }
        this.host.changed?.('pop');
        const shown = this.top();
        if (shown) this.host.show(shown);
        return shown;
      }
      case 'switchTab': {
        const { route } = this.resolve(request.url);
        if (!tabs.has(route) && (tabs.size > 0 || this.host.hasAppConfig()))
          fail(`${url} resolved to ${route} is not a tab page`);
        const top = this.top();
        if (top && top.route === route && this.pages.length === 1) return top;
        const kept =
          this.tabPages.get(route) ?? this.pages.find((page) => page.route === route && !page.unloaded) ?? null;
        const fresh = kept ? null : await this.host.create(route, {}, request, url);
        while (this.pages.length > 0) {
          const page = this.pages.pop() as P;
          if (tabs.has(page.route) && !page.unloaded) {
            this.host.hide(page);
            this.tabPages.set(page.route, page);
          } else this.host.unload(page);
        }
        const target = (kept ?? fresh) as P;
        this.tabPages.set(route, target);
        this.pages.push(target);
        this.host.changed?.('tab');
        if (kept) this.host.show(kept);
        else this.host.start(target);
        this.host.tabShown?.(target, route, request);
        return target;
      }
      case 'reLaunch': {
        const { route, query } = this.resolve(request.url);
        const page = await this.host.create(route, query, request, url);
        this.clear();
        if (tabs.has(route)) this.tabPages.set(route, page);
        this.pages.push(page);
        this.host.changed?.('relaunch');
        this.host.start(page);
        return page;
      }
    }
    return fail(`unknown navigation ${String(api)}`);
  }
}
