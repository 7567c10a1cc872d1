/**
 * A typed fake of Alipay's `my` for jest: real HTTP for `my.request`, in-memory storage with Alipay's limits,
 * and recorded UI / navigation calls. Shapes and error codes follow opendocs.alipay.com (AlipayDocs/open-docs).
 * Any `my.*` this fake does not implement throws an Error naming it, so a test never silently passes.
 */

import WebSocket from 'ws';

type My = typeof my;
type ApiName = keyof My;
/** The options object of a `my.*` API, as the real typings declare it. */
type OptionsOf<K extends ApiName> = My[K] extends (options: infer O, ...rest: never[]) => unknown
  ? NonNullable<O>
  : never;

/** What Alipay hands to `fail`: a numeric code, a message, sometimes more (my.request error 19 carries the response). */
export interface MyFailure {
  error: number;
  errorMessage: string;
  [extra: string]: unknown;
}

/** Thrown inside the fake (and by the runtime's router) to end an API call through `fail`. */
export class MyFailureError extends Error {
  constructor(readonly failure: MyFailure) {
    super(`${failure.error}: ${failure.errorMessage}`);
  }
}

/** my.request codes (/mini/api/owycmh). */
export const REQUEST_ERRORS = {
  pageLeft: 1,
  invalidParams: 2,
  abort: 9,
  network: 12,
  timeout: 13,
  decode: 14,
  httpStatus: 19,
} as const;

/** my.setStorage codes (/mini/api/eocm6v). */
export const STORAGE_ERRORS = { missingParam: 2, invalidParams: 11, totalFull: 12, keyTooLarge: 14 } as const;
export const STORAGE_KEY_LIMIT_BYTES = 200 * 1024;
export const STORAGE_TOTAL_LIMIT_BYTES = 10 * 1024 * 1024;
export const REQUEST_DEFAULT_TIMEOUT_MS = 30_000;
export const REQUEST_MAX_TIMEOUT_MS = 60_000;

export type NetworkType = 'UNKNOWN' | 'NOTREACHABLE' | 'WIFI' | '3G' | '2G' | '4G' | 'WWAN';

export type UiApi =
  | 'showToast'
  | 'hideToast'
  | 'showLoading'
  | 'hideLoading'
  | 'alert'
  | 'confirm'
  | 'showActionSheet'
  | 'stopPullDownRefresh'
  | 'prompt';
/** One UI call: `api` plus the options the app passed (callbacks left out), e.g. `{ api: 'showToast', content: '已投递', type: 'success' }`. */
export interface UiRecord {
  api: UiApi;
  [option: string]: unknown;
}

export type NavigationApi = 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch';
export interface NavigationRecord {
  api: NavigationApi;
  url?: string;
  delta?: number;
  /** Set when the navigation failed (not a page, a tab page through navigateTo, stack full…). */
  failure?: MyFailure;
}
export interface NavigationRequest {
  url?: string;
  delta?: number;
  events?: Record<string, (...args: unknown[]) => void>;
}
/** Installed by the runtime so navigation moves its page stack. Throw MyFailureError to fail the call. */
export type NavigationHandler = (api: NavigationApi, request: NavigationRequest) => { eventChannel?: unknown } | void;

export interface RequestRecord {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body as sent (my.request sends strings as they are). */
  body?: string;
  /** Filled when the call ends: the HTTP status, or the failure given to `fail`. */
  status?: number;
  failure?: MyFailure;
}

export interface AuthCodeRecord {
  scopes: string[];
  authCode?: string;
  failure?: MyFailure;
}

export interface CityAnswer {
  city: string;
  adCode: string;
  longitude?: number;
  latitude?: number;
}

export interface LocationAnswer {
  longitude: number;
  latitude: number;
  accuracy?: number;
  province?: string;
  city?: string;
  cityAdcode?: string;
  district?: string;
}

/** A local file the platform holds (what my.chooseImage hands out, what my.uploadFile reads). */
export interface FakeFile {
  /** Default `temp://file-<n>.image`, the shape phones give (the IDE gives `.png`). */
  path?: string;
  /** Content; a string is UTF-8. */
  bytes: Uint8Array | string;
  /** What my.getImageInfo reports as `type` (`jpeg`, `png`, `gif`…). Default `jpeg`. */
  imageType?: string;
}

/** One my.uploadFile: what was asked, and how it ended. */
export interface UploadRecord {
  url: string;
  /** The multipart field of the file. */
  name: string;
  filePath: string;
  formData: Record<string, string>;
  headers: Record<string, string>;
  /** Progress percentages delivered to onProgressUpdate listeners. */
  progress: number[];
  status?: number;
  failure?: MyFailure;
}

/**
 * How my.getPhoneNumber answers: a `response` as is, a mock backend URL to fetch one from (`POST <url>
 * { mobile }` answering `{ response }`, e.g. the mock's `/__admin/phone-payload`), or a failure.
 */
export type PhoneNumberAnswer = { response: string } | { payloadUrl: string; mobile: string } | MyFailure;

/** my.uploadFile codes (/mini/api/kmq4hc): 9 abort, 11 missing file or bad params, 12 failed or timed out. */
export const UPLOAD_ERRORS = { abort: 9, invalid: 11, failed: 12 } as const;

/** Counts codes across every fake in the process, so two fakes never hand out the same code. */
let codesIssued = 0;

