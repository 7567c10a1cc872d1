/**
 * The parts an environment injects into the one `my` core (create-my.ts): the browser simulator gives the
 * browser's fetch and WebSocket and asks its shell for anything with a screen; the jest harness gives Node's
 * fetch, the `ws` package, and records and scripted answers instead of a screen.
 */
import type { Invoke } from '../core/invoke';

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The part of a WebSocket the core uses: the browser's WebSocket and the `ws` package both fit. */
export interface SocketLike {
  readonly readyState: number;
  binaryType: string;
  send(data: string | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
}

export type SocketFactory = (
  url: string,
  protocols: string[] | undefined,
  headers: Record<string, string>,
) => SocketLike;

/** Anything with a screen or a person behind it: toasts, dialogs, pickers, consent sheets, the map, the dialer. */
export type UiPart = (api: string, options: Record<string, unknown>) => unknown;

export interface LocationAnswer {
  longitude: number;
  latitude: number;
  accuracy?: number;
  province?: string;
  city?: string;
  cityAdcode?: string;
  district?: string;
}

/** A finished recording as `startRecord`'s timeoutCallback and `stopRecord` answer it. */
export interface RecordedVideo {
  /** A local file the page can play and my.uploadFile can read. */
  tempVideoPath: string;
  tempThumbPath: string;
  /** Seconds. */
  duration: number;
  size: number;
}

/**
 * The camera behind `<camera id>` of the top page: records until stopped. A failure is a MyError (no
 * such camera, not ready, already recording). `<camera>`'s events (ready, error) are the view's.
 */
export interface CameraPart {
  startRecord(cameraId: string): Promise<{ recordingId: string }>;
  /** Ends the recording (only `recordingId` when given: a time limit never ends a later take). */
  stopRecord(cameraId: string, recordingId?: string): Promise<RecordedVideo>;
  takePhoto(cameraId: string): Promise<{ tempImagePath: string }>;
  /**
   * Stops every `<camera>` of the page `pageId` (runtime/my/camera.ts decides when: the page hid): a running
   * recording is thrown away (no file), then each camera fires its `onStop`.
   */
  stopAll(pageId: string): Promise<void>;
  /** The page shows again: its stopped cameras preview again (no second onReady). */
  resumeAll(pageId: string): Promise<void>;
}

export interface MyParts {
  invoke: Invoke;
  /** A listener the app gave threw (network status, socket events, upload progress). */
  report(what: string, error: unknown): void;
  fetch: typeof fetch;
  timers: Timers;
  /** Where a URL is reached from here (the simulator sends the app's API base to its mock). Default: as is. */
  rewriteUrl?(url: string): string;
  openSocket: SocketFactory;
  /** Storage content to start with (serialized values, as kept) and where changes go. */
  storage: { initial?: Record<string, string>; persist?(op: StorageOp): void };
  ui: UiPart;
  /** A local file (what chooseImage handed out), for uploadFile. */
  readFile(path: string): Promise<Blob>;
  camera: CameraPart;
  /** The position getLocation answers, or a failure. */
  location(): LocationAnswer | { error: number; errorMessage: string };
  /** The Alipay user whose auth codes getAuthCode issues. */
  authCode(scopes: string[]): string;
  systemInfo(): Record<string, unknown>;
  /** Server time in ms for my.getServerTime. */
  now(): number;
  /**
   * How an HTTP answer ≥ 400 reaches the app: `'fail19'` (default) is what Alipay documents, `fail` with
   * `{ error: 19, errorMessage: 'http status error', status, data, headers }`; `'success'` hands it to success.
   */
  httpStatusErrors?: 'fail19' | 'success';
}

export type StorageOp = { op: 'set'; key: string; value: string } | { op: 'remove'; key: string } | { op: 'clear' };
