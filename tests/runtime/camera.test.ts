import { createFakeMy } from '../../runtime/harness/fake-my';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';

type Video = { tempVideoPath: string; duration: number; size: number };
interface CameraContext {
  startRecord(o: { timeout?: number; timeoutCallback?: (v: Video) => void }): Promise<unknown>;
  stopRecord(o?: object): Promise<Video>;
  takePhoto(o?: object): Promise<{ tempImagePath: string }>;
}

const contextOf = (my: ReturnType<typeof createFakeMy>, id: string) =>
  (my as unknown as { createCameraContext(id: string): CameraContext }).createCameraContext(id);

describe('my.createCameraContext (the runtime model)', () => {
  it('records until stopRecord, and hands over a file uploadFile can read', async () => {
    const my = createFakeMy();
    my.$fake.camera.setVideo({ seconds: 7, bytes: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]) });
    const camera = contextOf(my, 'cam');
    await camera.startRecord({ timeout: 60 });
    const video = await camera.stopRecord();
    expect(video).toEqual({
      tempVideoPath: expect.stringMatching(/^temp:\/\/video-\d+\.mp4$/),
      tempThumbPath: '',
      duration: 7,
      size: 7,
    });
    expect(my.$fake.camera.recordings).toEqual([{ cameraId: 'cam', ended: 'stopped', path: video.tempVideoPath }]);
    await expect(camera.stopRecord()).rejects.toMatchObject({ error: 3, errorMessage: '没有正在进行的录像' });
  });

  it('ends a recording at its timeout and gives the video to timeoutCallback', async () => {
    const my = createFakeMy();
    const camera = contextOf(my, 'cam');
    const timedOut = new Promise<Video>(
      (resolve) => void camera.startRecord({ timeout: 0.05, timeoutCallback: resolve }),
    );
    const video = await timedOut;
    expect(video.tempVideoPath).toMatch(/^temp:\/\/video-/);
    expect(my.$fake.camera.recordings[0].ended).toBe('timeout');
  });

  it('refuses a second recording, a bad timeout, and a failing camera', async () => {
    const my = createFakeMy();
    const camera = contextOf(my, 'cam');
    await expect(camera.startRecord({ timeout: -1 })).rejects.toMatchObject({ error: 2 });
    await camera.startRecord({ timeout: 30 });
    await expect(camera.startRecord({ timeout: 30 })).rejects.toMatchObject({ error: 3, errorMessage: '正在录像中' });
    await camera.stopRecord();
    my.$fake.camera.fail({ error: 1004, errorMessage: '没有相机权限' });
    await expect(camera.startRecord({})).rejects.toMatchObject({ error: 1004 });
  });

  it('takes a photo', async () => {
    const my = createFakeMy();
    expect((await contextOf(my, 'cam').takePhoto()).tempImagePath).toMatch(/^temp:\/\/photo-\d+\.jpg$/);
  });
});

describe('<camera> when its page hides (the runtime model, as the simulator runs it too)', () => {
  const PAGE = 'tests/runtime/fixtures/pages/camera';
  let rt: Runtime;
  let callLog: string[];

  beforeEach(() => {
    jest.resetModules();
    rt = createRuntime({ appJson: { pages: [PAGE, 'tests/runtime/fixtures/pages/detail'] }, mountOnNavigate: true });
    callLog = rt.requireFromRoot<typeof import('./fixtures/call-log')>('tests/runtime/fixtures/call-log').callLog;
    callLog.length = 0;
  });
  afterEach(() => rt.dispose());

  it('throws the running take away and fires onStop when the app goes to the background', async () => {
    const page = rt.mountPage(PAGE);
    await page.call('record', 0.2);
    rt.enterBackground();
    await rt.flush();
    expect(callLog).toEqual(['camera:onHide', 'camera:onStop stop cam']);
    expect(rt.fake.camera.recordings).toEqual([{ cameraId: 'cam', ended: 'interrupted' }]);
    await expect(page.call('stop')).rejects.toMatchObject({ error: 3 });
    // The thrown-away take's time limit is gone with it: no timeoutCallback, ever.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(callLog).not.toContain('camera:timeoutCallback');
    // Back in the foreground the camera records again.
    rt.enterForeground();
    await page.call('record', 30);
    expect((await page.call('stop')) as { tempVideoPath: string }).toMatchObject({ tempVideoPath: /^temp:/ });
  });

  it('stops the camera when another page covers it', async () => {
    rt.mountPage(PAGE);
    my.navigateTo({ url: '/tests/runtime/fixtures/pages/detail' });
    await rt.flush();
    expect(callLog).toContain('camera:onStop stop cam');
  });
});