export interface FakeMyOptions {
  /** Alipay user whose auth codes getAuthCode returns (`u_<user>.<n>`). Default `'test-user'`. */
  authUser?: string;
  /**
   * How an HTTP answer ≥ 400 reaches the app. `'fail19'` (default) is what Alipay documents: `fail` with
   * `{ error: 19, errorMessage: 'http status error', status, data, headers }`. `'success'` hands it to `success`
   * like a 2xx (WeChat's behaviour, and some older Alipay clients); use it to test that the app copes with both.
   */
  httpStatusErrors?: 'fail19' | 'success';
  /** Initial network. Default `'WIFI'`. `'NOTREACHABLE'` starts offline. */
  networkType?: NetworkType;
  /** Storage content to start with (values as my.getStorage returns them). Not counted against limits. */
  storage?: Record<string, unknown>;
  /** Overrides merged over the default 375-wide phone of getSystemInfoSync. */
  systemInfo?: Partial<ReturnType<My['getSystemInfoSync']>>;
}

/** The test's side of the fake: logs, answers, switches. Reached as `fakeMy.$fake`. */
export interface FakeMyControl {
  /** Every UI call in order (toast, loading, alert, confirm, action sheet, stopPullDownRefresh). */
  readonly ui: UiRecord[];
  /** Every navigation call in order, including failed ones. */
  readonly navigation: NavigationRecord[];
  /** Every my.request in order. */
  readonly requests: RequestRecord[];
  readonly requestCount: number;
  /** Every getAuthCode call in order. */
  readonly authCodes: AuthCodeRecord[];
  /** The last showToast, if any. */
  lastToast(): UiRecord | undefined;
  /** True between showLoading and hideLoading. */
  readonly loadingVisible: boolean;
  /** Calls of `my.*` still running (callbacks not yet delivered). */
  readonly pending: number;
  /** Problems found while running: a callback that threw, an internal error. The runtime reports them. */
  readonly problems: string[];

  /** Offline: every request fails with error 12, network becomes NOTREACHABLE and listeners fire. */
  setOffline(offline: boolean): void;
  /** Changes the network and fires onNetworkStatusChange listeners (synchronously). NOTREACHABLE = offline. */
  setNetworkType(type: NetworkType): void;
  readonly online: boolean;
  readonly networkListenerCount: number;

  setAuthUser(user: string): void;
  /** Make getAuthCode fail with this failure (default: user cancelled, error 11) until called with `null`. */
  failAuthCode(failure?: MyFailure | null): void;

  /** Answers for the next confirm calls, in order; when none is queued the answer is `true` (confirm). */
  answerConfirm(...answers: boolean[]): void;
  /** Answers (item index, -1 = cancel) for the next showActionSheet calls; none queued = -1 (cancel). */
  answerActionSheet(...indexes: number[]): void;
  /** Answer for chooseCity; `'cancel'` (the default) fails with error 11 as Alipay does. */
  answerChooseCity(answer: CityAnswer | 'cancel'): void;
  /** Position for getLocation, or a failure (e.g. `{ error: 2001, errorMessage: '用户拒绝给小程序授权' }`). */
  setLocation(answer: LocationAnswer | MyFailure): void;

  /** Registers a local file (as the album would) and returns its path, for answerChooseImage or uploadFile. */
  addFile(file: FakeFile): string;
  /** Answer for the next chooseImage calls: paths from addFile, `'cancel'` (the default: error 11) or a failure. */
  answerChooseImage(answer: string[] | 'cancel' | MyFailure): void;
  /** Every my.uploadFile in order (real multipart HTTP to the url). */
  readonly uploads: UploadRecord[];
  /** Answer for my.getPhoneNumber; none set fails with error 11 (the seeker did not authorize). */
  answerPhoneNumber(answer: PhoneNumberAnswer): void;
  /** How many times my.getPhoneNumber was called. */
  readonly phoneNumberCalls: number;
  /** The leave guard my.enableAlertBeforeUnload turns on (and disableAlertBeforeUnload off), with its message. */
  readonly alertBeforeUnload: { enabled: boolean; message?: string };
  /** Every enable/disableAlertBeforeUnload call in order. */
  readonly alertBeforeUnloadCalls: Array<{
    api: 'enableAlertBeforeUnload' | 'disableAlertBeforeUnload';
    message?: string;
  }>;

  /** Storage as the app would read it; `set` bypasses limits (for seeding). */
  readonly storage: {
    get(key: string): unknown;
    set(key: string, value: unknown): void;
    keys(): string[];
    /** Bytes counted against the 10 MB total. */
    bytes(): number;
    clear(): void;
  };

  /**
   * Sockets from `my.connectSocket({ multiple: true })` (real WebSockets through the `ws` package). Going
   * offline drops them all, as the simulator does. `dropAll` ends them as a lost network would (code 1006).
   */
  readonly sockets: { readonly open: number; readonly opened: number; dropAll(): void };
  /** The tab badges my.setTabBarBadge set (index → text); removeTabBarBadge deletes. */
  readonly tabBadges: Map<number, string>;
  /** Answers for the next my.prompt calls (null = cancel); none queued = cancel. */
  answerPrompt(...answers: Array<string | null>): void;

  /** Adds or replaces an API on this fake (a deliberate stub for something the fake lacks). */
  define<K extends ApiName>(name: K, implementation: My[K]): void;
  /** Routes navigation calls; the runtime installs one. Without it navigation just succeeds and is recorded. */
  setNavigationHandler(handler: NavigationHandler | null): void;
  /** Aborts every running request without delivering callbacks (used by runtime.dispose()). */
  abortAll(): void;
}

export type FakeMy = My & { readonly $fake: FakeMyControl };

/** Real timers, taken before any test can install jest's fake ones: request timeouts must run in real time. */
const realSetTimeout = setTimeout;
const realClearTimeout = clearTimeout;

