/**
 * The jest harness's `my`: the one `my` core (runtime/my/create-my.ts) with Node's parts (fetch, the `ws`
 * package for sockets, real timers) and, where a phone would show something or ask the person, records and
 * scripted answers (`my.$fake`). Any `my.*` the model lacks throws an Error naming it, so a test never
 * silently passes.
 */
import WebSocket from 'ws';
import { createInvoker, ERROR, fail, MyError, type MyFailure } from '../core/invoke';
import { canIUseIn, createMyCore, type NetworkType, type UiApi } from '../my/create-my';
import type { NavigationApi, NavigationRequest } from '../core/page-stack';
import type { CameraPart, LocationAnswer, RecordedVideo, SocketLike } from '../my/parts';
import type { RequestRecord, UploadRecord } from '../my/request';
import type { StorageControl } from '../my/storage';

export { MyError as MyFailureError, type MyFailure } from '../core/invoke';
export { STORAGE_ERRORS, STORAGE_KEY_LIMIT_BYTES, STORAGE_TOTAL_LIMIT_BYTES } from '../my/storage';
export { REQUEST_DEFAULT_TIMEOUT_MS, REQUEST_MAX_TIMEOUT_MS, UPLOAD_ERRORS } from '../my/request';
export type { RequestRecord, UploadRecord } from '../my/request';
export type { NetworkType, UiApi } from '../my/create-my';
export type { LocationAnswer } from '../my/parts';

type My = typeof my;
type ApiName = keyof My;

/** my.request codes (/mini/api/owycmh). */
export const REQUEST_ERRORS = {
  pageLeft: ERROR.pageLeft,
  invalidParams: ERROR.invalidParams,
  abort: ERROR.abort,
  network: ERROR.network,
  timeout: ERROR.timeout,
  decode: ERROR.decode,
  httpStatus: ERROR.httpStatus,
} as const;

/** One UI call: `api` plus the options the app passed (callbacks left out), e.g. `{ api: 'showToast', content: '已投递', type: 'success' }`. */
export interface UiRecord {
  api: UiApi;
  [option: string]: unknown;
}

export type { NavigationApi, NavigationRequest } from '../core/page-stack';
export interface NavigationRecord {
  api: NavigationApi;
  url?: string;
  delta?: number;
  /** Set when the navigation failed (not a page, a tab page through navigateTo, stack full…). */
  failure?: MyFailure;
}
/** Installed by the runtime so navigation moves its page stack. Throw MyFailureError to fail the call. */
export type NavigationHandler = (
  api: NavigationApi,
  request: NavigationRequest,
) => { eventChannel?: unknown } | void | Promise<{ eventChannel?: unknown } | void>;

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

/** A local file the platform holds (what my.chooseImage hands out, what my.uploadFile reads). */
export interface FakeFile {
  /** Default `temp://file-<n>.image`, the shape phones give (the IDE gives `.png`). */
  path?: string;
  /** Content; a string is UTF-8. */
  bytes: Uint8Array | string;
  /** What my.getImageInfo reports as `type` (`jpeg`, `png`, `gif`…). Default `jpeg`. */
  imageType?: string;
}

/**
 * How my.getPhoneNumber answers: a `response` as is, a mock backend URL to fetch one from (`POST <url>
 * { mobile }` answering `{ response }`, e.g. the mock's `/__admin/phone-payload`), or a failure.
 */
export type PhoneNumberAnswer = { response: string } | { payloadUrl: string; mobile: string } | MyFailure;

/** What toDataURL answers in the harness, which does not paint: a transparent 1×1 PNG. */
const ONE_PIXEL_PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

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

export interface CameraRecord {
  cameraId: string;
  /** How it ended, and its file when it gave one. */
  ended?: 'stopped' | 'timeout' | 'interrupted';
  path?: string;
}

export interface FakeCameraControl {
  readonly recordings: CameraRecord[];
  /** Seconds the next recordings report (default 4); the file holds `bytes` (default a tiny WebM header). */
  setVideo(video: { seconds?: number; bytes?: Uint8Array }): void;
  timeOut(cameraId: string): void;
  fail(failure: MyFailure): void;
  /**
   * The harness runtime's hook: the core stopped the cameras of page `pageId` (it hid), and the runtime fires
   * that page's `<camera onStop>` handlers, read from its template.
   */
  whenStopped(listener: (pageId: string) => void): void;
}

