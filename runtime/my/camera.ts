/**
 * `my.createCameraContext(id)` (/mini/api/camera-context): takePhoto, startRecord, stopRecord on the page's
 * `<camera id>`. The platform's rules live here: `timeout` in seconds (default 30, at most 600) after which
 * the recording ends by itself and `timeoutCallback` gets the video; `stopRecord` without a recording fails.
 * The environment's `camera` part records (MediaRecorder in the simulator, scripted files in the jest
 * harness). The platform stops a page's cameras when the page hides (another page covers it, or the app goes
 * to the background, /mini/component/camera `onStop`): `pageHidden` is that rule, for both adapters (the
 * page lifecycle calls it); the running take is thrown away and `onStop` fires; `pageShown` brings the
 * preview back. `<camera>`'s other events (onReady, onError 1004/1005) are the view's.
 */
import { ERROR, fail, type Invoke } from '../core/invoke';
import type { CameraPart, RecordedVideo, Timers } from './parts';

type Options = Record<string, unknown>;

export const RECORD_TIMEOUT_DEFAULT_S = 30;
export const RECORD_TIMEOUT_MAX_S = 600;

interface TimeLimit {
  recordingId: string;
  timer: unknown;
  expire(): void;
}

export function createCameras(parts: {
  invoke: Invoke;
  camera: CameraPart;
  timers: Timers;
  report(what: string, error: unknown): void;
}) {
  const { invoke, camera, timers } = parts;
  /** The time limit of each camera's latest recording. */
  const limits = new Map<string, TimeLimit>();
  const dropLimits = () => {
    for (const limit of limits.values()) timers.clearTimeout(limit.timer);
    limits.clear();
  };

  function createCameraContext(id: unknown) {
    const cameraId = String(id ?? '');
    return {
      takePhoto: (o: Options = {}) => invoke('CameraContext.takePhoto', o, () => camera.takePhoto(cameraId)),
      startRecord: (o: Options = {}) =>
        invoke('CameraContext.startRecord', o, async () => {
          const asked = o.timeout === undefined ? RECORD_TIMEOUT_DEFAULT_S : Number(o.timeout);
          if (!Number.isFinite(asked) || asked <= 0) fail(ERROR.invalidParams, 'timeout 参数错误');
          const seconds = Math.min(RECORD_TIMEOUT_MAX_S, asked);
          const { recordingId } = await camera.startRecord(cameraId);
          const onTimeout =
            typeof o.timeoutCallback === 'function' ? (o.timeoutCallback as (v: RecordedVideo) => void) : null;
          const expire = () => {
            if (limits.get(cameraId) !== limit) return;
            timers.clearTimeout(limit.timer);
            limits.delete(cameraId);
            camera.stopRecord(cameraId, recordingId).then(
              (video) => {
                try {
                  onTimeout?.(video);
                } catch (error) {
                  parts.report('CameraContext.startRecord timeoutCallback', error);
                }
              },
              // Already over: stopped by tap, or thrown away when the page hid (the view sent onStop).
              () => undefined,
            );
          };
          const limit: TimeLimit = { recordingId, timer: timers.setTimeout(() => expire(), seconds * 1000), expire };
          const previous = limits.get(cameraId);
          if (previous) timers.clearTimeout(previous.timer);
          limits.set(cameraId, limit);
          return { success: true };
        }),
      stopRecord: (o: Options = {}) =>
        invoke('CameraContext.stopRecord', o, () => {
          const limit = limits.get(cameraId);
          if (limit) timers.clearTimeout(limit.timer);
          limits.delete(cameraId);
          return camera.stopRecord(cameraId);
        }),
    };
  }

  return {
    createCameraContext,
    control: {
      /** Drops every time limit (the runtime is disposed). */
      abortAll: dropLimits,
      /**
       * The page hid: its cameras stop. A running take is thrown away, so its time limit goes too (no
       * timeoutCallback for a video that does not exist); then the part stops each camera, which fires onStop.
       */
      pageHidden(pageId: string): Promise<void> {
        dropLimits();
        return camera.stopAll(pageId).catch((error: unknown) => parts.report('<camera> stop on page hide', error));
      },
      /** The page shows again: its cameras preview again; recording needs a new startRecord. */
      pageShown(pageId: string): Promise<void> {
        return camera.resumeAll(pageId).catch((error: unknown) => parts.report('<camera> resume on page show', error));
      },
      /** Ends a camera's recording as its time limit would, now (tests). Returns false when none runs. */
      expire(cameraId: string): boolean {
        const limit = limits.get(cameraId);
        limit?.expire();
        return !!limit;
      },
    },
  };
}
