/**
 * The browser's half of `my` for the logic worker: network through fetch and WebSocket, storage mirrored to
 * the main thread's localStorage, and everything with a screen (toast, dialogs, pickers, consent sheets)
 * asked of the shell. Shapes and error codes follow opendocs.alipay.com:
 * - my.request (/mini/api/owycmh): HTTP ≥ 400 → fail `{ error: 19, status, data, headers }`, no network 12,
 *   timeout 13 (default 30 s, at most 60 s), abort 9, bad JSON 14
 * - storage (/mini/api/eocm6v): ≤ 200 KB a key (error 14), ≤ 10 MB in all (error 12)
 * - getAuthCode: `auth_base` silent; other scopes show a consent sheet; a refused one fails with 11
 * - chooseCity: cancel fails with 11
 */
import { byteLength, invokeApi, MyError, type LogicRuntime, type MyApis, type MyFailure } from '../core/logic-runtime';
import type { SimSettings } from '../core/protocol';

export const STORAGE_KEY_LIMIT = 200 * 1024;
export const STORAGE_TOTAL_LIMIT = 10 * 1024 * 1024;
const REQUEST_DEFAULT_TIMEOUT = 30_000;
const REQUEST_MAX_TIMEOUT = 60_000;
const UPLOAD_DEFAULT_TIMEOUT = 60_000;

type Options = Record<string, unknown>;
type Listener = (arg: unknown) => void;

function fail(error: number, errorMessage: string, extra: Record<string, unknown> = {}): never {
  throw new MyError({ error, errorMessage, ...extra });
}

