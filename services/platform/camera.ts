import type { PlatformFailure } from './failure';

/** A finished recording as `startRecord` / `stopRecord` hand it over. */
export interface RecordedVideo {
  /** Local temporary file, for my.uploadFile. */
  path: string;
  durationMs: number;
  sizeBytes: number;
}

/** `<camera onError>` codes: no camera (or camera permission refused), no microphone permission. */
export const CAMERA_UNAVAILABLE = 1004;
export const MICROPHONE_DENIED = 1005;

export function cameraErrorMessage(code: number | undefined): string {
  if (code === MICROPHONE_DENIED) return '没有麦克风权限：请在支付宝设置中允许使用麦克风后重试';
  if (code === CAMERA_UNAVAILABLE) return '无法使用摄像头：请在支付宝设置中允许使用相机后重试';
  return '相机启动失败，请退出后重试';
}

/** What `startRecord` and `stopRecord` answer (not in @mini-types/alipay's typings). */
interface RecordAnswer {
  tempVideoPath: string;
  tempThumbPath?: string;
  /** Its unit is not documented: a value under 1000 is read as seconds, a larger one as ms. */
  duration?: number;
  size?: number;
}

interface CameraContext {
  startRecord(options: {
    timeout: number;
    timeoutCallback?: (answer: RecordAnswer) => void;
    success?: () => void;
    fail?: (failure: PlatformFailure) => void;
  }): void;
  stopRecord(options: { success?: (answer: RecordAnswer) => void; fail?: (failure: PlatformFailure) => void }): void;
}

type WithCamera = { createCameraContext(id: string): CameraContext };

function toVideo(answer: RecordAnswer, startedAt: number): RecordedVideo {
  const reported = answer.duration ?? 0;
  const durationMs = reported > 0 ? (reported < 1000 ? Math.round(reported * 1000) : Math.round(reported)) : 0;
  return {
    path: answer.tempVideoPath,
    durationMs: durationMs || Math.max(1, Date.now() - startedAt),
    sizeBytes: answer.size ?? 0,
  };
}

/**
 * One recording on the page's `<camera id>` (after its onReady). `start` resolves once recording runs;
 * `finished` resolves with the video when the time limit is reached or `stop` is called.
 */
export class CameraRecording {
  private readonly context: CameraContext;
  private startedAt = 0;
  private settle: ((video: RecordedVideo) => void) | null = null;
  private fail: ((failure: PlatformFailure) => void) | null = null;
  readonly finished: Promise<RecordedVideo>;

  constructor(cameraId: string) {
    this.context = (my as unknown as WithCamera).createCameraContext(cameraId);
    this.finished = new Promise<RecordedVideo>((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
    // A caller that only awaits start() must not see an unhandled rejection.
    this.finished.catch(() => undefined);
  }

  start(timeoutSeconds: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.startedAt = Date.now();
      this.context.startRecord({
        timeout: timeoutSeconds,
        timeoutCallback: (answer) => this.settle?.(toVideo(answer, this.startedAt)),
        success: () => resolve(),
        fail: (failure) => {
          reject(failure);
          this.fail?.(failure);
        },
      });
    });
  }

  /** Stops by tap; the video arrives through `finished`. */
  stop(): void {
    this.context.stopRecord({
      success: (answer) => this.settle?.(toVideo(answer, this.startedAt)),
      fail: (failure) => this.fail?.(failure),
    });
  }
}
