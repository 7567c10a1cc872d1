/**
 * Messages between the logic layer (a Web Worker running dist/ JS) and the main thread (shell + view).
 * Everything crosses as structured-clone data, like the platform's JSON bridge: no functions, no shared objects.
 */

export interface PageConfig {
  defaultTitle?: string;
  pullRefresh?: boolean;
  allowsBounceVertical?: string;
  titleBarColor?: string;
  backgroundColor?: string;
  transparentTitle?: string;
  onReachBottomDistance?: number;
  usingComponents?: Record<string, string>;
  [key: string]: unknown;
}

export interface AppConfig {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  window?: PageConfig;
  tabBar?: {
    textColor?: string;
    selectedColor?: string;
    backgroundColor?: string;
    items: Array<{ pagePath: string; name?: string; text?: string; icon?: string; activeIcon?: string }>;
  };
}

import type { UpdateOp } from '../../runtime/core/view-state';

export type { UpdateOp };

/** Settings the shell's side panel controls. */
export interface SimSettings {
  /** getAuthCode returns `u_<authUser>.<random>`. */
  authUser: string;
  offline: boolean;
  location: {
    longitude: number;
    latitude: number;
    city: string;
    cityAdcode: string;
    province: string;
    district: string;
  };
}

export interface LaunchConfig {
  /** Where the app sends requests as built (API_BASE_URL); rewritten to mockUrl. */
  appApiBase: string;
  mockUrl: string;
  settings: SimSettings;
  /** localStorage content of this app, key → JSON text. */
  storage: Record<string, string>;
  systemInfo: Record<string, unknown>;
  launch: { path?: string; query: Record<string, string> };
  /** Origin of the simulator server (for dist files and samples). */
  origin: string;
}

export type LogicToMain =
  | { t: 'app:config'; app: AppConfig }
  | {
      t: 'page:create';
      pageId: string;
      route: string;
      query: Record<string, string>;
      config: PageConfig;
      data: Record<string, unknown>;
    }
  | { t: 'page:destroy'; pageId: string }
  | {
      t: 'stack';
      pages: Array<{ pageId: string; route: string }>;
      how: 'launch' | 'push' | 'pop' | 'redirect' | 'tab' | 'relaunch';
    }
  | {
      t: 'update';
      pageId: string;
      viewId: string;
      ops: UpdateOp[];
      /** setData / $spliceData calls merged in this transfer (more than one inside $batchedUpdates). */
      calls: number;
      bytes: number;
      transfer: number;
      /** Ask for a `rendered` answer (a setData callback waits for it). */
      ack: boolean;
    }
  | {
      t: 'component:ready';
      pageId: string;
      viewId: string;
      /** Default props, functions as `true` (the view merges attributes over them). */
      defaults: Record<string, unknown>;
      data: Record<string, unknown>;
      /** usingComponents of the component's json, resolved. */
      components: Record<string, string>;
    }
  | { t: 'component:error'; pageId: string; viewId: string; message: string }
  | { t: 'api'; id: number; name: string; options: Record<string, unknown> }
  | { t: 'query'; id: number; pageId: string; ops: SelectorOp[] }
  | { t: 'observer:observe'; id: number; pageId: string; spec: ObserverSpec }
  | { t: 'observer:disconnect'; id: number; pageId: string }
  | { t: 'storage'; op: 'set' | 'remove' | 'clear'; key?: string; value?: string }
  | { t: 'unsupported'; what: string }
  | { t: 'error'; message: string }
  | { t: 'log'; level: 'log' | 'info' | 'warn' | 'error'; args: string[] };

export type MainToLogic =
  | { t: 'init'; config: LaunchConfig }
  | { t: 'view:ready'; pageId: string }
  | { t: 'rendered'; transfers: number[] }
  | { t: 'event'; pageId: string; owner: string; handler: string; event: Record<string, unknown> }
  | {
      t: 'component:create';
      pageId: string;
      viewId: string;
      path: string;
      props: Record<string, unknown>;
      owner: string;
      ref?: string;
    }
  | { t: 'component:update'; pageId: string; viewId: string; props: Record<string, unknown> }
  | { t: 'component:mounted'; pageId: string; viewIds: string[] }
  | { t: 'component:destroy'; pageId: string; viewIds: string[] }
  | { t: 'page:hook'; pageId: string; name: string; arg?: unknown }
  | {
      t: 'navigate';
      api: 'navigateBack' | 'switchTab' | 'reLaunch' | 'navigateTo' | 'redirectTo';
      url?: string;
      delta?: number;
      from?: 'user';
    }
  | { t: 'app:hook'; name: 'onShow' | 'onHide' }
  | { t: 'api:result'; id: number; ok: boolean; value: unknown }
  | { t: 'query:result'; id: number; results: unknown[] }
  | { t: 'observer:entry'; id: number; entry: Record<string, unknown> }
  | { t: 'settings'; settings: Partial<SimSettings> };

/** createIntersectionObserver (/mini/api/intersectionobserver): what to watch, relative to what. */
export interface ObserverSpec {
  target: string;
  selectAll: boolean;
  thresholds: number[];
  initialRatio: number;
  /** A selector, or null for the viewport. */
  relativeTo: string | null;
  margins: { top?: number; right?: number; bottom?: number; left?: number };
}

export interface SelectorOp {
  /** `select`, `selectAll`, `selectViewport`. */
  kind: 'select' | 'selectAll' | 'selectViewport';
  selector?: string;
  /** `boundingClientRect`, `scrollOffset`, `fields`. */
  measure: 'boundingClientRect' | 'scrollOffset' | 'fields';
  fields?: Record<string, unknown>;
}
