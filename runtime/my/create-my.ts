/**
 * The one `my` of the runtime model, built from the parts an environment injects (parts.ts). The browser
 * simulator (simulator/browser/my-env.ts) and the jest harness (runtime/harness/fake-my.ts) are thin
 * adapters over it: a platform rule of `my` lives here, once.
 */
import { ERROR, fail, plainOptions, type Invoke } from '../core/invoke';
import type { MyParts } from './parts';
import { createCameras } from './camera';
import { createTransfers, type RequestRecord, type UploadRecord } from './request';
import { createSockets } from './sockets';
import { createStorage } from './storage';

export type NetworkType = 'UNKNOWN' | 'NOTREACHABLE' | 'WIFI' | '3G' | '2G' | '4G' | 'WWAN';
type Options = Record<string, unknown>;
type Listener = (arg: unknown) => void;

/** APIs that show something or ask the person: answered by the environment's `ui` part. */
export const UI_APIS = [
  'showToast',
  'hideToast',
  'showLoading',
  'hideLoading',
  'alert',
  'confirm',
  'prompt',
  'showActionSheet',
  'chooseCity',
  'chooseImage',
  'previewImage',
  'getPhoneNumber',
  'setNavigationBar',
  'stopPullDownRefresh',
  'startPullDownRefresh',
  'pageScrollTo',
  'setClipboard',
  'getClipboard',
  'makePhoneCall',
  'openLocation',
  'setTabBarBadge',
  'removeTabBarBadge',
  'showTabBarRedDot',
  'hideTabBarRedDot',
  'setCanPullDown',
  'loadFontFace',
  'openDocument',
] as const;
export type UiApi = (typeof UI_APIS)[number];

/** my.canIUse over the APIs an environment ends up with (the core's plus the adapter's own). */
export function canIUseIn(apis: Record<string, unknown>) {
  return (name: unknown): boolean => {
    if (typeof name !== 'string') return false;
    if (name === 'component2' || name.startsWith('page.') || name.startsWith('component.')) return true;
    return Object.prototype.hasOwnProperty.call(apis, name.split('.')[0]);
  };
}

export interface MyObservers {
  request?(record: RequestRecord): void;
  upload?(record: UploadRecord): void;
  authCode?(record: { scopes: string[]; authCode?: string; failure?: { error: number; errorMessage: string } }): void;
}

export interface MyCore {
  apis: Record<string, unknown>;
  network: {
    readonly type: NetworkType;
    readonly online: boolean;
    readonly listenerCount: number;
    /** Changes the network and tells listeners (synchronously); NOTREACHABLE also drops every socket. */
    set(type: NetworkType): void;
  };
  storage: ReturnType<typeof createStorage>['control'];
  sockets: ReturnType<typeof createSockets>['control'];
  camera: ReturnType<typeof createCameras>['control'];
  /** my.setKeepScreenOn's current state. */
  readonly keepScreenOn: boolean;
  /** Tells my.onComponentError listeners that a component's code threw (`method`: the hook or method). */
  componentError(error: unknown, method: string, component: unknown): void;
  /** Ends running requests and uploads without callbacks, and drops sockets. */
  abortAll(): void;
}

