/**
 * The simulator's shell on the main thread: the phone frame (status bar, navigation bar, tab bar), the page
 * views, the overlays that stand in for Alipay's native UI (toast, loading, dialogs, action sheet, city and
 * image pickers, consent sheets), and the side panel that QA uses (offline switch, signed-in user,
 * position, fault switches of the mock, setData statistics, errors).
 */
import { normalize } from '../../runtime/core/paths';
import type { AppConfig, LaunchConfig, LogicToMain, MainToLogic, PageConfig, SimSettings } from '../core/protocol';
import { PageView, type PageViewHost } from './page-view';
import { rtcFlexHost } from './rtc-flex';
import { SHELL_CSS } from './styles';
import { ViewPackages } from './view-packages';

const APP_STORAGE_PREFIX = '__sim_app__:';
const SETTINGS_KEY = '__sim_settings__';

export interface CityOption {
  city: string;
  adCode: string;
  /** Pinyin the picker's search matches. */
  spell?: string;
  province: string;
  longitude: number;
  latitude: number;
}

/** Cities offered first by chooseCity and by the panel's position switch. */
export const HOT_CITIES: CityOption[] = [
  { city: '杭州', adCode: '330100', province: '浙江省', longitude: 120.15507, latitude: 30.274084 },
  { city: '北京', adCode: '110100', province: '北京市', longitude: 116.407526, latitude: 39.90403 },
  { city: '上海', adCode: '310100', province: '上海市', longitude: 121.473701, latitude: 31.230416 },
  { city: '深圳', adCode: '440300', province: '广东省', longitude: 114.057868, latitude: 22.543099 },
  { city: '广州', adCode: '440100', province: '广东省', longitude: 113.264385, latitude: 23.129112 },
  { city: '成都', adCode: '510100', province: '四川省', longitude: 104.066541, latitude: 30.572269 },
  { city: '武汉', adCode: '420100', province: '湖北省', longitude: 114.305393, latitude: 30.593099 },
  { city: '南京', adCode: '320100', province: '江苏省', longitude: 118.796877, latitude: 32.060255 },
  { city: '西安', adCode: '610100', province: '陕西省', longitude: 108.940175, latitude: 34.341568 },
  { city: '赣州', adCode: '360700', province: '江西省', longitude: 114.933546, latitude: 25.831829 },
];

const DEFAULT_SETTINGS: SimSettings & { mobile: string } = {
  authUser: 'sim',
  offline: false,
  location: {
    longitude: 120.15507,
    latitude: 30.274084,
    city: '杭州市',
    cityAdcode: '330100',
    province: '浙江省',
    district: '西湖区',
  },
  mobile: '13800138000',
};

interface Failure {
  error: number;
  errorMessage: string;
}

class UserCancel extends Error {}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

export class Shell implements PageViewHost {
  readonly width: number;
  readonly height: number;
  readonly pxPerRpx: number;
  readonly origin = location.origin;
  packages = new ViewPackages(location.origin);
  private worker: Worker | null = null;
  private appConfig: AppConfig | null = null;
  private readonly views = new Map<string, PageView>();
  private stack: string[] = [];
  settings: SimSettings & { mobile: string };
  private config: { mockUrl: string; appApiBase: string } = { mockUrl: '', appApiBase: '' };
  readonly errors: string[] = [];
  readonly unsupportedList: string[] = [];
  private clipboard = '';
  /** my.setKeepScreenOn: the screen stays on (shown nowhere; read by tests). */
  private keepScreenOn = false;
  private loadingBox: HTMLElement | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshing: string | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private readyResolve: (() => void) | null = null;
  readonly ready: Promise<void>;
  private lastScrollHook = 0;

  // DOM
  private readonly phone: HTMLElement;
  private readonly navTitle: HTMLElement;
  private readonly navBack: HTMLButtonElement;
  private readonly nav: HTMLElement;
  private readonly refreshBar: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly tabbar: HTMLElement;
  private readonly overlays: HTMLElement;
  private readonly redbox: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly statsBody: HTMLElement;
  private readonly log: HTMLElement;
  private readonly offlineBadge: HTMLElement;

  constructor(root: HTMLElement) {
    const params = new URLSearchParams(location.search);
    this.width = Number(params.get('width') ?? 375) || 375;
    this.height = Number(params.get('height') ?? 812) || 812;
    this.pxPerRpx = this.width / 750;
    this.settings = { ...DEFAULT_SETTINGS, ...this.loadSettings() };
    this.ready = new Promise((resolve) => (this.readyResolve = resolve));

    const style = document.createElement('style');
    style.textContent = SHELL_CSS;
    document.head.appendChild(style);

    this.navBack = el('button', { className: 'sim-nav-back', title: '返回', textContent: '‹' });
    this.navBack.addEventListener('click', () =>
      this.send({ t: 'navigate', api: 'navigateBack', delta: 1, from: 'user' }),
    );
    this.navTitle = el('div', { className: 'sim-nav-title' });
    this.nav = el(
      'div',
      { className: 'sim-nav' },
      this.navBack,
      this.navTitle,
      el('div', { className: 'sim-nav-capsule', innerHTML: '<span>···</span><span>⊙</span>' }),
    );
    this.refreshBar = el('div', { className: 'sim-refresh', textContent: '正在刷新…' });
    this.viewport = el('div', { className: 'sim-viewport' });
    this.tabbar = el('div', { className: 'sim-tabbar', hidden: true });
    this.overlays = el('div', { className: 'sim-overlays' });
    this.redbox = el('div', { className: 'sim-redbox', hidden: true });
    this.offlineBadge = el('div', { className: 'sim-offline-badge', textContent: '离线', hidden: true });
    const status = el(
      'div',
      { className: 'sim-status' },
      el('span', { textContent: '9:41' }),
      el('span', {
        className: 'sim-status-icons',
        innerHTML: '<span>●●●●</span><span>WiFi</span><span class="sim-battery"><i></i></span>',
      }),
    );
    this.phone = el(
      'div',
      { className: 'sim-phone' },
      status,
      this.nav,
      this.refreshBar,
      this.viewport,
      this.tabbar,
      el('div', { className: 'sim-home', innerHTML: '<i></i>' }),
      this.overlays,
      this.redbox,
      this.offlineBadge,
    );
    this.phone.style.width = `${this.width}px`;
    this.phone.style.height = `${this.height}px`;
    this.phone.id = 'sim-phone';

    this.statsBody = el('tbody');
    this.log = el('div', { className: 'sim-log' });
    this.panel = this.buildPanel();
    root.append(this.phone, this.panel);
    this.exposeAutomation();
    void this.boot();
  }

  // ---- settings ----