/** The test's side of the fake: logs, answers, switches. Reached as `fakeMy.$fake`. */
export interface FakeMyControl {
  /** Every call that shows something or asks the person, in order (toast, loading, dialogs, pickers, phone call, map, tab badge…). */
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
  /** Answers for the next prompt calls (null = cancel), in order; none queued = cancel. */
  answerPrompt(...answers: Array<string | null>): void;
  /** Answers (item index, -1 = cancel) for the next showActionSheet calls; none queued = -1 (cancel). */
  answerActionSheet(...indexes: number[]): void;
  /** Answer for chooseCity; `'cancel'` (the default) fails with error 11 as Alipay does. */
  answerChooseCity(answer: CityAnswer | 'cancel'): void;
  /** Position for getLocation, or a failure (e.g. `{ error: 2001, errorMessage: '用户拒绝给小程序授权' }`). */
  setLocation(answer: LocationAnswer | MyFailure): void;

  /** Registers a local file (as the album would) and returns its path, for answerChooseImage or uploadFile. */
  addFile(file: FakeFile): string;
  /**
   * The camera behind `<camera id>`: each recording (a stopped one becomes a local file uploadFile can read);
   * `timeOut` ends the running one as its time limit would; `fail` makes the next startRecord fail. When the
   * page hides (`rt.enterBackground()`, another page on top) the runtime model throws the running one away
   * (`ended: 'interrupted'`) and the page's `<camera onStop>` fires.
   */
  readonly camera: FakeCameraControl;
  /** Answer for the next chooseImage calls: paths from addFile, `'cancel'` (the default: error 11) or a failure. */
  answerChooseImage(answer: string[] | 'cancel' | MyFailure): void;
  /** Every my.uploadFile in order (real multipart HTTP to the url). */
  readonly uploads: UploadRecord[];
  /** Answer for my.getPhoneNumber; none set fails with error 11 (the seeker did not authorize). */
  answerPhoneNumber(answer: PhoneNumberAnswer): void;
  /** How many times my.getPhoneNumber was called. */
  readonly phoneNumberCalls: number;
  /**
   * How Alipay's face check (`my.call('startBizService', { name: 'open-certify' })`) ends: `resultStatus`
   * '9000' (done: with `mockUrl` the mock is told it passed, as Alipay's side would), '6001' backed out (the
   * default), '6002' network.
   */
  answerCertify(answer: { resultStatus: '9000' | '6001' | '6002'; mockUrl?: string }): void;
  /** Every my.downloadFile that got a file: the URL, the headers sent, the local path and the bytes. */
  readonly downloads: Array<{ url: string; header: Record<string, string>; path: string; bytes: Uint8Array }>;
  /**
   * What was drawn on `<canvas id>` through my.createCanvasContext, as [method, args] since the last clearing
   * draw. The harness does not paint: toDataURL answers a 1×1 PNG.
   */
  canvasOps(canvasId: string): Array<[string, unknown[]]>;
  /** The leave guard my.enableAlertBeforeUnload turns on (and disableAlertBeforeUnload off), with its message. */
  readonly alertBeforeUnload: { enabled: boolean; message?: string };
  /** Every enable/disableAlertBeforeUnload call in order. */
  readonly alertBeforeUnloadCalls: Array<{
    api: 'enableAlertBeforeUnload' | 'disableAlertBeforeUnload';
    message?: string;
  }>;

  /** Storage as the app would read it; `set` bypasses limits (for seeding). */
  readonly storage: StorageControl;
  /** Every connectSocket url in order. */
  readonly sockets: string[];
  /** Sockets not yet closed. */
  readonly openSocketCount: number;
  /** Ends every open socket as a lost network would (error, then close 1006); the network stays up. */
  dropSockets(): void;
  /** The tab badges my.setTabBarBadge shows (tab index → text); removeTabBarBadge takes one away. */
  readonly tabBadges: Map<number, string>;
  /** my.setKeepScreenOn's current state. */
  readonly keepScreenOn: boolean;
  /** Server time for my.getServerTime (default: the real clock). */
  setServerTime(now: () => number): void;
  /** Tells my.onComponentError listeners that a component's code threw (the runtime calls it). */
  componentError(error: unknown, method: string, component: unknown): void;