const DEFAULT_SYSTEM_INFO = {
  app: 'alipay',
  brand: 'Apple',
  model: 'iPhone 13',
  platform: 'iOS',
  system: '16.0',
  version: '10.5.36',
  language: 'zh-Hans',
  pixelRatio: 3,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
  titleBarHeight: 44,
  fontSizeSetting: 16,
  currentBattery: '80%',
  storage: '128 GB',
  transparentTitle: false,
  isIphoneXSeries: true,
  screen: { width: 375, height: 812 },
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
  performance: 'high',
  albumAuthorized: true,
  cameraAuthorized: true,
  locationAuthorized: true,
  microphoneAuthorized: true,
  locationEnabled: true,
  wifiEnabled: true,
  bluetoothEnabled: false,
  bluetoothAuthorized: false,
  notificationAuthorized: true,
  notificationAlertAuthorized: true,
  notificationBadgeAuthorized: true,
  notificationSoundAuthorized: true,
  overlayAuthorized: false,
} as ReturnType<My['getSystemInfoSync']>;

/** Names jest, pretty-format and promise resolution probe on any object; they are not platform APIs. */
const PROBED_NAMES = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
]);

interface Callbacks<R> {
  success?: (result: R) => void;
  fail?: (failure: MyFailure) => void;
  complete?: (result: R | MyFailure) => void;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function stripFunctions(options: object | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options ?? {})) if (typeof value !== 'function') out[key] = value;
  return out;
}

