/**
 * `<camera>` in the view: a live `<video>` of the browser's camera (getUserMedia; headless Chromium's fake
 * device with `--use-fake-device-for-media-stream --use-fake-ui-for-media-stream`), recorded with
 * MediaRecorder for the runtime model's camera part (runtime/my/camera.ts keeps the time limits). Events as
 * Alipay sends them (/mini/component/camera): ready; error with 1004 (no camera or camera permission) or
 * 1005 (no microphone permission); stop when the runtime model stops the cameras of a page that hides (runtime/my/camera.ts), which throws a
 * running recording away; the preview comes back when the page shows again.
 */
import type { RecordedVideo } from '../../runtime/my/parts';

export const CAMERA_UNAVAILABLE = 1004;
export const MICROPHONE_DENIED = 1005;

export interface CameraEvents {
  ready(): void;
  error(code: number, message: string): void;
  stop(): void;
}

interface Recording {
  id: string;
  recorder: MediaRecorder;
  startedAt: number;
  done: Promise<RecordedVideo>;
}

interface CameraState {
  video: HTMLVideoElement;
  devicePosition: string;
  stream: MediaStream | null;
  events: CameraEvents;
  recording: Recording | null;
  /** Stopped by the page hiding; the preview comes back when it shows again. */
  stopped: boolean;
}

const cameras = new WeakMap<Element, CameraState>();
let recordingSeq = 0;

/** Starts the preview inside `el`; `ready` or `error` follows. Returns the cleanup. */
export function mountCamera(el: HTMLElement, devicePosition: string, events: CameraEvents): () => void {
  const doc = el.ownerDocument;
  const video = doc.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.className = 'sim-camera-preview';
  // The front camera shows as a mirror, as on a phone.
  if (devicePosition !== 'back') video.style.transform = 'scaleX(-1)';
  el.appendChild(video);
  const state: CameraState = { video, devicePosition, stream: null, events, recording: null, stopped: false };
  cameras.set(el, state);
  openStream(el, state, () => state.events.ready());
  return () => release(el);
}

/** Asks for the camera (the shell's window asks and keeps the files: a page's blob: URLs die with its frame). */
function openStream(el: Element, state: CameraState, opened: () => void): void {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia) {
    queueMicrotask(() => state.events.error(CAMERA_UNAVAILABLE, '当前环境无法使用摄像头'));
  } else {
    const facingMode = state.devicePosition === 'back' ? 'environment' : 'user';
    media.getUserMedia({ video: { facingMode }, audio: true }).then(
      (stream) => {
        if (cameras.get(el) !== state || state.stopped) return stream.getTracks().forEach((track) => track.stop());
        state.stream = stream;
        state.video.srcObject = stream;
        opened();
      },
      (failure: { message?: string }) => {
        const microphone = /audio|microphone/i.test(failure.message ?? '');
        state.events.error(
          microphone ? MICROPHONE_DENIED : CAMERA_UNAVAILABLE,
          microphone ? '用户拒绝使用麦克风' : '用户拒绝使用摄像头或摄像头不可用',
        );
      },
    );
  }
}

/** The page hid: a running recording is thrown away and the camera says `stop`; the preview goes dark. */
export function stopCamera(el: Element): void {
  const state = cameras.get(el);
  if (!state || state.stopped) return;
  state.stopped = true;
  closeStream(state);
  state.events.stop();
}

/** The page shows again: the preview comes back (onReady was sent once, when the camera first opened). */
export function resumeCamera(el: Element): void {
  const state = cameras.get(el);
  if (!state?.stopped) return;
  state.stopped = false;
  openStream(el, state, () => undefined);
}

function release(el: Element): void {
  const state = cameras.get(el);
  if (!state) return;
  cameras.delete(el);
  closeStream(state);
}

function closeStream(state: CameraState): void {
  const recording = state.recording;
  state.recording = null;
  if (recording && recording.recorder.state !== 'inactive') {
    recording.recorder.ondataavailable = null;
    recording.recorder.stop();
  }
  state.stream?.getTracks().forEach((track) => track.stop());
  state.stream = null;
  state.video.srcObject = null;
}

export function startRecord(el: Element): { recordingId: string } {
  const state = cameras.get(el);
  if (!state?.stream) throw { error: 10, errorMessage: '相机未就绪' };
  if (state.recording) throw { error: 3, errorMessage: '正在录像中' };
  const recorder = new MediaRecorder(state.stream, { mimeType: 'video/webm' });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const startedAt = performance.now();
  const done = new Promise<RecordedVideo>((resolve) => {
    recorder.onstop = () => {
      const blob = new Blob(chunks, { type: 'video/webm' });
      resolve({
        // `<video>` plays it and my.uploadFile (in the logic worker, same origin) reads it.
        tempVideoPath: URL.createObjectURL(blob),
        tempThumbPath: '',
        duration: Math.round((performance.now() - startedAt) / 100) / 10,
        size: blob.size,
      });
    };
  });
  const id = `rec-${++recordingSeq}`;
  state.recording = { id, recorder, startedAt, done };
  recorder.start(250);
  return { recordingId: id };
}

export function stopRecord(el: Element, recordingId?: string): Promise<RecordedVideo> {
  const state = cameras.get(el);
  const recording = state?.recording;
  if (!state || !recording || (recordingId !== undefined && recording.id !== recordingId)) {
    return Promise.reject({ error: 3, errorMessage: '没有正在进行的录像' });
  }
  state.recording = null;
  recording.recorder.stop();
  return recording.done;
}

export function takePhoto(el: Element): Promise<{ tempImagePath: string }> {
  const state = cameras.get(el);
  if (!state?.stream) return Promise.reject({ error: 10, errorMessage: '相机未就绪' });
  const doc = el.ownerDocument;
  const canvas = doc.createElement('canvas');
  canvas.width = state.video.videoWidth || 640;
  canvas.height = state.video.videoHeight || 480;
  canvas.getContext('2d')?.drawImage(state.video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob ? resolve({ tempImagePath: URL.createObjectURL(blob) }) : reject({ error: 3, errorMessage: '拍照失败' }),
      'image/jpeg',
    ),
  );
}