export function createMyCore(
  parts: MyParts,
  options: { networkType?: NetworkType; observe?: MyObservers } = {},
): MyCore {
  const invoke: Invoke = parts.invoke;
  let networkType: NetworkType = options.networkType ?? 'WIFI';
  const online = () => networkType !== 'NOTREACHABLE';
  const networkListeners = new Set<Listener>();
  const transfers = createTransfers(parts, online, options.observe);
  const storage = createStorage(parts, invoke);
  const sockets = createSockets(parts, invoke, online);
  const cameras = createCameras(parts);
  let keepScreenOn = false;
  const componentErrorListeners = new Set<(error: unknown, method: string, component: unknown) => void>();

  const setNetwork = (type: NetworkType) => {
    const wasOnline = online();
    networkType = type;
    if (wasOnline && !online()) sockets.control.dropAll('offline');
    const status = { isConnected: online(), networkType: type };
    for (const listener of [...networkListeners])
      try {
        listener(status);
      } catch (error) {
        parts.report('onNetworkStatusChange listener', error);
      }
  };

  /** The environment is asked at once (a toast shows when called); the answer reaches the app later. */
  const ui =
    (name: UiApi) =>
    (o: Options = {}) => {
      let answer: Promise<unknown>;
      try {
        answer = Promise.resolve(parts.ui(name, plainOptions(o)));
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer.catch(() => undefined);
      return invoke(name, o, () => answer);
    };
  const ok =
    (name: string, then?: (o: Options) => void) =>
    (o: Options = {}) =>
      invoke(name, o, () => {
        then?.(o);
        return { success: true };
      });

  const apis: Record<string, unknown> = {
    SDKVersion: '2.9.0',
    request: transfers.request,
    httpRequest: transfers.request,
    uploadFile: transfers.uploadFile,
    ...storage.apis,
    ...sockets.apis,
    createCameraContext: cameras.createCameraContext,

    getNetworkType: (o: Options = {}) =>
      invoke('getNetworkType', o, () => ({ networkAvailable: online(), networkType })),
    onNetworkStatusChange: (listener: unknown) => {
      if (typeof listener === 'function') networkListeners.add(listener as Listener);
    },
    offNetworkStatusChange: (listener?: unknown) => {
      if (typeof listener === 'function') networkListeners.delete(listener as Listener);
      else networkListeners.clear();
    },

    getSystemInfoSync: () => ({ ...parts.systemInfo() }),
    getSystemInfo: (o: Options = {}) => invoke('getSystemInfo', o, () => ({ ...parts.systemInfo() })),
    getWindowInfo: (o: Options = {}) => invoke('getWindowInfo', o, () => ({ ...parts.systemInfo() })),
    onComponentError: (listener: unknown) => {
      if (typeof listener === 'function') componentErrorListeners.add(listener as never);
    },
    offComponentError: (listener?: unknown) => {
      if (typeof listener === 'function') componentErrorListeners.delete(listener as never);
      else componentErrorListeners.clear();
    },
    getServerTime: (o: Options = {}) => invoke('getServerTime', o, () => ({ time: parts.now() })),
    setKeepScreenOn: ok('setKeepScreenOn', (o) => {
      keepScreenOn = Boolean(o.keepScreenOn);
    }),
    hideKeyboard: ok('hideKeyboard'),
    vibrateShort: ok('vibrateShort'),
    vibrateLong: ok('vibrateLong'),
    reportAnalytics: () => undefined,
    getSetting: (o: Options = {}) =>
      invoke('getSetting', o, () => ({
        authSetting: { location: true, camera: true, album: true, userInfo: true, phoneNumber: true },
      })),
    openSetting: (o: Options = {}) => invoke('openSetting', o, () => ({ authSetting: {} })),

    getAuthCode: (o: Options = {}) => {
      const scopes = (o.scopes === undefined ? ['auth_base'] : Array.isArray(o.scopes) ? o.scopes : [o.scopes]).map(
        String,
      );
      const record: { scopes: string[]; authCode?: string; failure?: { error: number; errorMessage: string } } = {
        scopes,
      };
      options.observe?.authCode?.(record);
      return invoke('getAuthCode', o, async () => {
        try {
          // auth_base is silent; any other scope shows a consent sheet first.
          if (!scopes.every((scope) => scope === 'auth_base')) await parts.ui('authorize', { scopes });
          record.authCode = parts.authCode(scopes);
        } catch (error) {
          record.failure = (error as { failure?: { error: number; errorMessage: string } }).failure;
          throw error;
        }
        return { authCode: record.authCode, authErrorScopes: {}, authSuccessScopes: scopes };
      });
    },
    requestSubscribeMessage: (o: Options = {}) =>
      invoke('requestSubscribeMessage', o, () => {
        const ids = (o.entityIds ?? o.tmplIds) as unknown;
        if (!Array.isArray(ids) || ids.length === 0) fail(ERROR.invalidParams, 'entityIds is required');
        if ((ids as unknown[]).length > 3) fail(ERROR.invalidParams, 'at most 3 templates a call');
        return parts.ui('requestSubscribeMessage', plainOptions(o));
      }),
    /**
     * The generic bridge, `my.call(api, params, callback)`. Modelled: `startBizService` with `open-certify`
     * (Alipay's face verification for alipay.user.certify.open.*): the person does the face check (the
     * environment's `startBizService` answer) and the callback gets `{ resultStatus }` — '9000' done, '6001'
     * backed out, '6002' network. Anything else fails with error 1 (not available).
     */
    call: (api: unknown, params: unknown, callback?: unknown) => {
      const options = (params && typeof params === 'object' ? params : {}) as Options;
      const done = typeof callback === 'function' ? (callback as (result: unknown) => void) : undefined;
      return invoke('call', { success: done, fail: done }, () => {
        if (api !== 'startBizService' || options.name !== 'open-certify') fail(1, `my.call('${String(api)}') 不可用`);
        let param: unknown;
        try {
          param = JSON.parse(String(options.param ?? ''));
        } catch {
          fail(ERROR.invalidParams, 'param 应为 JSON 字符串（certifyId, url）');
        }
        const { certifyId, url } = (param ?? {}) as { certifyId?: unknown; url?: unknown };
        if (typeof certifyId !== 'string' || typeof url !== 'string')
          fail(ERROR.invalidParams, '缺少 certifyId 或 url');
        return parts.ui('startBizService', { name: 'open-certify', certifyId, url });
      });
    },
    getLocation: (o: Options = {}) =>
      invoke('getLocation', o, () => {
        const location = parts.location();
        if ('error' in location) fail(location.error, location.errorMessage);
        const { longitude, latitude, accuracy = 65, ...rest } = location as Exclude<typeof location, { error: number }>;
        return {
          longitude: String(longitude),
          latitude: String(latitude),
          accuracy: String(accuracy),
          horizontalAccuracy: String(accuracy),
          country: '中国',
          countryCode: '156',
          ...rest,
        };
      }),
  };
  for (const name of UI_APIS) apis[name] = ui(name);
  const showPlace = apis.openLocation as (o: Options) => Promise<unknown>;
  // A position that is not a number fails with 2 before any map opens.
  apis.openLocation = (o: Options = {}) =>
    Number.isFinite(Number(o.latitude)) && Number.isFinite(Number(o.longitude))
      ? showPlace(o)
      : invoke('openLocation', o, () => fail(ERROR.invalidParams, '参数错误'));

  return {
    apis,
    network: {
      get type() {
        return networkType;
      },
      get online() {
        return online();
      },
      get listenerCount() {
        return networkListeners.size;
      },
      set: setNetwork,
    },
    storage: storage.control,
    sockets: sockets.control,
    camera: cameras.control,
    get keepScreenOn() {
      return keepScreenOn;
    },
    componentError: (error, method, component) => {
      for (const listener of [...componentErrorListeners])
        try {
          listener(error, method, component);
        } catch (inner) {
          parts.report('my.onComponentError listener', inner);
        }
    },
    abortAll: () => {
      transfers.abortAll();
      cameras.control.abortAll();
      sockets.control.dropAll('disposed');
    },
  };
}