  private loadSettings(): Partial<SimSettings & { mobile: string }> {
    try {
      return JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<SimSettings & { mobile: string }>;
    } catch {
      return {};
    }
  }

  updateSettings(changes: Partial<SimSettings & { mobile: string }>): void {
    this.settings = { ...this.settings, ...changes };
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(this.settings));
    const { mobile: _mobile, ...forLogic } = changes;
    void _mobile;
    if (Object.keys(forLogic).length) this.send({ t: 'settings', settings: forLogic });
    this.offlineBadge.hidden = !this.settings.offline;
    this.renderPanelState();
  }

  // ---- boot ----

  private async boot(): Promise<void> {
    const embedded = (window as unknown as { __SIM_CONFIG__?: { mockUrl: string; appApiBase: string } }).__SIM_CONFIG__;
    try {
      this.config =
        embedded ?? ((await (await fetch('/__sim/config')).json()) as { mockUrl: string; appApiBase: string });
    } catch (error) {
      this.fatal(`cannot read /__sim/config: ${String(error)}`);
      return;
    }
    this.renderPanelState();
    this.offlineBadge.hidden = !this.settings.offline;
    void this.packages.ensure('').catch(() => undefined);
    this.startWorker();
    this.watchDist();
  }

  /** Restarts the app when dist/ changes (npm start rebuilds it in watch mode). Off under automation. */
  private watchDist(): void {
    if (navigator.webdriver || new URLSearchParams(location.search).get('watch') === '0') return;
    let known: string | null = null;
    const poll = async () => {
      try {
        const { version } = (await (await fetch('/__sim/version')).json()) as { version: string };
        if (known !== null && version !== known) {
          this.relaunch(false);
          this.toast('dist/ 已更新，小程序已重启', 'none', 1500);
        }
        known = version;
      } catch {
        // the server restarts with npm start; try again next time
      }
    };
    void poll();
    setInterval(() => {
      if (document.visibilityState === 'visible') void poll();
    }, 1500);
  }

  private startWorker(): void {
    const params = new URLSearchParams(location.search);
    const launchUrl = params.get('launch') ?? '';
    const [launchPath, launchSearch = ''] = launchUrl.split('?');
    const storage: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) as string;
      if (key.startsWith(APP_STORAGE_PREFIX))
        storage[key.slice(APP_STORAGE_PREFIX.length)] = localStorage.getItem(key) ?? '';
    }
    const { mobile: _mobile, ...settings } = this.settings;
    void _mobile;
    const config: LaunchConfig = {
      appApiBase: this.config.appApiBase,
      mockUrl: this.config.mockUrl,
      settings,
      storage,
      systemInfo: this.systemInfo(),
      launch: {
        path: launchPath ? normalize(launchPath) : undefined,
        query: Object.fromEntries(new URLSearchParams(launchSearch)),
      },
      origin: location.origin,
    };
    // The page's <head> already started the first worker (see server.ts); a relaunch starts a new one.
    const early = (window as unknown as { __SIM_WORKER__?: Worker }).__SIM_WORKER__;
    (window as unknown as { __SIM_WORKER__?: Worker }).__SIM_WORKER__ = undefined;
    this.worker = early ?? new Worker('/__sim/worker.js');
    this.worker.addEventListener('message', (event) => {
      for (const message of event.data as LogicToMain[]) this.receive(message);
    });
    this.worker.addEventListener('error', (event) => this.showError(`logic worker: ${event.message}`));
    this.send({ t: 'init', config });
  }

  private systemInfo(): Record<string, unknown> {
    return {
      app: 'alipay',
      brand: 'Simulator',
      model: 'iPhone 13 (模拟器)',
      platform: 'iOS',
      system: '16.0',
      version: '10.5.36',
      SDKVersion: '2.9.0',
      language: 'zh-Hans',
      pixelRatio: 3,
      screenWidth: this.width,
      screenHeight: this.height,
      windowWidth: this.width,
      windowHeight: this.height - 88,
      statusBarHeight: 44,
      titleBarHeight: 44,
      fontSizeSetting: 16,
      currentBattery: '80%',
      storage: '128 GB',
      isIphoneXSeries: true,
      screen: { width: this.width, height: this.height },
      safeArea: {
        left: 0,
        right: this.width,
        top: 44,
        bottom: this.height - 34,
        width: this.width,
        height: this.height - 78,
      },
      performance: 'high',
      locationEnabled: true,
      wifiEnabled: true,
    };
  }

  /** Restarts the mini-program (a cold start). */
  relaunch(clearStorage = false): void {
    this.worker?.terminate();
    this.worker = null;
    this.outbox = [];
    this.allTimeStats.clear();
    for (const view of this.views.values()) view.destroy();
    this.views.clear();
    this.stack = [];
    this.overlays.innerHTML = '';
    this.loadingBox = null;
    this.redbox.hidden = true;
    this.redbox.textContent = '';
    if (clearStorage)
      for (const key of Object.keys(localStorage)) if (key.startsWith(APP_STORAGE_PREFIX)) localStorage.removeItem(key);
    this.packages = new ViewPackages(location.origin);
    void this.packages.ensure('').catch(() => undefined);
    this.startWorker();
  }

  private outbox: MainToLogic[] = [];

  /** Messages sent in one turn cross together (one render pass may create many components). */
  send(message: MainToLogic): void {
    this.outbox.push(message);
    if (this.outbox.length === 1)
      queueMicrotask(() => {
        const batch = this.outbox;
        this.outbox = [];
        this.worker?.postMessage(batch);
      });
  }

  // ---- messages from the logic layer ----

  private receive(message: LogicToMain): void {
    switch (message.t) {
      case 'app:config':
        this.appConfig = message.app;
        this.packages.roots = [...(message.app.subPackages ?? []), ...(message.app.subpackages ?? [])].map((sub) =>
          normalize(sub.root),
        );
        this.renderTabbar();
        return;
      case 'page:create': {
        const view = new PageView(
          this,
          message.pageId,
          message.route,
          message.query,
          message.config,
          message.data,
          this.viewport,
        );
        this.views.set(message.pageId, view);
        this.showTop();
        return;
      }
      case 'page:destroy':
        this.views.get(message.pageId)?.destroy();
        this.views.delete(message.pageId);
        return;
      case 'stack':
        this.stack = message.pages.map((page) => page.pageId);
        if (this.refreshing && !this.stack.includes(this.refreshing)) this.stopRefresh();
        this.showTop();
        return;
      case 'update':
        this.views.get(message.pageId)?.applyUpdate(message.viewId, message.ops, message);
        this.checkSetDataBudget(message.pageId, message.bytes, message.calls);
        this.renderStats();
        return;
      case 'component:ready':
        this.views
          .get(message.pageId)
          ?.componentReady(message.viewId, message.defaults, message.data, message.components);
        return;
      case 'component:error':
        this.views.get(message.pageId)?.componentError(message.viewId, message.message);
        this.log.prepend(el('div', { className: 'err', textContent: message.message }));
        console.error(`[simulator] ${message.message}`);
        return;
      case 'api':
        void this.api(message.name, message.options).then(
          (value) => this.send({ t: 'api:result', id: message.id, ok: true, value }),
          (error: unknown) => {
            const failure: Failure =
              error instanceof UserCancel
                ? { error: 11, errorMessage: '用户取消操作' }
                : error && typeof error === 'object' && 'error' in error
                  ? (error as Failure)
                  : { error: 3, errorMessage: error instanceof Error ? error.message : String(error) };
            this.send({ t: 'api:result', id: message.id, ok: false, value: failure });
          },
        );
        return;
      case 'query': {
        const view = this.views.get(message.pageId) ?? this.topView();
        const reply = (results: unknown[]) => this.send({ t: 'query:result', id: message.id, results });
        if (view) view.queryWhenRendered(message.ops, reply);
        else reply(message.ops.map(() => null));
        return;
      }
      case 'observer:observe': {
        const view = this.views.get(message.pageId) ?? this.topView();
        view?.observe(message.id, message.spec, (entry) => this.send({ t: 'observer:entry', id: message.id, entry }));
        return;
      }
      case 'observer:disconnect':
        for (const view of this.views.values()) view.unobserve(message.id);
        return;
      case 'storage':
        if (message.op === 'set' && message.key !== undefined)
          localStorage.setItem(APP_STORAGE_PREFIX + message.key, message.value ?? '');
        else if (message.op === 'remove' && message.key !== undefined)
          localStorage.removeItem(APP_STORAGE_PREFIX + message.key);
        else if (message.op === 'clear')
          for (const key of Object.keys(localStorage))
            if (key.startsWith(APP_STORAGE_PREFIX)) localStorage.removeItem(key);
        return;
      case 'unsupported':
        this.unsupported(message.what);
        return;
      case 'error':
        this.showError(message.message);
        return;
      case 'log':
        console[message.level](...message.args);
        return;
    }
  }

  // ---- pages, navigation bar, tab bar ----

  private titleScroll: { win: Window; listener: () => void } | null = null;

  /**
   * transparentTitle (page json): `always` lays the page under a see-through title bar; `auto` does too and
   * fades the bar's colour in as the page scrolls, as the platform does.
   */
  private applyTransparentTitle(top: PageView, mode: string, color: string): void {
    if (this.titleScroll) this.titleScroll.win.removeEventListener('scroll', this.titleScroll.listener);
    this.titleScroll = null;
    this.nav.style.opacity = '';
    const transparent = mode === 'always' || mode === 'auto';
    this.phone.classList.toggle('sim-transparent-title', transparent);
    if (!transparent) return;
    this.nav.style.background = 'transparent';
    const win = top.doc?.defaultView;
    if (mode !== 'auto' || !win) return;
    const listener = () => {
      const share = Math.min(1, Math.max(0, win.scrollY / 80));
      this.nav.style.background = share > 0 ? color : 'transparent';
      this.nav.style.opacity = share > 0 ? String(0.4 + 0.6 * share) : '1';
    };
    win.addEventListener('scroll', listener, { passive: true });
    this.titleScroll = { win, listener };
    listener();
  }

  private topView(): PageView | undefined {
    return this.views.get(this.stack[this.stack.length - 1]);
  }

  private showTop(): void {
    const top = this.topView();
    for (const view of this.views.values()) view.setTop(view === top);
    if (!top) return;
    const config: PageConfig = top.config;
    this.navTitle.textContent = top.title ?? String(config.defaultTitle ?? this.appConfig?.window?.defaultTitle ?? '');
    const color = top.titleBarColor ?? String(config.titleBarColor ?? '#ffffff');
    this.nav.style.background = color;
    this.applyTransparentTitle(top, String(config.transparentTitle ?? 'none'), color);
    this.navBack.hidden = this.stack.length <= 1;
    this.renderTabbar();
    if (this.refreshing && this.refreshing !== top.pageId) this.stopRefresh();
    this.readyResolve?.();
    this.readyResolve = null;
  }

  private isTabRoute(route: string): boolean {
    return (this.appConfig?.tabBar?.items ?? []).some((item) => normalize(item.pagePath) === route);
  }

  private renderTabbar(): void {
    const tabBar = this.appConfig?.tabBar;
    const top = this.topView();
    if (!tabBar || !top || !this.isTabRoute(top.route)) {
      this.tabbar.hidden = true;
      return;
    }
    this.tabbar.hidden = false;
    this.tabbar.style.background = tabBar.backgroundColor ?? '#fff';
    this.tabbar.innerHTML = '';
    tabBar.items.forEach((item, index) => {
      const route = normalize(item.pagePath);
      const selected = route === top.route;
      // The app's own icons (icon / activeIcon, paths in dist/); a drawn square where it gives none.
      const iconPath = selected ? (item.activeIcon ?? item.icon) : item.icon;
      const icon = iconPath
        ? el('img', { className: 'sim-tab-image', src: `${location.origin}/dist/${normalize(iconPath)}`, alt: '' })
        : el('span', { className: 'sim-tab-icon' });
      const button = el(
        'button',
        { className: `sim-tab${selected ? ' on' : ''}` },
        el('span', { className: 'sim-tab-figure' }, icon, ...this.tabBadge(index)),
        item.name ?? item.text ?? route,
      );
      button.style.color = selected ? (tabBar.selectedColor ?? '#1677ff') : (tabBar.textColor ?? '#8a8f99');
      button.dataset.route = route;
      button.addEventListener('click', () => {
        if (selected) return;
        this.send({ t: 'navigate', api: 'switchTab', url: `/${route}`, from: 'user' });
      });
      this.tabbar.appendChild(button);
    });
  }

  /** my.setTabBarBadge text, or '' for my.showTabBarRedDot's dot, per tab index. */
  private tabBadges = new Map<number, string>();

  private tabBadge(index: number): HTMLElement[] {
    const badge = this.tabBadges.get(index);
    if (badge === undefined) return [];
    return [el('i', { className: badge ? 'sim-tab-badge' : 'sim-tab-badge dot', textContent: badge })];
  }

  private setTabBadge(options: Record<string, unknown>, badge: string | null): Record<string, never> {
    const index = Number(options.index);
    const items = this.appConfig?.tabBar?.items ?? [];
    if (!Number.isInteger(index) || index < 0 || index >= items.length)
      throw { error: 2, errorMessage: `index ${String(options.index)} is not a tab` } satisfies Failure;
    if (badge === null) this.tabBadges.delete(index);
    else this.tabBadges.set(index, badge);
    this.renderTabbar();
    return {};
  }

  // ---- PageViewHost ----

  afterCommit(view: PageView): void {
    const hooks = (
      window as unknown as {
        __simHooks?: { afterCommit?: (route: string, doc: Document | null, stats: unknown) => void };
      }
    ).__simHooks;
    hooks?.afterCommit?.(view.route, view.doc, this.statsSnapshot());
    this.renderStats();
  }

  onScroll(view: PageView): void {
    const info = view.scrollInfo();
    const now = performance.now();
    const hooks = (view.config.__hooks as string[] | undefined) ?? [];
    if (hooks.includes('onPageScroll') && now - this.lastScrollHook > 80) {
      this.lastScrollHook = now;
      this.send({
        t: 'page:hook',
        pageId: view.pageId,
        name: 'onPageScroll',
        arg: { scrollTop: info.scrollTop, scrollHeight: info.scrollHeight },
      });
    }
    const distance = Number(view.config.onReachBottomDistance ?? 50);
    const atBottom = info.scrollHeight - info.scrollTop - info.clientHeight <= distance;
    if (atBottom && !view.reachedBottom) this.send({ t: 'page:hook', pageId: view.pageId, name: 'onReachBottom' });
    view.reachedBottom = atBottom;
  }

  authorize(scope: string): Promise<boolean> {
    const names: Record<string, string> = {
      phoneNumber: '你的手机号码',
      userInfo: '你的头像、昵称',
      location: '你的位置',
    };
    return this.consentSheet(
      `申请获取${names[scope] ?? scope}`,
      `小程序将获取${names[scope] ?? scope}（模拟器授权）`,
    ).then(
      () => true,
      () => false,
    );
  }

  pick(range: string[], current: number): Promise<number | null> {
    return this.actionSheet('请选择', range, current).then((index) => (index < 0 ? null : index));
  }

  unsupported(what: string): void {
    const text = `${what} is not supported by the simulator`;
    if (!this.unsupportedList.includes(what)) this.unsupportedList.push(what);
    console.error(`[simulator] ${text}`);
    this.showError(text, false);
  }

  // ---- platform budgets (/mini/ide/01d5bg): one transfer ≤ 256 KB, ≤ 20 setData calls a second ----

  private readonly recentCalls = new Map<string, number[]>();

  private checkSetDataBudget(pageId: string, bytes: number, calls: number): void {
    const route = this.views.get(pageId)?.route ?? pageId;
    if (bytes > 256 * 1024)
      this.showError(`setData on ${route} sent ${Math.round(bytes / 1024)} KB in one transfer; Alipay allows 256 KB`);
    const now = performance.now();
    const recent = (this.recentCalls.get(pageId) ?? []).filter((time) => now - time < 1000);
    for (let i = 0; i < calls; i++) recent.push(now);
    this.recentCalls.set(pageId, recent);
    if (recent.length === 21) {
      const text = `setData on ${route}: more than 20 calls in one second (Alipay's limit)`;
      console.warn(`[simulator] ${text}`);
      this.log.prepend(el('div', { textContent: text }));
    }
  }

  // ---- pull-down refresh ----

  pullDownRefresh(from: 'manual' | 'code' = 'manual'): boolean {
    const top = this.topView();
    if (!top) return false;
    const enabled = top.config.pullRefresh === true || String(top.config.pullRefresh) === 'true';
    if (!enabled && from === 'manual') return false;
    this.refreshing = top.pageId;
    this.refreshBar.classList.add('on');
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.stopRefresh(), 10_000);
    this.send({ t: 'page:hook', pageId: top.pageId, name: 'onPullDownRefresh', arg: { from } });
    return true;
  }

  private stopRefresh(): void {
    this.refreshing = null;
    this.refreshBar.classList.remove('on');
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  // ---- errors ----

  showError(message: string, isError = true): void {
    this.errors.push(message);
    if (isError) console.error(`[simulator] ${message}`);
    this.redbox.hidden = false;
    if (!this.redbox.firstChild) {
      const close = el('button', { textContent: '关闭' });
      close.addEventListener('click', () => {
        this.redbox.hidden = true;
        this.redbox.textContent = '';
      });
      this.redbox.appendChild(close);
    }
    this.redbox.appendChild(el('div', { textContent: message.split('\n').slice(0, 6).join('\n') }));
    const line = el('div', { className: 'err', textContent: message.split('\n')[0] });
    this.log.prepend(line);
  }

  private fatal(message: string): void {
    this.showError(message);
  }

  // ---- native UI stand-ins (my.* through the shell) ----

  private mask(kind: '' | 'bottom' | 'clear' = ''): HTMLElement {
    const mask = el('div', { className: `sim-mask ${kind}` });
    this.overlays.appendChild(mask);
    return mask;
  }

  private dialog(options: {
    title?: string;
    content?: string;
    buttons: Array<{ text: string; cancel?: boolean }>;
    input?: { placeholder?: string };
  }): Promise<{ index: number; value: string }> {
    return new Promise((resolve) => {
      const mask = this.mask();
      const box = el('div', { className: 'sim-dialog', role: 'dialog' } as Partial<HTMLDivElement>);
      if (options.title) box.appendChild(el('div', { className: 'sim-dialog-title', textContent: options.title }));
      if (options.content)
        box.appendChild(el('div', { className: 'sim-dialog-content', textContent: options.content }));
      const input = options.input
        ? el('input', { className: 'sim-dialog-input', placeholder: options.input.placeholder ?? '' })
        : null;
      if (input) box.appendChild(input);
      const buttons = el('div', { className: 'sim-dialog-buttons' });
      options.buttons.forEach((button, index) => {
        const node = el('button', { textContent: button.text, className: button.cancel ? 'cancel' : '' });
        node.addEventListener('click', () => {
          mask.remove();
          resolve({ index, value: input?.value ?? '' });
        });
        buttons.appendChild(node);
      });
      box.appendChild(buttons);
      mask.appendChild(box);
    });
  }

  private actionSheet(
    title: string,
    items: string[],
    highlight = -1,
    destructive = -1,
    cancelText = '取消',
  ): Promise<number> {
    return new Promise((resolve) => {
      const mask = this.mask('bottom');
      const sheet = el('div', { className: 'sim-sheet' });
      if (title) sheet.appendChild(el('div', { className: 'sim-sheet-title', textContent: title }));
      const body = el('div', { className: 'sim-sheet-body' });
      items.forEach((item, index) => {
        const button = el('button', {
          className: `sim-sheet-item${index === destructive ? ' danger' : ''}`,
          textContent: item,
        });
        if (index === highlight) button.style.color = '#1677ff';
        button.addEventListener('click', () => {
          mask.remove();
          resolve(index);
        });
        body.appendChild(button);
      });
      sheet.appendChild(body);
      const cancel = el('button', { className: 'sim-sheet-cancel', textContent: cancelText });
      cancel.addEventListener('click', () => {
        mask.remove();
        resolve(-1);
      });
      sheet.appendChild(cancel);
      mask.appendChild(sheet);
      mask.addEventListener('click', (event) => {
        if (event.target === mask) {
          mask.remove();
          resolve(-1);
        }
      });
    });
  }

  private appName(): string {
    const title = this.appConfig?.window?.defaultTitle;
    return title ? `「${String(title)}」` : '小程序';
  }

  /**
   * Titles of subscription templates as Alipay's consent sheet lists them, from the templates the mock has
   * configured (Alipay's merchant platform); an id it does not know shows as it is, marked.
   */
  private async subscriptionTitles(ids: string[]): Promise<string[]> {
    let known = new Map<string, string>();
    try {
      const response = await fetch(`${this.config.mockUrl}/__admin/subscription-templates`);
      const body = (await response.json()) as { items?: Array<{ id: string; title: string }> };
      known = new Map((body.items ?? []).map((template) => [template.id, template.title]));
    } catch {
      // Without the mock the ids are all there is to show.
    }
    return ids.map((id) => known.get(id) ?? `未登记的模板 ${id}`);
  }

  private consentSheet(title: string, text: string): Promise<void> {
    return this.actionSheet(`${title}\n${text}`, ['允许'], -1, -1, '拒绝').then((index) => {
      if (index !== 0) throw new UserCancel('refused');
    });
  }

  private toast(content: string, type: string, duration: number): void {
    this.overlays.querySelector('.sim-toast')?.remove();
    if (this.toastTimer) clearTimeout(this.toastTimer);
    const icons: Record<string, string> = { success: '✓', fail: '✕', exception: '!' };
    const box = el('div', { className: 'sim-toast', role: 'status' } as Partial<HTMLDivElement>);
    if (icons[type]) box.appendChild(el('span', { className: 'sim-toast-icon', textContent: icons[type] }));
    box.append(content);
    this.overlays.appendChild(box);
    this.toastTimer = setTimeout(() => box.remove(), duration);
  }

  /**
   * Alipay's city picker: the app's `hotCities` and `cities` when it passes them (else Alipay's own hot list,
   * answered with the adCodes Alipay uses, 北京 as 110100, and the mock's cities standing in for Alipay's
   * full list), a search box that matches names and pinyin (`spell`), hot cities as a grid above the list.
   */
  private async chooseCity(options: Record<string, unknown>): Promise<unknown> {
    const given = (value: unknown): CityOption[] | null =>
      Array.isArray(value)
        ? (value as Array<{ city?: unknown; adCode?: unknown; spell?: unknown }>).map((item) => ({
            city: String(item.city ?? ''),
            adCode: String(item.adCode ?? ''),
            spell: String(item.spell ?? ''),
            province: '',
            longitude: 0,
            latitude: 0,
          }))
        : null;
    let all = given(options.cities);
    if (!all) {
      all = [];
      try {
        const response = await fetch(`${this.config.mockUrl}/cities`);
        const body = (await response.json()) as { items?: Array<{ code: string; name: string; spell?: string }> };
        all = (body.items ?? []).map((city) => ({
          city: city.name.replace(/市$/, ''),
          adCode: city.code,
          spell: city.spell ?? '',
          province: '',
          longitude: 0,
          latitude: 0,
        }));
      } catch {
        // the hot cities are enough without the mock
      }
    }
    const hot = options.showHotCities === false ? [] : (given(options.hotCities) ?? HOT_CITIES);
    const chosen = await this.citySheet(hot, all);
    if (!chosen) throw new UserCancel('cancel');
    return { city: chosen.city, adCode: chosen.adCode, longitude: chosen.longitude, latitude: chosen.latitude };
  }

  private citySheet(hot: CityOption[], all: CityOption[]): Promise<CityOption | null> {
    return new Promise((resolve) => {
      const mask = this.mask('bottom');
      const close = (city: CityOption | null) => {
        mask.remove();
        resolve(city);
      };
      const sheet = el('div', { className: 'sim-sheet sim-city-sheet' });
      sheet.appendChild(el('div', { className: 'sim-sheet-title', textContent: '选择城市' }));
      const search = el('input', {
        className: 'sim-city-search',
        type: 'search',
        placeholder: '搜索城市（中文或拼音）',
      } as Partial<HTMLInputElement>);
      const body = el('div', { className: 'sim-sheet-body' });
      const item = (city: CityOption, className: string) => {
        const button = el('button', { className, textContent: city.city });
        button.addEventListener('click', () => close(city));
        return button;
      };
      const render = () => {
        const query = search.value.trim().toLowerCase();
        const matches = (city: CityOption) =>
          !query || city.city.includes(query) || (!!city.spell && city.spell.toLowerCase().startsWith(query));
        body.replaceChildren();
        const hotShown = hot.filter(matches);
        if (hotShown.length && !query) {
          body.appendChild(el('div', { className: 'sim-city-heading', textContent: '热门城市' }));
          body.appendChild(el('div', { className: 'sim-city-hot' }, ...hotShown.map((c) => item(c, 'sim-sheet-item'))));
          body.appendChild(el('div', { className: 'sim-city-heading', textContent: '全部城市' }));
        }
        const listed = query
          ? [...hotShown.filter((c) => !all.some((a) => a.city === c.city)), ...all.filter(matches)]
          : all;
        for (const city of listed) body.appendChild(item(city, 'sim-sheet-item left'));
        if (!listed.length)
          body.appendChild(el('div', { className: 'sim-city-heading', textContent: '没有找到这个城市' }));
      };
      search.addEventListener('input', render);
      render();
      const cancel = el('button', { className: 'sim-sheet-cancel', textContent: '取消' });
      cancel.addEventListener('click', () => close(null));
      sheet.append(search, body, cancel);
      mask.appendChild(sheet);
      mask.addEventListener('click', (event) => {
        if (event.target === mask) close(null);
      });
    });
  }

  private chooseImage(count: number): Promise<unknown> {
    return fetch('/__sim/samples')
      .then(
        (response) =>
          response.json() as Promise<
            Array<{ path: string; label: string; size: number; width: number; height: number }>
          >,
      )
      .then(
        (samples) =>
          new Promise((resolve, reject) => {
            const mask = this.mask('bottom');
            const sheet = el('div', { className: 'sim-sheet' });
            sheet.appendChild(
              el('div', { className: 'sim-sheet-title', textContent: `选择图片（最多 ${count} 张，模拟器样图）` }),
            );
            const grid = el('div', { className: 'sim-images' });
            const boxes: HTMLInputElement[] = [];
            for (const sample of samples) {
              const box = el('input', { type: 'checkbox', value: sample.path });
              boxes.push(box);
              grid.appendChild(
                el(
                  'label',
                  {},
                  el('img', { src: sample.path, alt: sample.label }),
                  box,
                  el('span', { textContent: sample.label }),
                ),
              );
            }
            const done = el('button', { className: 'sim-sheet-item', textContent: '完成' });
            done.addEventListener('click', () => {
              const chosen = samples.filter((_, i) => boxes[i].checked).slice(0, count);
              mask.remove();
              if (chosen.length === 0) return reject(new UserCancel('none chosen'));
              const paths = chosen.map((sample) => `${location.origin}${sample.path}`);
              resolve({
                apFilePaths: paths,
                tempFilePaths: paths,
                filePaths: paths,
                tempFiles: chosen.map((sample, i) => ({
                  path: paths[i],
                  size: sample.size,
                  width: sample.width,
                  height: sample.height,
                  type: 'image',
                })),
              });
            });
            const cancel = el('button', { className: 'sim-sheet-cancel', textContent: '取消' });
            cancel.addEventListener('click', () => {
              mask.remove();
              reject(new UserCancel('cancel'));
            });
            sheet.append(el('div', { className: 'sim-sheet-body' }, grid, done), cancel);
            mask.appendChild(sheet);
          }),
      );
  }

  private async api(name: string, options: Record<string, unknown>): Promise<unknown> {
    switch (name) {
      case 'showToast':
        this.toast(String(options.content ?? ''), String(options.type ?? 'none'), Number(options.duration ?? 2000));
        return {};
      case 'hideToast':
        this.overlays.querySelector('.sim-toast')?.remove();
        return {};
      case 'showLoading': {
        this.loadingBox?.remove();
        const mask = this.mask('clear');
        mask.appendChild(
          el(
            'div',
            { className: 'sim-loading-box' },
            el('div', { className: 'sim-spinner' }),
            String(options.content ?? '加载中'),
          ),
        );
        this.loadingBox = mask;
        return {};
      }
      case 'hideLoading':
        this.loadingBox?.remove();
        this.loadingBox = null;
        return {};
      case 'alert':
        await this.dialog({
          title: options.title as string,
          content: options.content as string,
          buttons: [{ text: String(options.buttonText ?? '我知道了') }],
        });
        return {};
      case 'confirm': {
        const { index } = await this.dialog({
          title: options.title as string,
          content: options.content as string,
          buttons: [
            { text: String(options.cancelButtonText ?? '取消'), cancel: true },
            { text: String(options.confirmButtonText ?? '确定') },
          ],
        });
        return { confirm: index === 1 };
      }
      case 'prompt': {
        const { index, value } = await this.dialog({
          title: options.title as string,
          content: options.message as string,
          input: { placeholder: options.placeholder as string },
          buttons: [
            { text: String(options.cancelButtonText ?? '取消'), cancel: true },
            { text: String(options.okButtonText ?? '确定') },
          ],
        });
        return { ok: index === 1, inputValue: value };
      }
      case 'showActionSheet': {
        const items = ((options.items as unknown[]) ?? []).map(String);
        const index = await this.actionSheet(
          String(options.title ?? ''),
          items,
          -1,
          Number(options.destructiveBtnIndex ?? -1),
          String(options.cancelButtonText ?? '取消'),
        );
        return { index };
      }
      case 'chooseCity':
        return this.chooseCity(options);
      case 'chooseImage':
        return this.chooseImage(Math.max(1, Math.min(9, Number(options.count ?? 1))));
      case 'previewImage': {
        const urls = (options.urls as string[]) ?? [];
        const current = Number(options.current ?? 0);
        const mask = this.mask();
        mask.style.background = '#000';
        const image = el('img', { src: urls[current] ?? urls[0] ?? '' });
        image.style.cssText = 'max-width:100%;max-height:100%';
        mask.appendChild(image);
        mask.addEventListener('click', () => mask.remove());
        return {};
      }
      case 'authorize': {
        const scopes = (options.scopes as string[]) ?? [];
        await this.consentSheet('授权', `小程序申请：${scopes.join('、')}`);
        return {};
      }
      case 'getPhoneNumber': {
        const response = await fetch(`/__sim/phone-payload?mobile=${encodeURIComponent(this.settings.mobile)}`);
        if (response.status === 501) {
          this.unsupported('my.getPhoneNumber (mock/phone/test-keys.ts is missing)');
          throw { error: 3, errorMessage: 'getPhoneNumber is not available in this simulator build' } satisfies Failure;
        }
        if (!response.ok)
          throw { error: 3, errorMessage: `getPhoneNumber failed: HTTP ${response.status}` } satisfies Failure;
        const body = (await response.json()) as { response: string };
        return { response: body.response };
      }
      case 'requestSubscribeMessage': {
        const ids = ((options.entityIds ?? options.tmplIds) as string[]) ?? [];
        const titles = await this.subscriptionTitles(ids);
        const index = await this.actionSheet(
          `订阅消息\n${this.appName()}想给你发送以下消息：\n${titles.map((title) => `· ${title}`).join('\n')}`,
          ['允许', '拒绝'],
          -1,
          -1,
          '取消',
        );
        if (index < 0) throw new UserCancel('cancel');
        const accepted = index === 0;
        return {
          behavior: accepted ? 'subscribe' : 'refuse',
          keep: false,
          refuse: !accepted,
          result: {
            subscribeEntityIds: accepted ? ids : [],
            unsubscribeEntityIds: accepted ? [] : ids,
            currentSubscribeEntityIds: accepted ? ids : [],
          },
        };
      }
      case 'setNavigationBar': {
        const top = this.topView();
        if (top) {
          if (typeof options.title === 'string') top.title = options.title;
          if (typeof options.backgroundColor === 'string') top.titleBarColor = options.backgroundColor;
          this.showTop();
        }
        return {};
      }
      case 'stopPullDownRefresh':
        this.stopRefresh();
        return {};
      case 'startPullDownRefresh':
        this.pullDownRefresh('code');
        return {};
      case 'pageScrollTo': {
        const top = this.topView();
        if (top) top.scrollTo(Number(options.scrollTop ?? 0), Number(options.duration ?? 300) > 0);
        return {};
      }
      case 'rtc':
        return rtcFlexHost.handle(options);
      case 'setKeepScreenOn':
        this.keepScreenOn = !!options.keepScreenOn;
        return { success: true };
      case 'makePhoneCall':
        this.toast(`拨打 ${String(options.number ?? '')}（模拟）`, 'none', 2000);
        return {};
      case 'startBizService': {
        // Alipay's face check (open-certify), played by the person at the simulator.
        const { index } = await this.dialog({
          title: '支付宝刷脸认证（模拟）',
          content: '请将面部对准取景框。模拟器中由你决定认证结果。',
          buttons: [{ text: '退出认证', cancel: true }, { text: '认证通过' }],
        });
        if (index !== 1) return { resultStatus: '6001', result: null };
        const done = await fetch(`/__sim/certify/${encodeURIComponent(String(options.certifyId))}`, { method: 'POST' });
        return done.ok
          ? { resultStatus: '9000', result: { certifyId: options.certifyId } }
          : { resultStatus: '4000', result: { certifyId: options.certifyId, errorCode: 'SYSTEM_ERROR' } };
      }
      case 'openDocument': {
        // The downloaded file in a tab of its own, as the phone's document viewer would show it.
        window.open(String(options.filePath ?? ''), '_blank');
        this.toast('已打开文档', 'none', 1500);
        return {};
      }
      case 'canvasToDataURL': {
        const view = this.views.get(String(options.pageId)) ?? this.topView();
        const data = view ? await view.canvasDataURL(String(options.canvasId)) : null;
        if (data === null)
          throw {
            error: 2,
            errorMessage: `no <canvas id="${String(options.canvasId)}"> on the page`,
          } satisfies Failure;
        return { data };
      }
      case 'openLocation': {
        // No map here: the place it would show (runtime/my checked the position).
        this.toast(`地图：${String(options.name ?? '')} ${String(options.address ?? '')}（模拟）`, 'none', 2000);
        return {};
      }
      case 'setTabBarBadge':
        return this.setTabBadge(options, String(options.text ?? ''));
      case 'showTabBarRedDot':
        return this.setTabBadge(options, '');
      case 'removeTabBarBadge':
      case 'hideTabBarRedDot':
        return this.setTabBadge(options, null);
      case 'setCanPullDown':
        return {};
      case 'camera': {
        if (options.op === 'stopAll' || options.op === 'resumeAll') {
          const view = this.views.get(String(options.pageId));
          if (options.op === 'stopAll') view?.stopCameras();
          else view?.resumeCameras();
          return {};
        }
        const view = this.topView();
        if (!view) throw { error: 2, errorMessage: 'no page' } satisfies Failure;
        return view.camera(String(options.op), String(options.cameraId), options.recordingId as string | undefined);
      }
      case 'canvasDraw': {
        const view = this.views.get(String(options.pageId)) ?? this.topView();
        const ops = (options.ops ?? []) as Array<[string, unknown[]]>;
        if (!view || !(await view.drawCanvas(String(options.canvasId), ops, Boolean(options.reserve))))
          throw {
            error: 2,
            errorMessage: `no <canvas id="${String(options.canvasId)}"> on the page`,
          } satisfies Failure;
        return {};
      }
      case 'loadFontFace': {
        // A font the app downloads: loaded once and added to the shell and every page's document.
        const family = String(options.family ?? '');
        const face = new FontFace(family, String(options.source ?? ''), (options.desc ?? {}) as FontFaceDescriptors);
        try {
          await face.load();
        } catch (error) {
          throw { error: 3, errorMessage: `字体 ${family} 加载失败: ${String(error)}` } satisfies Failure;
        }
        document.fonts.add(face);
        for (const view of this.views.values()) view.doc?.fonts.add(face);
        return { status: 'loaded' };
      }
      case 'setClipboard':
        this.clipboard = String(options.text ?? '');
        return {};
      case 'getClipboard':
        return { text: this.clipboard };
      case 'shareAppMessage': {
        const share = (options.share ?? {}) as { title?: string; desc?: string; path?: string };
        await this.dialog({
          title: '分享（模拟）',
          content: `${share.title ?? ''}\n${share.desc ?? ''}\n${share.path ?? ''}`,
          buttons: [{ text: '关闭' }],
        });
        return {};
      }
      default:
        this.unsupported(`my.${name}`);
        throw { error: 3, errorMessage: `my.${name} is not supported by the simulator` } satisfies Failure;
    }
  }

  // ---- side panel ----

  private statsSnapshot() {
    const pages = [...this.views.values()].map((view) => ({ pageId: view.pageId, route: view.route, ...view.stats }));
    const totals = pages.reduce(
      (sum, page) => ({
        calls: sum.calls + page.calls,
        bytes: sum.bytes + page.bytes,
        transfers: sum.transfers + page.transfers,
      }),
      {
        calls: 0,
        bytes: 0,
        transfers: 0,
      },
    );
    return { pages, totals, stack: this.stack.map((id) => this.views.get(id)?.route ?? id) };
  }

  private allTimeStats = new Map<string, { route: string; calls: number; bytes: number; transfers: number }>();

  private renderStats(): void {
    for (const view of this.views.values()) this.allTimeStats.set(view.pageId, { route: view.route, ...view.stats });
    this.statsBody.innerHTML = '';
    for (const [pageId, stats] of this.allTimeStats) {
      const alive = this.views.has(pageId);
      const row = el(
        'tr',
        {},
        el('td', { textContent: `${stats.route}${alive ? '' : '（已关闭）'}` }),
        el('td', { className: 'num', textContent: String(stats.calls) }),
        el('td', { className: 'num', textContent: String(stats.transfers) }),
        el('td', { className: 'num', textContent: formatBytes(stats.bytes) }),
      );
      this.statsBody.appendChild(row);
    }
  }

  private panelInputs: Record<string, HTMLInputElement | HTMLSelectElement> = {};

  private renderPanelState(): void {
    const inputs = this.panelInputs;
    if (!inputs.user) return;
    (inputs.user as HTMLInputElement).value = this.settings.authUser;
    (inputs.offline as HTMLInputElement).checked = this.settings.offline;
    (inputs.mobile as HTMLInputElement).value = this.settings.mobile;
    const city = HOT_CITIES.find((option) => option.adCode === this.settings.location.cityAdcode);
    (inputs.city as HTMLSelectElement).value = city?.adCode ?? '';
    const mockInfo = this.panel.querySelector('.sim-mock-url');
    if (mockInfo) mockInfo.textContent = `${this.config.mockUrl}（app 构建时指向 ${this.config.appApiBase}）`;
  }

  private buildPanel(): HTMLElement {
    const panel = el('div', { className: 'sim-panel' });
    panel.appendChild(el('h2', { textContent: '支付宝小程序模拟器' }));
    panel.appendChild(
      el(
        'div',
        { className: 'sim-row' },
        el('label', { textContent: '后端' }),
        el('span', { className: 'sim-mock-url' }),
      ),
    );

    panel.appendChild(el('h3', { textContent: '设备' }));
    const offline = el('input', { type: 'checkbox', id: 'sim-offline' });
    offline.addEventListener('change', () => this.updateSettings({ offline: offline.checked }));
    panel.appendChild(
      el(
        'div',
        { className: 'sim-row' },
        el('label', { htmlFor: 'sim-offline', textContent: '离线' }),
        offline,
        el('span', { className: 'muted', textContent: '请求失败（错误 12），触发 onNetworkStatusChange' }),
      ),
    );
    const user = el('input', { type: 'text', id: 'sim-user' });
    user.addEventListener('change', () => this.updateSettings({ authUser: user.value.trim() || 'sim' }));
    panel.appendChild(
      el('div', { className: 'sim-row' }, el('label', { htmlFor: 'sim-user', textContent: '支付宝用户' }), user),
    );
    const mobile = el('input', { type: 'text', id: 'sim-mobile' });
    mobile.addEventListener('change', () => this.updateSettings({ mobile: mobile.value.trim() }));
    panel.appendChild(
      el('div', { className: 'sim-row' }, el('label', { htmlFor: 'sim-mobile', textContent: '手机号' }), mobile),
    );
    const city = el('select', { id: 'sim-city' });
    for (const option of HOT_CITIES) city.appendChild(el('option', { value: option.adCode, textContent: option.city }));
    city.addEventListener('change', () => {
      const chosen = HOT_CITIES.find((option) => option.adCode === city.value) ?? HOT_CITIES[0];
      this.updateSettings({
        location: {
          longitude: chosen.longitude,
          latitude: chosen.latitude,
          city: `${chosen.city}市`,
          cityAdcode: chosen.adCode,
          province: chosen.province,
          district: '',
        },
      });
    });
    panel.appendChild(
      el('div', { className: 'sim-row' }, el('label', { htmlFor: 'sim-city', textContent: '定位' }), city),
    );
    this.panelInputs = { user, offline, mobile, city };

    panel.appendChild(el('h3', { textContent: '页面' }));
    const refresh = el('button', { className: 'sim-btn-panel', textContent: '下拉刷新' });
    refresh.addEventListener('click', () => {
      if (!this.pullDownRefresh('manual')) this.toast('此页未开启 pullRefresh', 'none', 1500);
    });
    const share = el('button', { className: 'sim-btn-panel', textContent: '分享' });
    share.addEventListener('click', () => {
      const top = this.topView();
      if (top) this.send({ t: 'page:hook', pageId: top.pageId, name: 'onShareAppMessage', arg: { from: 'menu' } });
    });
    const hide = el('button', { className: 'sim-btn-panel', textContent: '切到后台' });
    hide.addEventListener('click', () => {
      // The page hides with the app, and the runtime model stops its cameras (<camera onStop>).
      this.send({ t: 'app:hook', name: 'onHide' });
    });
    const show = el('button', { className: 'sim-btn-panel', textContent: '回到前台' });
    show.addEventListener('click', () => this.send({ t: 'app:hook', name: 'onShow' }));
    const restart = el('button', { className: 'sim-btn-panel', textContent: '重启' });
    restart.addEventListener('click', () => this.relaunch(false));
    const fresh = el('button', { className: 'sim-btn-panel', textContent: '清缓存重启' });
    fresh.addEventListener('click', () => this.relaunch(true));
    panel.appendChild(el('div', { className: 'sim-row' }, refresh, share, hide, show, restart, fresh));

    panel.appendChild(el('h3', { textContent: 'Mock 故障（/__admin/faults）' }));
    const faults = el('div', { className: 'sim-row' });
    for (const [label, body] of [
      ['正常', { errorRate: 0, latencyMs: 0 }],
      ['慢 (800ms)', { latencyMs: 800 }],
      ['错误率 50%', { errorRate: 0.5 }],
      ['全部失败', { errorRate: 1 }],
    ] as Array<[string, Record<string, number>]>) {
      const button = el('button', { className: 'sim-btn-panel', textContent: label });
      button.addEventListener('click', () => {
        void fetch(`${this.config.mockUrl}/__admin/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
          .then((response) => this.toast(response.ok ? `Mock：${label}` : `设置失败 ${response.status}`, 'none', 1200))
          .catch(() => this.toast('Mock 不可达', 'fail', 1200));
      });
      faults.appendChild(button);
    }
    panel.appendChild(faults);

    panel.appendChild(el('h3', { textContent: 'setData（每页：次数 / 传输 / 字节）' }));
    panel.appendChild(
      el(
        'table',
        { className: 'sim-stats' },
        el('thead', {
          innerHTML:
            '<tr><th>页面</th><th class="num">次数</th><th class="num">传输</th><th class="num">字节</th></tr>',
        }),
        this.statsBody,
      ),
    );
    panel.appendChild(el('h3', { textContent: '错误与不支持' }));
    panel.appendChild(this.log);
    return panel;
  }

  // ---- automation (tests, benchmark) ----

  private exposeAutomation(): void {
    (window as unknown as { __sim: unknown }).__sim = {
      ready: () => this.ready,
      stats: () => this.statsSnapshot(),
      route: () => this.topView()?.route ?? null,
      stack: () => this.stack.map((id) => this.views.get(id)?.route ?? id),
      errors: () => [...this.errors],
      unsupported: () => [...this.unsupportedList],
      setOffline: (offline: boolean) => this.updateSettings({ offline }),
      setAuthUser: (authUser: string) => this.updateSettings({ authUser }),
      pullDownRefresh: () => this.pullDownRefresh('manual'),
      relaunch: (clearStorage = false) => this.relaunch(clearStorage),
      navigateBack: () => this.send({ t: 'navigate', api: 'navigateBack', delta: 1, from: 'user' }),
      switchTab: (route: string) =>
        this.send({ t: 'navigate', api: 'switchTab', url: `/${normalize(route)}`, from: 'user' }),
      topPageId: () => this.stack[this.stack.length - 1] ?? null,
      /** my.setKeepScreenOn as last set. */
      keepScreenOn: () => this.keepScreenOn,
      /** The rtc plugin's call: what arrived (frames, audio bytes), and a network drop. */
      rtcStats: () => rtcFlexHost.stats(),
      rtcDrop: () => rtcFlexHost.drop(),
    };
  }
}