function formEncode(data: Record<string, unknown>): string {
  return Object.keys(data)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(data[key]))}`)
    .join('&');
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

function arrayBufferToBase64(buffer: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createBrowserMy(runtime: LogicRuntime): MyApis {
  const config = runtime.config;
  if (!config) throw new Error('my needs the launch config');
  const report = (what: string, error: unknown) => runtime.reportError(`my.${what}`, error);
  const call = <R>(options: unknown, run: () => R | Promise<R>) => invokeApi(options, run, report);
  const settings = (): SimSettings => (runtime.config ?? config).settings;
  const online = () => !settings().offline;

  /** The app's requests go to the API base it was built with; the simulator sends them to its mock. */
  const rewrite = (url: string): string => {
    const base = config.appApiBase.replace(/\/$/, '');
    const target = config.mockUrl.replace(/\/$/, '');
    if (url.startsWith(base)) return target + url.slice(base.length);
    const wsBase = base.replace(/^http/, 'ws');
    if (url.startsWith(wsBase)) return target.replace(/^http/, 'ws') + url.slice(wsBase.length);
    return url;
  };

  // ---- storage: a mirror of localStorage (the worker has none); writes go to the main thread ----
  const storage = new Map<string, string>(Object.entries(config.storage));
  const storageBytes = (except?: string) => {
    let total = 0;
    for (const [key, value] of storage) if (key !== except) total += byteLength(value);
    return total;
  };
  const writeStorage = (key: unknown, data: unknown, missingCode: number): MyFailure | null => {
    if (typeof key !== 'string' || key === '') return { error: missingCode, errorMessage: '必填参数为空' };
    if (data === undefined) return { error: missingCode, errorMessage: '必填参数为空' };
    const text = JSON.stringify(data);
    if (text === undefined) return { error: 11, errorMessage: 'invalid params' };
    if (byteLength(text) > STORAGE_KEY_LIMIT) return { error: 14, errorMessage: 'data长度超限' };
    if (storageBytes(key) + byteLength(text) > STORAGE_TOTAL_LIMIT)
      return { error: 12, errorMessage: '存储总大小达到上限' };
    storage.set(key, text);
    runtime.post({ t: 'storage', op: 'set', key, value: text });
    return null;
  };
  const readStorage = (key: unknown): unknown => {
    const text = typeof key === 'string' ? storage.get(key) : undefined;
    if (text === undefined) return null;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  const removeStorage = (key: unknown) => {
    if (typeof key !== 'string') return;
    storage.delete(key);
    runtime.post({ t: 'storage', op: 'remove', key });
  };
  const clearStorage = () => {
    storage.clear();
    runtime.post({ t: 'storage', op: 'clear' });
  };

  // ---- network status ----
  const networkListeners = new Set<Listener>();
  const sockets = new Set<{ drop: () => void }>();
  let lastOffline = settings().offline;
  const networkStatus = () => ({
    isConnected: online(),
    networkType: online() ? 'WIFI' : 'NOTREACHABLE',
    networkAvailable: online(),
  });
  const settingsChanged = (changed: Partial<SimSettings>) => {
    if (changed.offline === undefined || changed.offline === lastOffline) return;
    lastOffline = changed.offline;
    if (changed.offline) for (const socket of [...sockets]) socket.drop();
    const status = { isConnected: !changed.offline, networkType: changed.offline ? 'NOTREACHABLE' : 'WIFI' };
    for (const listener of [...networkListeners])
      runtime.guard('onNetworkStatusChange listener', () => listener(status));
  };

  // ---- request ----
  const request = (options: Options = {}) => {
    const controller = new AbortController();
    let ended: 'timeout' | 'abort' | null = null;
    let delivered = false;
    const run = async () => {
      const method = String(options.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...((options.headers ?? options.header ?? {}) as Record<string, string>),
      };
      for (const [key, value] of Object.entries(headers))
        if (typeof value !== 'string') fail(2, `header ${key} must be a string`);
      if (typeof options.url !== 'string' || !options.url) fail(2, 'url is required');
      let url = rewrite(options.url as string);
      let body: string | ArrayBuffer | undefined;
      const data = options.data;
      if (data !== undefined && data !== null) {
        const text =
          typeof data === 'string' || data instanceof ArrayBuffer
            ? data
            : (headerValue(headers, 'content-type') ?? '').includes('application/json') && method !== 'GET'
              ? JSON.stringify(data)
              : formEncode(data as Record<string, unknown>);
        if (method === 'GET' || method === 'HEAD') {
          if (typeof text === 'string' && text) url += (url.includes('?') ? '&' : '?') + text;
        } else body = text;
      }
      if (!online()) fail(12, '网络出错');
      const timeout = Math.min(
        Number(options.timeout ?? REQUEST_DEFAULT_TIMEOUT) || REQUEST_DEFAULT_TIMEOUT,
        REQUEST_MAX_TIMEOUT,
      );
      const timer = setTimeout(() => {
        ended = 'timeout';
        controller.abort();
      }, timeout);
      try {
        let response: Response;
        let raw: ArrayBuffer;
        try {
          response = await fetch(url, { method, headers, body, signal: controller.signal });
          raw = await response.arrayBuffer();
        } catch (error) {
          if (ended === 'timeout') return fail(13, '请求超时');
          if (ended === 'abort') return fail(9, 'request:fail abort');
          return fail(12, `网络出错: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!online()) fail(12, '网络出错');
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          responseHeaders[key] = value;
        });
        const text = new TextDecoder().decode(raw);
        const dataType = String(options.dataType ?? 'json').toLowerCase();
        let payload: unknown = text;
        let parseFailed = false;
        if (dataType === 'json' && text !== '') {
          try {
            payload = JSON.parse(text);
          } catch {
            parseFailed = true;
          }
        } else if (dataType === 'arraybuffer') payload = raw;
        else if (dataType === 'base64') payload = arrayBufferToBase64(raw);
        const answer = { data: payload, status: response.status, headers: responseHeaders };
        if (response.status >= 400) return fail(19, 'http status error', answer);
        if (parseFailed) return fail(14, 'JSON parse data error', answer);
        return { ...answer, statusCode: response.status, header: responseHeaders };
      } finally {
        clearTimeout(timer);
        delivered = true;
      }
    };
    const promise = call(options, run);
    const task = {
      abort: () => {
        if (!delivered && !ended) {
          ended = 'abort';
          controller.abort();
        }
      },
    };
    return Object.assign(promise, task);
  };

  // ---- files ----
  const fetchFile = async (path: string): Promise<Blob> => {
    const response = await fetch(path.startsWith('/') ? `${config.origin}${path}` : path);
    if (!response.ok) fail(4, `file ${path} not found`);
    return response.blob();
  };

  const uploadFile = (options: Options = {}) =>
    call(options, async () => {
      if (typeof options.url !== 'string' || typeof options.filePath !== 'string')
        fail(2, 'url and filePath are required');
      if (!online()) fail(12, '网络出错');
      const blob = await fetchFile(options.filePath as string);
      const form = new FormData();
      for (const [key, value] of Object.entries((options.formData ?? {}) as Record<string, unknown>))
        form.append(key, String(value));
      const fileName = String(options.filePath).split('/').pop() || 'file';
      form.append(String(options.fileName ?? 'file'), blob, fileName);
      const headers = { ...((options.header ?? options.headers ?? {}) as Record<string, string>) };
      for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-type') delete headers[key];
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), Number(options.timeout ?? UPLOAD_DEFAULT_TIMEOUT));
      try {
        const response = await fetch(rewrite(options.url as string), {
          method: 'POST',
          body: form,
          headers,
          signal: controller.signal,
        }).catch((error: unknown) => fail(controller.signal.aborted ? 13 : 12, `上传失败: ${String(error)}`));
        const text = await response.text();
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          responseHeaders[key] = value;
        });
        return { data: text, statusCode: response.status, header: responseHeaders };
      } finally {
        clearTimeout(timer);
      }
    });

  const downloadFile = (options: Options = {}) =>
    call(options, async () => {
      if (!online()) fail(12, '网络出错');
      const blob = await fetchFile(rewrite(String(options.url ?? '')));
      const apFilePath = URL.createObjectURL(blob);
      return { apFilePath, tempFilePath: apFilePath, filePath: apFilePath };
    });

  // ---- sockets ----
  type SocketHandlers = Record<'open' | 'message' | 'error' | 'close', Set<Listener>>;
  const globalHandlers: SocketHandlers = { open: new Set(), message: new Set(), error: new Set(), close: new Set() };
  let globalSocket: WebSocket | null = null;
  const openSocket = (url: string, handlers: SocketHandlers, protocols?: string[]) => {
    if (!online()) fail(12, '网络出错');
    const socket = new WebSocket(rewrite(url), protocols);
    socket.binaryType = 'arraybuffer';
    const fire = (kind: keyof SocketHandlers, arg: unknown) => {
      for (const handler of [...handlers[kind]]) runtime.guard(`socket ${kind} handler`, () => handler(arg));
    };
    const entry = {
      drop: () => {
        // Going offline: the connection is gone, as on a phone that lost its network.
        socket.onclose = null;
        socket.onerror = null;
        socket.onmessage = null;
        socket.close();
        sockets.delete(entry);
        fire('error', { error: 12, errorMessage: '网络断开' });
        fire('close', { code: 1006, reason: 'network lost' });
      },
    };
    sockets.add(entry);
    socket.onopen = () => fire('open', { header: {} });
    socket.onmessage = (event) => fire('message', { data: event.data, isBuffer: event.data instanceof ArrayBuffer });
    socket.onerror = () => fire('error', { error: 12, errorMessage: 'WebSocket error' });
    socket.onclose = (event) => {
      sockets.delete(entry);
      fire('close', { code: event.code, reason: event.reason });
    };
    return socket;
  };
  const sendOn = (socket: WebSocket | null, options: Options) => {
    if (!socket || socket.readyState !== WebSocket.OPEN) fail(10, 'socket is not open');
    (socket as WebSocket).send(options.data as string);
    return { success: true };
  };

  // ---- UI through the shell ----
  const ui =
    (name: string) =>
    (options: Options = {}) =>
      call(options, () => runtime.callMain(name, options));

  const apis: MyApis = {
    $settingsChanged: settingsChanged,
    SDKVersion: '2.9.0',
    getSystemInfoSync: () => ({ ...config.systemInfo }),
    getSystemInfo: (options: Options = {}) => call(options, () => ({ ...config.systemInfo })),
    getWindowInfo: (options: Options = {}) => call(options, () => ({ ...config.systemInfo })),
    getAccountInfoSync: () => ({ miniProgram: { appId: '2021000000000000', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({
      path: config.launch.path ?? '',
      query: config.launch.query,
      scene: 1001,
      referrerInfo: {},
    }),
    getEnterOptionsSync: () => ({
      path: config.launch.path ?? '',
      query: config.launch.query,
      scene: 1001,
      referrerInfo: {},
    }),
    request,
    httpRequest: request,
    uploadFile,
    downloadFile,

    getStorageSync: (options: Options = {}) => ({ data: readStorage(options.key) }),
    getStorage: (options: Options = {}) =>
      call(options, () => {
        if (typeof options.key !== 'string' || !options.key) fail(2, '必填参数为空');
        return { data: readStorage(options.key) };
      }),
    setStorageSync: (options: Options = {}) => {
      const failure = writeStorage(options.key, options.data, 11);
      return failure ? { success: false, ...failure } : { success: true };
    },
    setStorage: (options: Options = {}) =>
      call(options, () => {
        const failure = writeStorage(options.key, options.data, 2);
        if (failure) throw new MyError(failure);
        return { success: true };
      }),
    removeStorageSync: (options: Options = {}) => {
      removeStorage(options.key);
      return { success: true };
    },
    removeStorage: (options: Options = {}) => call(options, () => (removeStorage(options.key), { success: true })),
    clearStorageSync: () => (clearStorage(), { success: true }),
    clearStorage: (options: Options = {}) => call(options, () => (clearStorage(), { success: true })),
    getStorageInfoSync: () => ({
      keys: [...storage.keys()],
      currentSize: Math.ceil(storageBytes() / 1024),
      limitSize: STORAGE_TOTAL_LIMIT / 1024,
    }),
    getStorageInfo: (options: Options = {}) =>
      call(options, () => ({
        keys: [...storage.keys()],
        currentSize: Math.ceil(storageBytes() / 1024),
        limitSize: STORAGE_TOTAL_LIMIT / 1024,
      })),

    getNetworkType: (options: Options = {}) => call(options, () => networkStatus()),
    onNetworkStatusChange: (listener: unknown) => {
      if (typeof listener === 'function') networkListeners.add(listener as Listener);
    },
    offNetworkStatusChange: (listener?: unknown) => {
      if (typeof listener === 'function') networkListeners.delete(listener as Listener);
      else networkListeners.clear();
    },

    connectSocket: (options: Options = {}) => {
      if (options.multiple) {
        const handlers: SocketHandlers = { open: new Set(), message: new Set(), error: new Set(), close: new Set() };
        let socket: WebSocket | null = null;
        const task = {
          onOpen: (fn: Listener) => handlers.open.add(fn),
          offOpen: (fn?: Listener) => (fn ? handlers.open.delete(fn) : handlers.open.clear()),
          onMessage: (fn: Listener) => handlers.message.add(fn),
          offMessage: (fn?: Listener) => (fn ? handlers.message.delete(fn) : handlers.message.clear()),
          onError: (fn: Listener) => handlers.error.add(fn),
          offError: (fn?: Listener) => (fn ? handlers.error.delete(fn) : handlers.error.clear()),
          onClose: (fn: Listener) => handlers.close.add(fn),
          offClose: (fn?: Listener) => (fn ? handlers.close.delete(fn) : handlers.close.clear()),
          send: (o: Options = {}) => call(o, () => sendOn(socket, o)),
          close: (o: Options = {}) =>
            call(o, () => (socket?.close(Number(o.code ?? 1000), String(o.reason ?? '')), { success: true })),
        };
        void call(options, () => {
          socket = openSocket(String(options.url ?? ''), handlers, options.protocols as string[] | undefined);
          return { socketTaskId: 1 };
        });
        return task;
      }
      return call(options, () => {
        globalSocket?.close();
        globalSocket = openSocket(String(options.url ?? ''), globalHandlers, options.protocols as string[] | undefined);
        return { success: true };
      });
    },
    sendSocketMessage: (options: Options = {}) => call(options, () => sendOn(globalSocket, options)),
    closeSocket: (options: Options = {}) =>
      call(options, () => {
        globalSocket?.close();
        globalSocket = null;
        return { success: true };
      }),
    onSocketOpen: (fn: Listener) => globalHandlers.open.add(fn),
    offSocketOpen: (fn?: Listener) => (fn ? globalHandlers.open.delete(fn) : globalHandlers.open.clear()),
    onSocketMessage: (fn: Listener) => globalHandlers.message.add(fn),
    offSocketMessage: (fn?: Listener) => (fn ? globalHandlers.message.delete(fn) : globalHandlers.message.clear()),
    onSocketError: (fn: Listener) => globalHandlers.error.add(fn),
    offSocketError: (fn?: Listener) => (fn ? globalHandlers.error.delete(fn) : globalHandlers.error.clear()),
    onSocketClose: (fn: Listener) => globalHandlers.close.add(fn),
    offSocketClose: (fn?: Listener) => (fn ? globalHandlers.close.delete(fn) : globalHandlers.close.clear()),

    getAuthCode: (options: Options = {}) =>
      call(options, async () => {
        const scopes =
          options.scopes === undefined
            ? ['auth_base']
            : Array.isArray(options.scopes)
              ? options.scopes
              : [options.scopes];
        const silent = scopes.every((scope) => scope === 'auth_base');
        if (!silent) await runtime.callMain('authorize', { scopes });
        const random = Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
        return { authCode: `u_${settings().authUser}.${random}`, authErrorScopes: {}, authSuccessScopes: scopes };
      }),
    getPhoneNumber: ui('getPhoneNumber'),
    requestSubscribeMessage: (options: Options = {}) =>
      call(options, () => {
        const ids = (options.entityIds ?? options.tmplIds) as unknown;
        if (!Array.isArray(ids) || ids.length === 0) fail(2, 'entityIds is required');
        if ((ids as unknown[]).length > 3) fail(2, 'at most 3 templates a call');
        return runtime.callMain('requestSubscribeMessage', options);
      }),
    chooseCity: ui('chooseCity'),
    getLocation: (options: Options = {}) =>
      call(options, () => {
        const location = settings().location;
        return {
          longitude: String(location.longitude),
          latitude: String(location.latitude),
          accuracy: '65',
          horizontalAccuracy: '65',
          country: '中国',
          countryCode: '156',
          province: location.province,
          city: location.city,
          cityAdcode: location.cityAdcode,
          district: location.district,
        };
      }),
    chooseImage: ui('chooseImage'),
    previewImage: ui('previewImage'),
    getImageInfo: (options: Options = {}) =>
      call(options, async () => {
        const blob = await fetchFile(String(options.src ?? ''));
        const bitmap = await createImageBitmap(blob);
        return { width: bitmap.width, height: bitmap.height, path: options.src, type: blob.type.split('/')[1] ?? '' };
      }),

    showToast: ui('showToast'),
    hideToast: ui('hideToast'),
    showLoading: ui('showLoading'),
    hideLoading: ui('hideLoading'),
    alert: ui('alert'),
    confirm: ui('confirm'),
    prompt: ui('prompt'),
    setTabBarBadge: ui('setTabBarBadge'),
    removeTabBarBadge: ui('removeTabBarBadge'),
    showActionSheet: ui('showActionSheet'),
    setNavigationBar: ui('setNavigationBar'),
    stopPullDownRefresh: ui('stopPullDownRefresh'),
    startPullDownRefresh: ui('startPullDownRefresh'),
    pageScrollTo: ui('pageScrollTo'),
    makePhoneCall: ui('makePhoneCall'),
    hideKeyboard: (options: Options = {}) => call(options, () => ({ success: true })),
    vibrateShort: (options: Options = {}) => call(options, () => ({ success: true })),
    vibrateLong: (options: Options = {}) => call(options, () => ({ success: true })),
    reportAnalytics: () => undefined,
    setClipboard: ui('setClipboard'),
    getClipboard: ui('getClipboard'),
    getSetting: (options: Options = {}) =>
      call(options, () => ({
        authSetting: { location: true, camera: true, album: true, userInfo: true, phoneNumber: true },
      })),
    openSetting: (options: Options = {}) => call(options, () => ({ authSetting: {} })),
  };
  return apis;
}