function formEncode(data: Record<string, string>): string {
  return Object.entries(data)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

export function createFakeMy(options: FakeMyOptions = {}): FakeMy {
  const ui: UiRecord[] = [];
  const navigation: NavigationRecord[] = [];
  const requests: RequestRecord[] = [];
  const authCodes: AuthCodeRecord[] = [];
  const problems: string[] = [];
  const storage = new Map<string, string>();
  for (const [key, value] of Object.entries(options.storage ?? {})) storage.set(key, JSON.stringify(value));
  const networkListeners = new Set<(status: { isConnected: boolean; networkType: NetworkType }) => void>();
  const runningRequests = new Set<() => void>();
  const confirmAnswers: boolean[] = [];
  const actionSheetAnswers: number[] = [];
  const files = new Map<string, { bytes: Uint8Array; imageType: string }>();
  const uploads: UploadRecord[] = [];
  const alertBeforeUnloadCalls: FakeMyControl['alertBeforeUnloadCalls'] = [];
  const alertBeforeUnload: { enabled: boolean; message?: string } = { enabled: false };
  let chooseImageAnswer: string[] | 'cancel' | MyFailure = 'cancel';
  const sockets = new Set<{ drop: () => void }>();
  let socketsOpened = 0;
  const tabBadges = new Map<number, string>();
  const promptAnswers: Array<string | null> = [];
  let phoneNumberAnswer: PhoneNumberAnswer | null = null;
  let phoneNumberCalls = 0;
  let fileSeq = 0;

  let networkType: NetworkType = options.networkType ?? 'WIFI';
  let authUser = options.authUser ?? 'test-user';
  let authCodeSeq = 0;
  let authFailure: MyFailure | null = null;
  let cityAnswer: CityAnswer | 'cancel' = 'cancel';
  let location: LocationAnswer | MyFailure = {
    longitude: 120.15507,
    latitude: 30.274084,
    accuracy: 65,
    province: '浙江省',
    city: '杭州市',
    cityAdcode: '330100',
    district: '西湖区',
  };
  let loadingVisible = false;
  let pending = 0;
  let navigationHandler: NavigationHandler | null = null;
  const systemInfo = { ...DEFAULT_SYSTEM_INFO, ...options.systemInfo };

  const online = () => networkType !== 'NOTREACHABLE';

  function deliver<A>(api: string, name: string, callback: ((arg: A) => void) | undefined, arg: A): void {
    if (!callback) return;
    try {
      callback(arg);
    } catch (error) {
      problems.push(`my.${api} ${name} callback threw: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  /**
   * Runs an API the way the platform does: callbacks later (never inside the call), `complete` after
   * `success`/`fail`, and a promise as well. The promise is marked handled when callbacks are given, so
   * callback-style code does not produce unhandled rejections.
   */
  function invoke<R>(api: string, options: unknown, run: () => R | Promise<R>): Promise<R> {
    const callbacks = options as Callbacks<R> | undefined;
    pending++;
    const settled = Promise.resolve()
      .then(run)
      .then(
        (result) => {
          deliver(api, 'success', callbacks?.success, result);
          deliver(api, 'complete', callbacks?.complete, result);
          return result;
        },
        (error: unknown) => {
          let failure: MyFailure;
          if (error instanceof MyFailureError) failure = error.failure;
          else {
            problems.push(`fake my.${api} failed internally: ${error instanceof Error ? error.stack : String(error)}`);
            failure = { error: 3, errorMessage: `unknown error: ${String(error)}` };
          }
          deliver(api, 'fail', callbacks?.fail, failure);
          deliver(api, 'complete', callbacks?.complete, failure);
          throw failure;
        },
      )
      .finally(() => {
        pending--;
      });
    if (callbacks && (callbacks.success || callbacks.fail || callbacks.complete)) settled.catch(() => undefined);
    return settled;
  }

  const fail = (error: number, errorMessage: string, extra: Record<string, unknown> = {}): never => {
    throw new MyFailureError({ error, errorMessage, ...extra });
  };

  function recordUi(api: UiApi, options: object | undefined): void {
    ui.push({ api, ...stripFunctions(options) });
  }

  // ---- storage ----
  function storageBytes(except?: string): number {
    let total = 0;
    for (const [key, value] of storage) if (key !== except) total += byteLength(value);
    return total;
  }

  /** Writes or returns the failure Alipay gives: 2/11 bad params, 14 key over 200 KB, 12 total over 10 MB. */
  function writeStorage(key: unknown, data: unknown, missingCode: number): MyFailure | null {
    if (typeof key !== 'string' || key === '') return { error: missingCode, errorMessage: '必填参数为空' };
    if (data === undefined) return { error: missingCode, errorMessage: '必填参数为空' };
    const serialized = JSON.stringify(data);
    if (serialized === undefined) return { error: STORAGE_ERRORS.invalidParams, errorMessage: 'invalid params' };
    const size = byteLength(serialized);
    if (size > STORAGE_KEY_LIMIT_BYTES) return { error: STORAGE_ERRORS.keyTooLarge, errorMessage: 'data长度超限' };
    if (storageBytes(key) + size > STORAGE_TOTAL_LIMIT_BYTES)
      return { error: STORAGE_ERRORS.totalFull, errorMessage: '存储总大小达到上限' };
    storage.set(key, serialized);
    return null;
  }

  function readStorage(key: string): unknown {
    const raw = storage.get(key);
    return raw === undefined ? null : JSON.parse(raw);
  }

  // ---- network ----
  function setNetworkType(type: NetworkType): void {
    networkType = type;
    if (!online()) for (const socket of [...sockets]) socket.drop();
    const status = { isConnected: online(), networkType: type };
    for (const listener of [...networkListeners]) {
      try {
        listener(status);
      } catch (error) {
        problems.push(`onNetworkStatusChange listener threw: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }

  // ---- request ----
  function request(opts: OptionsOf<'request'>): ReturnType<My['request']> {
    const method = (opts.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(opts.headers ?? opts.header) };
    const badHeader = Object.entries(headers).find(([, value]) => typeof value !== 'string');
    let url = opts.url;
    let body: string | ArrayBuffer | undefined;
    const data = opts.data;
    if (data !== undefined && data !== null) {
      const asText =
        typeof data === 'string' || data instanceof ArrayBuffer
          ? data
          : (headerValue(headers, 'content-type') ?? '').includes('application/json') && method !== 'GET'
            ? JSON.stringify(data)
            : formEncode(data);
      if (method === 'GET' || method === 'HEAD') {
        if (typeof asText === 'string' && asText !== '') url += (url.includes('?') ? '&' : '?') + asText;
      } else body = asText;
    }
    const record: RequestRecord = {
      url,
      method,
      headers,
      body: typeof body === 'string' ? body : body === undefined ? undefined : '[ArrayBuffer]',
    };
    requests.push(record);
    const timeoutMs = Math.min(opts.timeout ?? REQUEST_DEFAULT_TIMEOUT_MS, REQUEST_MAX_TIMEOUT_MS);
    const controller = new AbortController();
    let ended: 'timeout' | 'abort' | 'disposed' | null = null;
    const stop = (why: 'abort' | 'disposed') => {
      if (ended) return;
      ended = why;
      controller.abort();
    };
    const disposeStop = () => stop('disposed');
    runningRequests.add(disposeStop);

    const run = async () => {
      if (badHeader) fail(REQUEST_ERRORS.invalidParams, `header ${badHeader[0]} must be a string`);
      if (!online()) fail(REQUEST_ERRORS.network, '网络出错');
      const timer = realSetTimeout(() => {
        if (!ended) {
          ended = 'timeout';
          controller.abort();
        }
      }, timeoutMs);
      try {
        let response: Response;
        let raw: ArrayBuffer;
        try {
          response = await fetch(url, { method, headers, body, signal: controller.signal });
          raw = await response.arrayBuffer();
        } catch (error) {
          if (ended === 'timeout') return fail(REQUEST_ERRORS.timeout, '请求超时');
          if (ended === 'abort') return fail(REQUEST_ERRORS.abort, 'request:fail abort');
          if (ended === 'disposed') return fail(REQUEST_ERRORS.pageLeft, 'request ended by runtime.dispose()');
          return fail(REQUEST_ERRORS.network, `网络出错: ${error instanceof Error ? error.message : String(error)}`);
        }
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          responseHeaders[key] = value;
        });
        const status = response.status;
        const text = Buffer.from(raw).toString('utf8');
        const dataType = (opts.dataType ?? 'json').toLowerCase();
        let payload: unknown = text;
        let parseFailed = false;
        if (dataType === 'json' && text !== '') {
          try {
            payload = JSON.parse(text);
          } catch {
            parseFailed = true;
          }
        } else if (dataType === 'arraybuffer') payload = raw;
        else if (dataType === 'base64') {
          const type = responseHeaders['content-type'] ?? 'application/octet-stream';
          payload = `data:${type};base64,${Buffer.from(raw).toString('base64')}`;
        }
        const answer = { data: payload, status, headers: responseHeaders };
        if (status >= 400 && (options.httpStatusErrors ?? 'fail19') === 'fail19')
          return fail(REQUEST_ERRORS.httpStatus, 'http status error', answer);
        if (parseFailed) return fail(REQUEST_ERRORS.decode, 'JSON parse data error', answer);
        return { ...answer, statusCode: status, header: responseHeaders };
      } finally {
        realClearTimeout(timer);
      }
    };

    const callbacks: Callbacks<unknown> = {
      success: opts.success as Callbacks<unknown>['success'],
      fail: opts.fail as Callbacks<unknown>['fail'],
      complete: opts.complete as Callbacks<unknown>['complete'],
    };
    let delivered = false;
    const guarded: Callbacks<unknown> = {
      success: (result) => {
        record.status = (result as { status: number }).status;
        delivered = true;
        if (ended !== 'disposed') callbacks.success?.(result);
      },
      fail: (failure) => {
        record.failure = failure;
        if (typeof failure.status === 'number') record.status = failure.status;
        delivered = true;
        if (ended !== 'disposed') callbacks.fail?.(failure);
      },
      complete: (result) => {
        if (ended !== 'disposed') callbacks.complete?.(result);
      },
    };
    const promise = invoke('request', guarded, run).finally(() => runningRequests.delete(disposeStop));
    // Callback style: nobody awaits the promise, so keep its rejection from being reported as unhandled.
    if (callbacks.success || callbacks.fail || callbacks.complete) promise.catch(() => undefined);
    const task = {
      abort: () => {
        if (!delivered) stop('abort');
        return Promise.resolve({ success: true as const });
      },
    };
    return Object.assign(promise, task) as unknown as ReturnType<My['request']>;
  }

  // ---- router ----
  function navigate(api: NavigationApi, opts: NavigationRequest & Callbacks<unknown>) {
    const record: NavigationRecord = { api };
    if (opts.url !== undefined) record.url = opts.url;
    if (api === 'navigateBack') record.delta = Number(opts.delta ?? 1);
    navigation.push(record);
    return invoke(api, opts, () => {
      try {
        const result = navigationHandler?.(api, { url: opts.url, delta: record.delta, events: opts.events });
        if (api === 'navigateTo') return { eventChannel: result?.eventChannel ?? inertChannel() };
        return {};
      } catch (error) {
        if (error instanceof MyFailureError) record.failure = error.failure;
        throw error;
      }
    });
  }

  const impl = Object.create(null) as Partial<Record<ApiName, unknown>>;
  function api<K extends ApiName>(name: K, implementation: (options: OptionsOf<K>) => unknown): void {
    impl[name] = implementation;
  }

  api('request', request);

  api('getStorage', (o) =>
    invoke('getStorage', o, () => {
      if (typeof o.key !== 'string' || o.key === '') fail(STORAGE_ERRORS.missingParam, '必填参数为空');
      return { data: readStorage(o.key) };
    }),
  );
  api('getStorageSync', (o) => ({ data: readStorage(o.key) }));
  api('setStorage', (o) =>
    invoke('setStorage', o, () => {
      const failure = writeStorage(o.key, o.data, STORAGE_ERRORS.missingParam);
      if (failure) throw new MyFailureError(failure);
      return { success: true };
    }),
  );
  api('setStorageSync', (o) => {
    const failure = writeStorage(o.key, o.data, STORAGE_ERRORS.invalidParams);
    return failure ? { success: false, ...failure } : { success: true };
  });
  api('removeStorage', (o) =>
    invoke('removeStorage', o, () => {
      if (typeof o.key !== 'string' || o.key === '') fail(STORAGE_ERRORS.missingParam, '必填参数为空');
      storage.delete(o.key);
      return { success: true as const };
    }),
  );
  api('removeStorageSync', (o) => {
    storage.delete(o.key);
    return { success: true as const };
  });
  api('clearStorage', (o) =>
    invoke('clearStorage', o, () => {
      storage.clear();
      return { success: true };
    }),
  );
  impl.clearStorageSync = () => {
    storage.clear();
    return { success: true };
  };

  api('getAuthCode', (o) => {
    const scopes = o?.scopes === undefined ? ['auth_base'] : Array.isArray(o.scopes) ? o.scopes : [o.scopes];
    const record: AuthCodeRecord = { scopes };
    authCodes.push(record);
    return invoke('getAuthCode', o, () => {
      if (authFailure) {
        record.failure = authFailure;
        throw new MyFailureError(authFailure);
      }
      authCodeSeq += 1;
      // Alipay never issues the same code twice, and the mock refuses a reused one.
      record.authCode = `u_${authUser}.${authCodeSeq}-${++codesIssued}`;
      return { authCode: record.authCode, authErrorScopes: {}, authSuccessScopes: scopes as 'auth_base'[] };
    });
  });

  api('showToast', (o) => {
    recordUi('showToast', o);
    return invoke('showToast', o, () => undefined);
  });
  api('hideToast', (o) => {
    recordUi('hideToast', o);
    return invoke('hideToast', o, () => undefined);
  });
  api('showLoading', (o) => {
    recordUi('showLoading', o);
    loadingVisible = true;
    return invoke('showLoading', o, () => undefined);
  });
  api('hideLoading', (o) => {
    recordUi('hideLoading', o);
    loadingVisible = false;
    return invoke('hideLoading', o, () => undefined);
  });
  api('alert', (o) => {
    recordUi('alert', o);
    return invoke('alert', o, () => ({}));
  });
  api('confirm', (o) => {
    recordUi('confirm', o);
    const confirm = confirmAnswers.length ? (confirmAnswers.shift() as boolean) : true;
    return invoke('confirm', o, () => ({ confirm }));
  });
  api('showActionSheet', (o) => {
    recordUi('showActionSheet', o);
    const index = actionSheetAnswers.length ? (actionSheetAnswers.shift() as number) : -1;
    return invoke('showActionSheet', o, () => ({ index, success: true as const }));
  });
  api('stopPullDownRefresh', (o) => {
    recordUi('stopPullDownRefresh', o);
    return invoke('stopPullDownRefresh', o, () => undefined);
  });

  api('navigateTo', (o) => navigate('navigateTo', o as NavigationRequest & Callbacks<unknown>));
  api('redirectTo', (o) => navigate('redirectTo', o as NavigationRequest & Callbacks<unknown>));
  api('navigateBack', (o) => navigate('navigateBack', (o ?? {}) as NavigationRequest & Callbacks<unknown>));
  api('switchTab', (o) => navigate('switchTab', o as NavigationRequest & Callbacks<unknown>));
  api('reLaunch', (o) => navigate('reLaunch', o as NavigationRequest & Callbacks<unknown>));

  api('getNetworkType', (o) =>
    invoke('getNetworkType', o, () => ({ networkAvailable: online(), networkType: networkType })),
  );
  api('onNetworkStatusChange', (callback) => {
    networkListeners.add(callback as (status: { isConnected: boolean; networkType: NetworkType }) => void);
  });
  impl.offNetworkStatusChange = (callback?: (status: { isConnected: boolean; networkType: NetworkType }) => void) => {
    if (callback) networkListeners.delete(callback);
    else networkListeners.clear();
  };

  api('chooseCity', (o) =>
    invoke('chooseCity', o, () => {
      if (cityAnswer === 'cancel') return fail(11, '用户取消操作');
      return { ...cityAnswer };
    }),
  );
  api('getLocation', (o) =>
    invoke('getLocation', o, () => {
      if ('error' in location) throw new MyFailureError(location);
      const { longitude, latitude, accuracy = 65, ...rest } = location;
      return {
        longitude: String(longitude),
        latitude: String(latitude),
        accuracy: String(accuracy),
        horizontalAccuracy: String(accuracy),
        ...rest,
      };
    }),
  );
  // ---- media, upload, phone, leave guard ----
  function addFile(file: FakeFile): string {
    const path = file.path ?? `temp://file-${++fileSeq}.image`;
    const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
    files.set(path, { bytes, imageType: file.imageType ?? 'jpeg' });
    return path;
  }

  api('chooseImage', (o) =>
    invoke('chooseImage', o, () => {
      if (chooseImageAnswer === 'cancel') return fail(11, '用户取消操作');
      if (!Array.isArray(chooseImageAnswer)) throw new MyFailureError(chooseImageAnswer);
      const paths = chooseImageAnswer.slice(0, o?.count ?? 1);
      const tempFiles = paths.map((path) => ({ path, size: files.get(path)?.bytes.length ?? 0 }));
      return { apFilePaths: paths, tempFilePaths: paths, tempFiles } as unknown as Awaited<
        ReturnType<My['chooseImage']>
      >;
    }),
  );
  api('getImageInfo', (o) =>
    invoke('getImageInfo', o, () => {
      const file = files.get(o.src);
      if (!file) return fail(2, `invalid src: ${o.src}`);
      return { width: 750, height: 1334, path: o.src, type: file.imageType, orientation: 'up' };
    }),
  );

  function uploadFile(opts: OptionsOf<'uploadFile'>): ReturnType<My['uploadFile']> {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...(opts.headers ?? {}), ...(opts.header ?? {}) })) {
      headers[key] = String(value);
    }
    const formData: Record<string, string> = {};
    for (const [key, value] of Object.entries(opts.formData ?? {})) formData[key] = String(value);
    const record: UploadRecord = {
      url: opts.url,
      name: opts.name,
      filePath: opts.filePath,
      formData,
      headers,
      progress: [],
    };
    uploads.push(record);
    const listeners = new Set<
      (update: { progress: number; totalBytesWritten: number; totalBytesExpectedToWrite: number }) => void
    >();
    const controller = new AbortController();
    let ended: 'timeout' | 'abort' | 'disposed' | null = null;
    const stop = (why: 'abort' | 'disposed') => {
      if (ended) return;
      ended = why;
      controller.abort();
    };
    const disposeStop = () => stop('disposed');
    runningRequests.add(disposeStop);
    const progress = (share: number, total: number) => {
      const update = {
        progress: Math.round(share * 100),
        totalBytesWritten: Math.round(share * total),
        totalBytesExpectedToWrite: total,
      };
      record.progress.push(update.progress);
      for (const listener of [...listeners]) deliver('uploadFile', 'onProgressUpdate', listener, update);
    };
    const run = async () => {
      if (!opts.name || !opts.url) fail(UPLOAD_ERRORS.invalid, '无效参数');
      const file = files.get(opts.filePath);
      if (!file) fail(UPLOAD_ERRORS.invalid, '文件不存在');
      if (!online()) fail(UPLOAD_ERRORS.failed, '上传文件失败');
      const { bytes } = file as { bytes: Uint8Array };
      const body = new FormData();
      for (const [key, value] of Object.entries(formData)) body.append(key, value);
      body.append(opts.name, new Blob([bytes]), opts.filePath.split('/').pop() ?? 'file');
      const sendHeaders = Object.fromEntries(
        Object.entries(headers).filter(([key]) => key.toLowerCase() !== 'content-type'),
      );
      const timeoutMs = Math.min((opts as { timeout?: number }).timeout ?? 60_000, REQUEST_MAX_TIMEOUT_MS);
      const timer = realSetTimeout(() => {
        if (!ended) {
          ended = 'timeout';
          controller.abort();
        }
      }, timeoutMs);
      try {
        progress(0.5, bytes.length);
        let response: Response;
        let text: string;
        try {
          response = await fetch(opts.url, { method: 'POST', headers: sendHeaders, body, signal: controller.signal });
          text = await response.text();
        } catch (error) {
          if (ended === 'abort') return fail(UPLOAD_ERRORS.abort, 'uploadFile:fail abort');
          if (ended === 'disposed') return fail(REQUEST_ERRORS.pageLeft, 'upload ended by runtime.dispose()');
          return fail(UPLOAD_ERRORS.failed, `上传文件失败: ${error instanceof Error ? error.message : String(error)}`);
        }
        progress(1, bytes.length);
        const header: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          header[key] = value;
        });
        // Alipay hands every HTTP answer to success; the app reads the status (/mini/api/kmq4hc FAQ).
        return { data: text, statusCode: response.status, header };
      } finally {
        realClearTimeout(timer);
      }
    };
    const callbacks = opts as unknown as Callbacks<unknown>;
    const guarded: Callbacks<unknown> = {
      success: (result) => {
        record.status = (result as { statusCode: number }).statusCode;
        if (ended !== 'disposed') callbacks.success?.(result);
      },
      fail: (failure) => {
        record.failure = failure;
        if (ended !== 'disposed') callbacks.fail?.(failure);
      },
      complete: (result) => {
        if (ended !== 'disposed') callbacks.complete?.(result);
      },
    };
    const promise = invoke('uploadFile', guarded, run).finally(() => runningRequests.delete(disposeStop));
    promise.catch(() => undefined);
    const task = {
      onProgressUpdate: (listener: Parameters<typeof listeners.add>[0]) => {
        listeners.add(listener);
      },
      offProgressUpdate: (listener?: Parameters<typeof listeners.add>[0]) => {
        if (listener) listeners.delete(listener);
        else listeners.clear();
      },
      onHeadersReceived: () => undefined,
      offHeadersReceived: () => undefined,
      abort: () => {
        stop('abort');
        return Promise.resolve({ success: true as const });
      },
    };
    return Object.assign(promise, task) as unknown as ReturnType<My['uploadFile']>;
  }
  api('uploadFile', uploadFile);

  api('getPhoneNumber', (o) => {
    phoneNumberCalls++;
    const answer = phoneNumberAnswer;
    return invoke('getPhoneNumber', o, async () => {
      if (!answer) return fail(11, '用户未授权获取手机号');
      if ('error' in answer) throw new MyFailureError(answer);
      if ('response' in answer) return { response: answer.response };
      const response = await fetch(answer.payloadUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mobile: answer.mobile }),
      });
      if (!response.ok) return fail(3, `payload url answered ${response.status}`);
      return { response: ((await response.json()) as { response: string }).response };
    });
  });

  api('enableAlertBeforeUnload', (o) => {
    alertBeforeUnloadCalls.push({ api: 'enableAlertBeforeUnload', message: o?.message });
    alertBeforeUnload.enabled = true;
    alertBeforeUnload.message = o?.message ?? '离开此页面?';
    return invoke('enableAlertBeforeUnload', o, () => ({ success: true }));
  });
  api('disableAlertBeforeUnload', (o) => {
    alertBeforeUnloadCalls.push({ api: 'disableAlertBeforeUnload' });
    alertBeforeUnload.enabled = false;
    delete alertBeforeUnload.message;
    return invoke('disableAlertBeforeUnload', o, () => ({ success: true }));
  });

  // ---- sockets (SocketTask mode only; callbacks shaped as @mini-types/alipay declares them) ----
  type SocketListener = (arg: unknown) => void;
  impl.connectSocket = ((opts: { url: string; multiple?: boolean }) => {
    if (!opts.multiple) throw new Error('fake my.connectSocket models SocketTask mode only: pass multiple: true');
    const listeners: Record<'open' | 'message' | 'error' | 'close', Set<SocketListener>> = {
      open: new Set(),
      message: new Set(),
      error: new Set(),
      close: new Set(),
    };
    const fire = (kind: keyof typeof listeners, arg: unknown) => {
      for (const listener of [...listeners[kind]]) deliver('connectSocket', kind, listener, arg);
    };
    let ws: WebSocket | null = null;
    let ended = false;
    const end = (code: number, reason: string) => {
      if (ended) return;
      ended = true;
      sockets.delete(entry);
      fire('close', { data: { code, reason } });
    };
    const entry = {
      drop: () => {
        if (ended) return;
        ws?.removeAllListeners();
        ws?.on('error', () => undefined);
        ws?.terminate();
        fire('error', { data: { error: 12, errorMessage: '网络断开' } });
        end(1006, 'network lost');
      },
    };
    sockets.add(entry);
    socketsOpened++;
    realSetTimeout(() => {
      if (ended) return;
      if (!online()) {
        fire('error', { data: { error: 12, errorMessage: '网络出错' } });
        end(1006, 'offline');
        return;
      }
      ws = new WebSocket(opts.url);
      ws.on('open', () => fire('open', { data: {} }));
      ws.on('message', (data, isBinary) =>
        fire('message', {
          data: { data: isBinary ? data : data.toString(), isBuffer: isBinary, socketTaskID: '1' },
        }),
      );
      ws.on('error', () => fire('error', { data: { error: 12, errorMessage: 'WebSocket error' } }));
      ws.on('close', (code, reason) => end(code, reason.toString()));
    }, 0);
    const on = (kind: keyof typeof listeners) => (listener: SocketListener) => {
      listeners[kind].add(listener);
    };
    const off = (kind: keyof typeof listeners) => (listener?: SocketListener) => {
      if (listener) listeners[kind].delete(listener);
      else listeners[kind].clear();
    };
    return {
      onOpen: on('open'),
      offOpen: off('open'),
      onMessage: on('message'),
      offMessage: off('message'),
      onError: on('error'),
      offError: off('error'),
      onClose: on('close'),
      offClose: off('close'),
      send: (o: { data: string } & Callbacks<unknown>) =>
        invoke('SocketTask.send', o, () => {
          if (!ws || ws.readyState !== WebSocket.OPEN) fail(10, 'socket is not open');
          (ws as WebSocket).send(o.data);
          return { success: true };
        }),
      close: (o: { code?: number; reason?: string } & Callbacks<unknown> = {}) =>
        invoke('SocketTask.close', o, () => {
          if (ws && ws.readyState <= WebSocket.OPEN) ws.close(o.code ?? 1000, o.reason ?? '');
          else end(o.code ?? 1000, o.reason ?? '');
          return { message: 'ok' };
        }),
    };
  }) as unknown as My['connectSocket'];

  api('setTabBarBadge', (o) => {
    tabBadges.set(o.index, o.text);
    return invoke('setTabBarBadge', o, () => ({}));
  });
  api('removeTabBarBadge', (o) => {
    tabBadges.delete(o.index);
    return invoke('removeTabBarBadge', o, () => ({}));
  });
  api('prompt', (o) => {
    recordUi('prompt', o);
    const answer = promptAnswers.length ? (promptAnswers.shift() as string | null) : null;
    return invoke('prompt', o, () => ({ ok: answer !== null, inputValue: answer ?? '' }));
  });

  impl.getSystemInfoSync = () => ({ ...systemInfo });
  impl.canIUse = (name: string) => name === 'component2' || name.split('.')[0] in impl;
  // (impl has no prototype, so `in` sees only implemented APIs.)

  const control: FakeMyControl = {
    ui,
    navigation,
    requests,
    authCodes,
    problems,
    get requestCount() {
      return requests.length;
    },
    lastToast: () => [...ui].reverse().find((entry) => entry.api === 'showToast'),
    get loadingVisible() {
      return loadingVisible;
    },
    get pending() {
      return pending;
    },
    setOffline: (offline) => setNetworkType(offline ? 'NOTREACHABLE' : 'WIFI'),
    setNetworkType,
    get online() {
      return online();
    },
    get networkListenerCount() {
      return networkListeners.size;
    },
    setAuthUser: (user) => {
      authUser = user;
    },
    failAuthCode: (failure = { error: 11, errorMessage: '用户取消授权' }) => {
      authFailure = failure;
    },
    answerConfirm: (...answers) => {
      confirmAnswers.push(...answers);
    },
    answerActionSheet: (...indexes) => {
      actionSheetAnswers.push(...indexes);
    },
    answerChooseCity: (answer) => {
      cityAnswer = answer;
    },
    setLocation: (answer) => {
      location = answer;
    },
    addFile,
    answerChooseImage: (answer) => {
      chooseImageAnswer = answer;
    },
    uploads,
    answerPhoneNumber: (answer) => {
      phoneNumberAnswer = answer;
    },
    get phoneNumberCalls() {
      return phoneNumberCalls;
    },
    alertBeforeUnload,
    alertBeforeUnloadCalls,
    storage: {
      get: (key) => readStorage(key),
      set: (key, value) => {
        storage.set(key, JSON.stringify(value));
      },
      keys: () => [...storage.keys()],
      bytes: () => storageBytes(),
      clear: () => storage.clear(),
    },
    sockets: {
      get open() {
        return sockets.size;
      },
      get opened() {
        return socketsOpened;
      },
      dropAll: () => {
        for (const socket of [...sockets]) socket.drop();
      },
    },
    tabBadges,
    answerPrompt: (...answers) => {
      promptAnswers.push(...answers);
    },
    define: (name, implementation) => {
      impl[name] = implementation;
    },
    setNavigationHandler: (handler) => {
      navigationHandler = handler;
    },
    abortAll: () => {
      for (const stopRequest of [...runningRequests]) stopRequest();
      for (const socket of [...sockets]) socket.drop();
    },
  };

  const target = Object.create(null) as Record<string | symbol, unknown>;
  return new Proxy(target, {
    get(_target, property) {
      if (property === '$fake') return control;
      if (typeof property === 'symbol') return undefined;
      if (Object.prototype.hasOwnProperty.call(impl, property)) return impl[property as ApiName];
      if (PROBED_NAMES.has(property)) return undefined;
      if (property in Object.prototype) return (Object.prototype as Record<string, unknown>)[property];
      throw new Error(
        `my.${property} is not supported by the fake my (tests/harness/fake-my.ts). ` +
          `Implement it there, or stub it in this test with fakeMy.$fake.define('${property}', ...).`,
      );
    },
    set(_target, property, value) {
      if (typeof property === 'symbol' || property === '$fake') return false;
      impl[property as ApiName] = value;
      return true;
    },
    has(_target, property) {
      return property === '$fake' || (typeof property === 'string' && property in impl);
    },
    ownKeys() {
      return Object.keys(impl);
    },
    getOwnPropertyDescriptor(_target, property) {
      if (typeof property !== 'string' || !(property in impl)) return undefined;
      return { value: impl[property as ApiName], writable: true, enumerable: true, configurable: true };
    },
    deleteProperty(_target, property) {
      if (typeof property === 'string') delete impl[property as ApiName];
      return true;
    },
  }) as unknown as FakeMy;
}

/** An EventChannel that goes nowhere, for navigateTo without a runtime. */
function inertChannel() {
  return { emit: () => undefined, on: () => undefined, off: () => undefined, once: () => undefined };
}
