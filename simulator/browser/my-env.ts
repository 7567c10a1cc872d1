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