  /** Adds or replaces an API on this fake (a deliberate stub for something the fake lacks). */
  define<K extends ApiName>(name: K, implementation: My[K]): void;
  /** Routes navigation calls; the runtime installs one. Without it navigation just succeeds and is recorded. */
  setNavigationHandler(handler: NavigationHandler | null): void;
  /** Aborts every running request without delivering callbacks and drops sockets (used by runtime.dispose()). */
  abortAll(): void;
}

export type FakeMy = My & { readonly $fake: FakeMyControl };

/** Real timers and fetch, taken before any test can install jest's fake ones: timeouts run in real time. */
const realSetTimeout = setTimeout;
const realClearTimeout = clearTimeout;
const realFetch = fetch;

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

export function createFakeMy(options: FakeMyOptions = {}): FakeMy {
  const ui: UiRecord[] = [];
  const navigation: NavigationRecord[] = [];
  const requests: RequestRecord[] = [];
  const uploads: UploadRecord[] = [];
  const authCodes: AuthCodeRecord[] = [];
  const sockets: string[] = [];
  const problems: string[] = [];
  const confirmAnswers: boolean[] = [];
  const actionSheetAnswers: number[] = [];
  const promptAnswers: Array<string | null> = [];
  const tabBadges = new Map<number, string>();
  const files = new Map<string, { bytes: Uint8Array; imageType: string }>();
  const alertBeforeUnloadCalls: FakeMyControl['alertBeforeUnloadCalls'] = [];
  const alertBeforeUnload: { enabled: boolean; message?: string } = { enabled: false };
  let chooseImageAnswer: string[] | 'cancel' | MyFailure = 'cancel';
  let phoneNumberAnswer: PhoneNumberAnswer | null = null;
  let phoneNumberCalls = 0;
  let certifyAnswer: { resultStatus: string; mockUrl?: string } = { resultStatus: '6001' };
  const downloads: FakeMyControl['downloads'] = [];
  const canvases = new Map<string, Array<[string, unknown[]]>>();
  let fileSeq = 0;
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
  let now = () => Date.now();
  let navigationHandler: NavigationHandler | null = null;
  const systemInfo = { ...DEFAULT_SYSTEM_INFO, ...options.systemInfo };
  const describe = (error: unknown) => (error instanceof Error ? error.stack : String(error));

  const invoke = createInvoker({
    report: (what, error) => problems.push(`${what} threw: ${describe(error)}`),
    internal: (api, error) => problems.push(`my.${api} failed internally: ${describe(error)}`),
    started: () => pending++,
    ended: () => pending--,
  });

  /** What a phone would show or ask: recorded, answered from what the test queued. */
  async function answerUi(api: string, opts: Record<string, unknown>): Promise<unknown> {
    if (api === 'authorize') return {};
    ui.push({ api: api as UiApi, ...opts });
    switch (api) {
      case 'showLoading':
        loadingVisible = true;
        return undefined;
      case 'hideLoading':
        loadingVisible = false;
        return undefined;
      case 'alert':
        return {};
      case 'confirm':
        return { confirm: confirmAnswers.length ? (confirmAnswers.shift() as boolean) : true };
      case 'prompt': {
        const answer = promptAnswers.length ? (promptAnswers.shift() as string | null) : null;
        return { ok: answer !== null, inputValue: answer ?? '' };
      }
      case 'setTabBarBadge':
        tabBadges.set(Number(opts.index), String(opts.text));
        return { success: true };
      case 'removeTabBarBadge':
        tabBadges.delete(Number(opts.index));
        return { success: true };
      case 'showActionSheet':
        return { index: actionSheetAnswers.length ? (actionSheetAnswers.shift() as number) : -1, success: true };
      case 'chooseCity':
        if (cityAnswer === 'cancel') return fail(ERROR.cancelled, '用户取消操作');
        return { ...cityAnswer };
      case 'chooseImage': {
        if (chooseImageAnswer === 'cancel') return fail(ERROR.cancelled, '用户取消操作');
        if (!Array.isArray(chooseImageAnswer)) throw new MyError(chooseImageAnswer);
        const paths = chooseImageAnswer.slice(0, Number(opts.count ?? 1));
        const tempFiles = paths.map((path) => ({ path, size: files.get(path)?.bytes.length ?? 0 }));
        return { apFilePaths: paths, tempFilePaths: paths, tempFiles };
      }
      case 'getPhoneNumber':
        return phoneNumber();
      case 'startBizService': {
        const answer = certifyAnswer;
        if (answer.resultStatus === '9000' && answer.mockUrl) {
          const done = await realFetch(`${answer.mockUrl}/__admin/certify/${String(opts.certifyId)}/complete`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ passed: true }),
          });
          if (!done.ok) return { resultStatus: '4000', result: { errorCode: 'SYSTEM_ERROR' } };
        }
        return { resultStatus: answer.resultStatus, result: { certifyId: opts.certifyId } };
      }
      case 'requestSubscribeMessage': {
        const ids = (opts.entityIds ?? opts.tmplIds) as string[];
        return {
          behavior: 'subscribe',
          keep: false,
          refuse: false,
          result: { subscribeEntityIds: ids, unsubscribeEntityIds: [], currentSubscribeEntityIds: ids },
        };
      }
      case 'showToast':
      case 'hideToast':
      case 'stopPullDownRefresh':
        return undefined;
      default:
        // makePhoneCall, openLocation, tab badges, navigation bar…: the person sees it; the call succeeds.
        return { success: true };
    }
  }

  async function phoneNumber(): Promise<unknown> {
    phoneNumberCalls++;
    const answer = phoneNumberAnswer;
    if (!answer) return fail(ERROR.cancelled, '用户未授权获取手机号');
    if ('error' in answer) throw new MyError(answer);
    if ('response' in answer) return { response: answer.response };
    const response = await realFetch(answer.payloadUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mobile: answer.mobile }),
    });
    if (!response.ok) return fail(ERROR.unknown, `payload url answered ${response.status}`);
    return { response: ((await response.json()) as { response: string }).response };
  }

  const initialStorage: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.storage ?? {})) initialStorage[key] = JSON.stringify(value);

  // ---- the camera: recordings become local files ----
  const cameraRecordings: CameraRecord[] = [];
  const runningRecordings = new Map<string, { id: string; record: CameraRecord }>();
  let recordingSeq = 0;
  let cameraVideo: { seconds: number; bytes: Uint8Array } = {
    seconds: 4,
    bytes: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0, 0, 0]),
  };
  let cameraFailure: MyFailure | null = null;
  const cameraStopListeners: Array<(pageId: string) => void> = [];
  const finishRecording = (cameraId: string, how: 'stopped' | 'timeout'): RecordedVideo => {
    const running = runningRecordings.get(cameraId) as { id: string; record: CameraRecord };
    runningRecordings.delete(cameraId);
    const path = `temp://video-${++fileSeq}.mp4`;
    files.set(path, { bytes: cameraVideo.bytes, imageType: '' });
    Object.assign(running.record, { ended: how, path });
    return { tempVideoPath: path, tempThumbPath: '', duration: cameraVideo.seconds, size: cameraVideo.bytes.length };
  };
  const camera: CameraPart = {
    startRecord: async (cameraId) => {
      if (cameraFailure) {
        const failure = cameraFailure;
        cameraFailure = null;
        throw new MyError(failure);
      }
      if (runningRecordings.has(cameraId)) fail(ERROR.unknown, '正在录像中');
      const record: CameraRecord = { cameraId };
      cameraRecordings.push(record);
      const id = `rec-${++recordingSeq}`;
      runningRecordings.set(cameraId, { id, record });
      return { recordingId: id };
    },
    stopRecord: async (cameraId, recordingId) => {
      const running = runningRecordings.get(cameraId);
      if (!running || (recordingId !== undefined && running.id !== recordingId))
        fail(ERROR.unknown, '没有正在进行的录像');
      return finishRecording(cameraId, recordingId === undefined ? 'stopped' : 'timeout');
    },
    stopAll: async (pageId) => {
      for (const running of runningRecordings.values()) running.record.ended = 'interrupted';
      runningRecordings.clear();
      for (const listener of cameraStopListeners) listener(pageId);
    },
    // The fake camera is always ready: nothing to bring back.
    resumeAll: async () => undefined,
    takePhoto: async () => {
      const path = `temp://photo-${++fileSeq}.jpg`;
      files.set(path, { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), imageType: 'jpeg' });
      return { tempImagePath: path };
    },
  };

  const core = createMyCore(
    {
      invoke,
      report: (what, error) => problems.push(`${what} threw: ${describe(error)}`),
      fetch: realFetch,
      timers: { setTimeout: (run, ms) => realSetTimeout(run, ms), clearTimeout: (h) => realClearTimeout(h as never) },
      openSocket: (url, protocols, headers) => {
        sockets.push(url);
        return new WebSocket(url, protocols, { headers }) as unknown as SocketLike;
      },
      storage: { initial: initialStorage },
      ui: answerUi,
      camera,
      readFile: async (path) => {
        const file = files.get(path);
        if (!file) throw new Error(`no file ${path}`);
        return new Blob([file.bytes]);
      },
      location: () => location,
      authCode: () => {
        if (authFailure) throw new MyError(authFailure);
        // Alipay never issues the same code twice, and the mock refuses a reused one.
        return `u_${authUser}.${++authCodeSeq}-${++codesIssued}`;
      },
      systemInfo: () => systemInfo,
      now: () => now(),
      httpStatusErrors: options.httpStatusErrors,
    },
    {
      networkType: options.networkType,
      observe: {
        request: (record) => requests.push(record),
        upload: (record) => uploads.push(record),
        authCode: (record) => authCodes.push(record as AuthCodeRecord),
      },
    },
  );

  const impl = Object.create(null) as Record<string, unknown>;
  Object.assign(impl, core.apis);
  impl.canIUse = canIUseIn(impl);
  /** A page hid (the harness's page lifecycle): the core stops its cameras, as the simulator's `my` does. */
  impl.$pageHidden = (pageId: string) => core.camera.pageHidden(pageId);
  impl.$pageShown = (pageId: string) => core.camera.pageShown(pageId);

  // ---- router: the runtime installs the handler that moves its page stack ----
  const navigate =
    (api: NavigationApi) =>
    (opts: NavigationRequest & Record<string, unknown> = {}) => {
      const record: NavigationRecord = { api };
      if (opts.url !== undefined) record.url = opts.url;
      if (api === 'navigateBack') record.delta = Number(opts.delta ?? 1);
      navigation.push(record);
      return invoke(api, opts, async () => {
        try {
          const result: { eventChannel?: unknown } | void = navigationHandler
            ? await navigationHandler(api, { url: opts.url, delta: record.delta, events: opts.events })
            : undefined;
          if (api === 'navigateTo') return { eventChannel: result?.eventChannel ?? inertChannel() };
          return {};
        } catch (error) {
          if (error instanceof MyError) record.failure = error.failure;
          throw error;
        }
      });
    };
  for (const api of ['navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch'] as const)
    impl[api] = navigate(api);

  // ---- what only the harness holds: local files, the leave guard ----
  function addFile(file: FakeFile): string {
    const path = file.path ?? `temp://file-${++fileSeq}.image`;
    const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
    files.set(path, { bytes, imageType: file.imageType ?? 'jpeg' });
    return path;
  }
  impl.getImageInfo = (opts: { src: string }) =>
    invoke('getImageInfo', opts, () => {
      const file = files.get(opts.src);
      if (!file) return fail(ERROR.invalidParams, `invalid src: ${opts.src}`);
      return { width: 750, height: 1334, path: opts.src, type: file.imageType, orientation: 'up' };
    });
  /** A downloaded file becomes a local one (my.openDocument and my.uploadFile can take its path). */
  impl.downloadFile = (opts: { url: string; header?: Record<string, string> }) =>
    invoke('downloadFile', opts, async () => {
      if (!core.network.online) return fail(12, '下载失败');
      const header = { ...opts.header };
      const response = await realFetch(opts.url, { headers: header });
      if (!response.ok) return fail(12, '下载失败');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const path = `temp://download-${downloads.length + 1}`;
      files.set(path, { bytes, imageType: '' });
      downloads.push({ url: opts.url, header, path, bytes });
      return { apFilePath: path, tempFilePath: path, headers: {}, header: {} };
    });
  /** Records what is drawn per canvas; a draw without `reserve` starts the canvas over, as on the platform. */
  impl.createCanvasContext = (canvasId: string) => {
    let pendingOps: Array<[string, unknown[]]> = [];
    const own: Record<string, unknown> = {
      draw: (reserve?: boolean, callback?: () => void) => {
        canvases.set(canvasId, reserve === true ? [...(canvases.get(canvasId) ?? []), ...pendingOps] : pendingOps);
        pendingOps = [];
        if (typeof callback === 'function') realSetTimeout(callback, 0);
      },
      toDataURL: (o: Record<string, unknown> = {}) => invoke('toDataURL', o, () => ONE_PIXEL_PNG_DATA_URL),
    };
    return new Proxy(own, {
      get: (target, property) =>
        typeof property === 'symbol'
          ? undefined
          : property in target
            ? target[property]
            : (...args: unknown[]) => pendingOps.push([property, args]),
    });
  };
  impl.enableAlertBeforeUnload = (opts: { message?: string } = {}) => {
    alertBeforeUnloadCalls.push({ api: 'enableAlertBeforeUnload', message: opts.message });
    alertBeforeUnload.enabled = true;
    alertBeforeUnload.message = opts.message ?? '离开此页面?';
    return invoke('enableAlertBeforeUnload', opts, () => ({ success: true }));
  };
  impl.disableAlertBeforeUnload = (opts: object = {}) => {
    alertBeforeUnloadCalls.push({ api: 'disableAlertBeforeUnload' });
    alertBeforeUnload.enabled = false;
    delete alertBeforeUnload.message;
    return invoke('disableAlertBeforeUnload', opts, () => ({ success: true }));
  };

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
    setOffline: (offline) => core.network.set(offline ? 'NOTREACHABLE' : 'WIFI'),
    setNetworkType: (type) => core.network.set(type),
    get online() {
      return core.network.online;
    },
    get networkListenerCount() {
      return core.network.listenerCount;
    },
    setAuthUser: (user) => {
      authUser = user;
    },
    failAuthCode: (failure = { error: ERROR.cancelled, errorMessage: '用户取消授权' }) => {
      authFailure = failure;
    },
    answerConfirm: (...answers) => {
      confirmAnswers.push(...answers);
    },
    answerPrompt: (...answers) => {
      promptAnswers.push(...answers);
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
    camera: {
      recordings: cameraRecordings,
      setVideo: (video) => {
        cameraVideo = { seconds: video.seconds ?? cameraVideo.seconds, bytes: video.bytes ?? cameraVideo.bytes };
      },
      timeOut: (cameraId) => {
        if (!core.camera.expire(cameraId)) throw new Error(`no recording on <camera id="${cameraId}"> to time out`);
      },
      fail: (failure) => {
        cameraFailure = failure;
      },
      whenStopped: (listener) => {
        cameraStopListeners.push(listener);
      },
    },
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
    storage: core.storage,
    sockets,
    get openSocketCount() {
      return core.sockets.openCount;
    },
    dropSockets: () => core.sockets.dropAll('network lost'),
    tabBadges,
    get keepScreenOn() {
      return core.keepScreenOn;
    },
    setServerTime: (clock) => {
      now = clock;
    },
    componentError: (error, method, component) => core.componentError(error, method, component),
    answerCertify: (answer) => {
      certifyAnswer = answer;
    },
    downloads,
    canvasOps: (canvasId) => canvases.get(canvasId) ?? [],
    define: (name, implementation) => {
      impl[name] = implementation;
    },
    setNavigationHandler: (handler) => {
      navigationHandler = handler;
    },
    abortAll: () => core.abortAll(),
  };

  const target = Object.create(null) as Record<string | symbol, unknown>;
  return new Proxy(target, {
    get(_target, property) {
      if (property === '$fake') return control;
      if (typeof property === 'symbol') return undefined;
      if (Object.prototype.hasOwnProperty.call(impl, property)) return impl[property];
      if (PROBED_NAMES.has(property)) return undefined;
      if (property in Object.prototype) return (Object.prototype as Record<string, unknown>)[property];
      throw new Error(
        `my.${property} is not supported by the runtime model (runtime/my/create-my.ts). ` +
          `Model it there, or stub it in this test with fakeMy.$fake.define('${property}', ...).`,
      );
    },
    set(_target, property, value) {
      if (typeof property === 'symbol' || property === '$fake') return false;
      impl[property] = value;
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
      return { value: impl[property], writable: true, enumerable: true, configurable: true };
    },
    deleteProperty(_target, property) {
      if (typeof property === 'string') delete impl[property];
      return true;
    },
  }) as unknown as FakeMy;
}

/** An EventChannel that goes nowhere, for navigateTo without a runtime. */
function inertChannel() {
  return { emit: () => undefined, on: () => undefined, off: () => undefined, once: () => undefined };
}
