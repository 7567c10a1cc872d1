/**
 * The simulator's `my`: the one `my` core (runtime/my/create-my.ts) with the browser's parts: fetch and
 * WebSocket (the app's API base rewritten to the simulator's mock), storage mirrored to the main thread's
 * localStorage, and everything with a screen (toast, dialogs, pickers, consent sheets, map, tab badges)
 * asked of the shell. Only what needs the browser itself stays here (downloadFile, getImageInfo).
 */
import { fail, type Invoke } from '../../runtime/core/invoke';
import { createMyCore } from '../../runtime/my/create-my';
import type { RecordedVideo, SocketLike } from '../../runtime/my/parts';
import type { LogicRuntime, MyApis } from '../core/logic-runtime';
import type { SimSettings } from '../core/protocol';

type Options = Record<string, unknown>;

export function createBrowserMy(runtime: LogicRuntime, invoke: Invoke): MyApis {
  const config = runtime.config;
  if (!config) throw new Error('my needs the launch config');
  const settings = (): SimSettings => (runtime.config ?? config).settings;

  /** The app's requests go to the API base it was built with; the simulator sends them to its mock. */
  const rewrite = (url: string): string => {
    const base = config.appApiBase.replace(/\/$/, '');
    const target = config.mockUrl.replace(/\/$/, '');
    if (url.startsWith(base)) return target + url.slice(base.length);
    const wsBase = base.replace(/^http/, 'ws');
    if (url.startsWith(wsBase)) return target.replace(/^http/, 'ws') + url.slice(wsBase.length);
    return url;
  };

  const fetchFile = async (path: string): Promise<Blob> => {
    const response = await fetch(path.startsWith('/') ? `${config.origin}${path}` : path);
    if (!response.ok) fail(4, `file ${path} not found`);
    return response.blob();
  };

  const core = createMyCore(
    {
      invoke,
      report: (what, error) => runtime.reportError(what, error),
      fetch: (input, init) => fetch(input, init),
      timers: { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (h) => clearTimeout(h as number) },
      rewriteUrl: rewrite,
      // The browser's WebSocket sends no custom headers.
      openSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
      storage: {
        initial: config.storage,
        persist: (change) => runtime.post({ t: 'storage', ...change }),
      },
      ui: (name, options) => runtime.callMain(name, options),
      readFile: fetchFile,
      // The page's <camera> lives in the view (main thread): recording happens there.
      camera: {
        startRecord: (cameraId) =>
          runtime.callMain('camera', { op: 'startRecord', cameraId }) as Promise<{ recordingId: string }>,
        stopRecord: (cameraId, recordingId) =>
          runtime.callMain('camera', { op: 'stopRecord', cameraId, recordingId }) as Promise<RecordedVideo>,
        takePhoto: (cameraId) =>
          runtime.callMain('camera', { op: 'takePhoto', cameraId }) as Promise<{ tempImagePath: string }>,
        stopAll: async (pageId) => {
          await runtime.callMain('camera', { op: 'stopAll', pageId });
        },
        resumeAll: async (pageId) => {
          await runtime.callMain('camera', { op: 'resumeAll', pageId });
        },
      },
      location: () => settings().location,
      authCode: () => `u_${settings().authUser}.${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`,
      systemInfo: () => config.systemInfo,
      now: () => Date.now(),
    },
    { networkType: settings().offline ? 'NOTREACHABLE' : 'WIFI' },
  );

  const launchOptions = () => ({
    path: config.launch.path ?? '',
    query: config.launch.query,
    scene: 1001,
    referrerInfo: {},
  });

  return {
    ...core.apis,
    /** The side panel's switches: going offline fails requests with 12, fires listeners and drops sockets. */
    $settingsChanged: (changed: Partial<SimSettings>) => {
      if (changed.offline === undefined || changed.offline === !core.network.online) return;
      core.network.set(changed.offline ? 'NOTREACHABLE' : 'WIFI');
    },
    $componentError: core.componentError,
    /** A page hid (the logic runtime's page lifecycle): the core stops its cameras. */
    $pageHidden: (pageId: string) => core.camera.pageHidden(pageId),
    $pageShown: (pageId: string) => core.camera.pageShown(pageId),
    // The shell shows (and tests read) whether the screen is kept on; the rule itself is the core's.
    setKeepScreenOn: (options: Options = {}) => {
      void runtime.callMain('setKeepScreenOn', { keepScreenOn: Boolean(options.keepScreenOn) });
      return (core.apis.setKeepScreenOn as (o: Options) => unknown)(options);
    },
    getAccountInfoSync: () => ({ miniProgram: { appId: '2021000000000000', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: launchOptions,
    getEnterOptionsSync: launchOptions,
    downloadFile: (options: Options = {}) =>
      invoke('downloadFile', options, async () => {
        if (!core.network.online) fail(12, '网络出错');
        const blob = await fetchFile(rewrite(String(options.url ?? '')));
        const apFilePath = URL.createObjectURL(blob);
        return { apFilePath, tempFilePath: apFilePath, filePath: apFilePath };
      }),
    getImageInfo: (options: Options = {}) =>
      invoke('getImageInfo', options, async () => {
        const blob = await fetchFile(String(options.src ?? ''));
        const bitmap = await createImageBitmap(blob);
        return { width: bitmap.width, height: bitmap.height, path: options.src, type: blob.type.split('/')[1] ?? '' };
      }),
  };
}

/**
 * `requirePlugin('rtc')`: the mPaaS RTC plugin's API as the simulator models it. Each call is run by the
 * flex component's host on the main thread (rtc-flex.ts); the signalling address the app was built with is
 * sent to the simulator's mock like its requests.
 */
export function createRtcPluginModel(runtime: LogicRuntime): Record<string, unknown> {
  const config = runtime.config;
  if (!config) throw new Error('the rtc plugin needs the launch config');
  const op = (name: string, args: Record<string, unknown> = {}) => runtime.callMain('rtc', { op: name, ...args });
  const toMock = (url: string) => {
    const base = config.appApiBase.replace(/\/$/, '').replace(/^http/, 'ws');
    return url.startsWith(base)
      ? config.mockUrl.replace(/\/$/, '').replace(/^http/, 'ws') + url.slice(base.length)
      : url;
  };
  return {
    join: (roomId: string, options: Record<string, unknown> = {}) =>
      op('join', {
        roomId,
        config: {
          ...options,
          signalUrl: typeof options.signalUrl === 'string' ? toMock(options.signalUrl) : undefined,
        },
      }),
    leave: () => op('leave'),
    mute: (muted: boolean) => op('mute', { muted }),
    enableCamera: (enabled: boolean) => op('enableCamera', { enabled }),
    switchCamera: () => op('switchCamera'),
  };
}
