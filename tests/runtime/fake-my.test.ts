import {
  createFakeMy,
  REQUEST_ERRORS,
  STORAGE_ERRORS,
  STORAGE_KEY_LIMIT_BYTES,
  type FakeMy,
  type MyFailure,
} from '../../runtime/harness/fake-my';
import { sendJson, startServer, type TestServer } from './fixtures/http-server';

type RequestOptions = Parameters<FakeMy['request']>[0];
type RequestSuccess = Parameters<NonNullable<RequestOptions['success']>>[0];

/** Calls fake.request with callbacks and resolves with which one ran and its argument (plus complete's). */
function requestVia(fake: FakeMy, options: Omit<RequestOptions, 'success' | 'fail' | 'complete'>) {
  return new Promise<{ outcome: 'success' | 'fail'; value: Record<string, unknown>; completed: unknown }>((resolve) => {
    let outcome: 'success' | 'fail' = 'success';
    let value: Record<string, unknown> = {};
    fake.request({
      ...options,
      success: (res) => {
        value = res as unknown as Record<string, unknown>;
      },
      fail: (failure) => {
        outcome = 'fail';
        value = failure as Record<string, unknown>;
      },
      complete: (arg) => resolve({ outcome, value, completed: arg }),
    });
  });
}

/** A string of exactly `bytes` bytes once JSON-serialized (two quotes included). */
function jsonOfBytes(bytes: number): string {
  return 'x'.repeat(bytes - 2);
}

describe('fake my.request (real HTTP)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      if (request.url.startsWith('/jobs'))
        return sendJson(response, 200, { items: [{ id: 'j1' }], query: request.url });
      if (request.url === '/echo') return sendJson(response, 201, { body: request.body, headers: request.headers });
      if (request.url === '/missing')
        return sendJson(response, 404, { error: { code: 'NOT_FOUND', message: '没有这个职位' } });
      if (request.url === '/boom') return sendJson(response, 500, { error: { code: 'INTERNAL', message: 'x' } });
      if (request.url === '/text') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.end('not json');
      }
      if (request.url === '/slow') return; // never answers
      sendJson(response, 404, {});
    });
  });
  afterAll(() => server.close());

  it('delivers 2xx through success with data, status and headers, then complete; the promise resolves too', async () => {
    const fake = createFakeMy();
    const { outcome, value, completed } = await requestVia(fake, { url: `${server.origin}/jobs?page=1` });
    expect(outcome).toBe('success');
    expect(value).toMatchObject({ status: 200, statusCode: 200, data: { items: [{ id: 'j1' }] } });
    expect((value.headers as Record<string, string>)['x-test']).toBe('yes');
    expect(completed).toBe(value);
    const answer = (await fake.request({ url: `${server.origin}/jobs` })) as RequestSuccess;
    expect(answer.status).toBe(200);
    expect(fake.$fake.requestCount).toBe(2);
    expect(fake.$fake.requests[0]).toMatchObject({ method: 'GET', url: `${server.origin}/jobs?page=1`, status: 200 });
  });

  it('never calls back synchronously', () => {
    const fake = createFakeMy();
    const success = jest.fn();
    fake.request({ url: `${server.origin}/jobs`, success });
    expect(success).not.toHaveBeenCalled();
  });

  it('sends a string body as it is, with the default JSON content-type and the given headers', async () => {
    const fake = createFakeMy();
    const body = JSON.stringify({ name: '张三' });
    const { value } = await requestVia(fake, {
      url: `${server.origin}/echo`,
      method: 'POST',
      data: body,
      headers: { authorization: 'Bearer t1', 'idempotency-key': 'k1' },
    });
    const echoed = value.data as { body: string; headers: Record<string, string> };
    expect(value.status).toBe(201);
    expect(echoed.body).toBe(body);
    expect(echoed.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer t1',
      'idempotency-key': 'k1',
    });
  });

  it('turns object data into a query string on GET', async () => {
    const fake = createFakeMy();
    const { value } = await requestVia(fake, { url: `${server.origin}/jobs`, data: { city: '杭州', page: '2' } });
    expect((value.data as { query: string }).query).toBe('/jobs?city=%E6%9D%AD%E5%B7%9E&page=2');
  });

  it('reports 4xx and 5xx as Alipay documents: fail with error 19 carrying status, data and headers', async () => {
    const fake = createFakeMy();
    const notFound = await requestVia(fake, { url: `${server.origin}/missing` });
    expect(notFound.outcome).toBe('fail');
    expect(notFound.value).toMatchObject({
      error: REQUEST_ERRORS.httpStatus,
      errorMessage: 'http status error',
      status: 404,
      data: { error: { code: 'NOT_FOUND', message: '没有这个职位' } },
    });
    expect((notFound.value.headers as Record<string, string>)['x-test']).toBe('yes');
    await expect(fake.request({ url: `${server.origin}/boom` })).rejects.toMatchObject({ error: 19, status: 500 });
  });

  it("can hand HTTP errors to success instead (httpStatusErrors: 'success')", async () => {
    const fake = createFakeMy({ httpStatusErrors: 'success' });
    const { outcome, value } = await requestVia(fake, { url: `${server.origin}/missing` });
    expect(outcome).toBe('success');
    expect(value).toMatchObject({ status: 404, data: { error: { code: 'NOT_FOUND' } } });
  });

  it('fails with error 14 when dataType json meets a body that is not JSON; text passes it through', async () => {
    const fake = createFakeMy();
    const json = await requestVia(fake, { url: `${server.origin}/text` });
    expect(json.value).toMatchObject({ error: REQUEST_ERRORS.decode, errorMessage: 'JSON parse data error' });
    const text = await requestVia(fake, { url: `${server.origin}/text`, dataType: 'text' });
    expect(text.value).toMatchObject({ status: 200, data: 'not json' });
  });

  it('fails with error 12 when nothing answers (connection refused)', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const fake = createFakeMy();
    const { outcome, value } = await requestVia(fake, { url: `${closed.origin}/jobs` });
    expect(outcome).toBe('fail');
    expect(value.error).toBe(REQUEST_ERRORS.network);
  });

  it('fails with error 13 when the answer takes longer than timeout', async () => {
    const fake = createFakeMy();
    const started = Date.now();
    const { value } = await requestVia(fake, { url: `${server.origin}/slow`, timeout: 100 });
    expect(value).toMatchObject({ error: REQUEST_ERRORS.timeout });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails with error 9 when the task is aborted', async () => {
    const fake = createFakeMy();
    const failure = new Promise<MyFailure>((resolve) => {
      const task = fake.request({ url: `${server.origin}/slow`, fail: (f) => resolve(f as MyFailure) });
      task.abort({ requestTaskId: 0, operationType: 'abort' });
    });
    await expect(failure).resolves.toMatchObject({ error: REQUEST_ERRORS.abort });
  });

  it('offline: every request fails with error 12 without reaching the server; listeners and getNetworkType follow', async () => {
    const fake = createFakeMy();
    const listener = jest.fn();
    fake.onNetworkStatusChange(listener);
    const hitsBefore = server.received.length;
    fake.$fake.setOffline(true);
    expect(listener).toHaveBeenLastCalledWith({ isConnected: false, networkType: 'NOTREACHABLE' });
    await expect(fake.getNetworkType()).resolves.toEqual({ networkAvailable: false, networkType: 'NOTREACHABLE' });
    const offline = await requestVia(fake, { url: `${server.origin}/jobs` });
    expect(offline.value).toMatchObject({ error: REQUEST_ERRORS.network });
    expect(server.received.length).toBe(hitsBefore);
    fake.$fake.setNetworkType('4G');
    expect(listener).toHaveBeenLastCalledWith({ isConnected: true, networkType: '4G' });
    expect((await requestVia(fake, { url: `${server.origin}/jobs` })).outcome).toBe('success');
    fake.offNetworkStatusChange(listener);
    fake.$fake.setOffline(false);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(fake.$fake.requestCount).toBe(2);
  });
});

describe('fake my storage', () => {
  it('round-trips values as copies, gives null for a missing key, removes and clears', async () => {
    const fake = createFakeMy();
    const tokens = { access: 'a1', expiresAt: 1 };
    expect(fake.setStorageSync({ key: 'tokens', data: tokens })).toEqual({ success: true });
    tokens.access = 'changed';
    expect(fake.getStorageSync({ key: 'tokens' })).toEqual({ data: { access: 'a1', expiresAt: 1 } });
    expect(fake.getStorageSync({ key: 'nothing' })).toEqual({ data: null });
    const got = await new Promise((resolve) => fake.getStorage({ key: 'tokens', success: resolve }));
    expect(got).toEqual({ data: { access: 'a1', expiresAt: 1 } });
    await fake.setStorage({ key: 'city', data: '杭州' });
    await expect(fake.getStorage({ key: 'city' })).resolves.toEqual({ data: '杭州' });
    await expect(fake.removeStorage({ key: 'city' })).resolves.toEqual({ success: true });
    expect(fake.$fake.storage.keys()).toEqual(['tokens']);
    expect(fake.clearStorageSync()).toEqual({ success: true });
    expect(fake.$fake.storage.keys()).toEqual([]);
  });

  it('refuses more than 200 KB under one key with error 14', async () => {
    const fake = createFakeMy();
    expect(fake.setStorageSync({ key: 'edge', data: jsonOfBytes(STORAGE_KEY_LIMIT_BYTES) })).toEqual({ success: true });
    const tooBig = jsonOfBytes(STORAGE_KEY_LIMIT_BYTES + 1);
    expect(fake.setStorageSync({ key: 'big', data: tooBig })).toMatchObject({
      success: false,
      error: STORAGE_ERRORS.keyTooLarge,
    });
    const fail = jest.fn();
    await fake.setStorage({ key: 'big', data: tooBig, fail }).catch(() => undefined);
    expect(fail).toHaveBeenCalledWith({ error: 14, errorMessage: 'data长度超限' });
    expect(fake.$fake.storage.keys()).toEqual(['edge']);
  });

  it('refuses writes past 10 MB in all with error 12, and accepts them again after a remove', async () => {
    const fake = createFakeMy();
    const chunk = jsonOfBytes(STORAGE_KEY_LIMIT_BYTES); // 200 KB: 51 of them make 10 200 KB
    for (let i = 0; i < 51; i++) expect(fake.setStorageSync({ key: `k${i}`, data: chunk }).success).toBe(true);
    await expect(fake.setStorage({ key: 'k51', data: chunk })).rejects.toEqual({
      error: STORAGE_ERRORS.totalFull,
      errorMessage: '存储总大小达到上限',
    });
    expect(fake.setStorageSync({ key: 'k0', data: chunk }).success).toBe(true); // overwrite: same total
    fake.removeStorageSync({ key: 'k1' });
    expect(fake.setStorageSync({ key: 'k51', data: chunk }).success).toBe(true);
  });

  it('rejects an empty key with error 2 and can be seeded', async () => {
    const fake = createFakeMy({ storage: { session: { userId: 'u1' } } });
    await expect(fake.setStorage({ key: '', data: 1 })).rejects.toMatchObject({ error: 2 });
    expect(fake.getStorageSync({ key: 'session' }).data).toEqual({ userId: 'u1' });
  });
});

describe('fake my: auth, UI, location, system', () => {
  it('getAuthCode returns u_<user>.<n>, counting up, and can fail', async () => {
    const fake = createFakeMy({ authUser: 'alice' });
    await expect(fake.getAuthCode({ scopes: 'auth_base' })).resolves.toMatchObject({
      authCode: expect.stringMatching(/^u_alice\.1-/),
    });
    fake.$fake.setAuthUser('bob');
    const success = jest.fn();
    fake.getAuthCode({ scopes: ['auth_user'], success });
    await new Promise((resolve) => setImmediate(resolve));
    expect(success).toHaveBeenCalledWith({
      authCode: expect.stringMatching(/^u_bob\.2-/),
      authErrorScopes: {},
      authSuccessScopes: ['auth_user'],
    });
    fake.$fake.failAuthCode();
    await expect(fake.getAuthCode({ scopes: 'auth_base' })).rejects.toMatchObject({ error: 11 });
    fake.$fake.failAuthCode(null);
    await expect(fake.getAuthCode()).resolves.toMatchObject({ authCode: expect.stringMatching(/^u_bob\.3-/) });
    expect(fake.$fake.authCodes.map((entry) => entry.scopes)).toEqual([
      ['auth_base'],
      ['auth_user'],
      ['auth_base'],
      ['auth_base'],
    ]);
  });

  it('records UI calls and answers confirm and action sheets as configured', async () => {
    const fake = createFakeMy();
    fake.showLoading({ content: '加载中' });
    expect(fake.$fake.loadingVisible).toBe(true);
    fake.hideLoading();
    expect(fake.$fake.loadingVisible).toBe(false);
    fake.showToast({ content: '已投递', type: 'success' });
    fake.alert({ title: '提示', content: '简历未完善' });
    expect(await fake.confirm({ content: '撤回投递？' })).toEqual({ confirm: true });
    fake.$fake.answerConfirm(false);
    expect(await fake.confirm({ content: '撤回投递？' })).toEqual({ confirm: false });
    fake.$fake.answerActionSheet(1);
    expect(await fake.showActionSheet({ items: ['拍照', '相册'] })).toEqual({ index: 1, success: true });
    expect(await fake.showActionSheet({ items: ['拍照', '相册'] })).toEqual({ index: -1, success: true });
    fake.hideToast();
    expect(fake.$fake.ui.map((entry) => entry.api)).toEqual([
      'showLoading',
      'hideLoading',
      'showToast',
      'alert',
      'confirm',
      'confirm',
      'showActionSheet',
      'showActionSheet',
      'hideToast',
    ]);
    expect(fake.$fake.lastToast()).toEqual({ api: 'showToast', content: '已投递', type: 'success' });
  });

  it('answers prompt as queued (cancel when nothing is) and keeps the tab badges the app set', async () => {
    const fake = createFakeMy();
    fake.$fake.answerPrompt('招聘收费', null);
    expect(await fake.prompt({ title: '举报原因' })).toMatchObject({ ok: true, inputValue: '招聘收费' });
    expect(await fake.prompt({ title: '举报原因' })).toMatchObject({ ok: false });
    expect(await fake.prompt({ title: '举报原因' })).toMatchObject({ ok: false });
    await fake.setTabBarBadge({ index: 1, text: '3' });
    await fake.setTabBarBadge({ index: 2, text: '1' });
    await fake.removeTabBarBadge({ index: 2 });
    expect([...fake.$fake.tabBadges]).toEqual([[1, '3']]);
  });

  it('chooseCity cancels with error 11 unless answered; getLocation gives the set position', async () => {
    const fake = createFakeMy();
    await expect(fake.chooseCity()).rejects.toEqual({ error: 11, errorMessage: '用户取消操作' });
    fake.$fake.answerChooseCity({ city: '温州', adCode: '330300' });
    await expect(fake.chooseCity({ showLocatedCity: true })).resolves.toEqual({ city: '温州', adCode: '330300' });
    await expect(fake.getLocation()).resolves.toMatchObject({ longitude: '120.15507', city: '杭州市' });
    fake.$fake.setLocation({ longitude: 116.4, latitude: 39.9, city: '北京市' });
    await expect(fake.getLocation()).resolves.toMatchObject({ longitude: '116.4', latitude: '39.9', city: '北京市' });
    fake.$fake.setLocation({ error: 2001, errorMessage: '用户拒绝给小程序授权' });
    await expect(fake.getLocation()).rejects.toMatchObject({ error: 2001 });
  });

  it('getSystemInfoSync describes a 375-wide phone', () => {
    const info = createFakeMy().getSystemInfoSync();
    expect(info).toMatchObject({ windowWidth: 375, screenWidth: 375, platform: 'iOS' });
  });

  it('navigation without a runtime succeeds and is recorded', async () => {
    const fake = createFakeMy();
    await fake.navigateTo({ url: '/pages/job/index?id=1' });
    await fake.navigateBack({ delta: 2 });
    expect(fake.$fake.navigation).toEqual([
      { api: 'navigateTo', url: '/pages/job/index?id=1' },
      { api: 'navigateBack', delta: 2 },
    ]);
  });

  it('records a callback that throws as a problem instead of losing it', async () => {
    const fake = createFakeMy();
    fake.showToast({
      content: 'x',
      success: () => {
        throw new Error('bug in success');
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.$fake.problems).toEqual([expect.stringContaining('bug in success')]);
  });
});

describe('fake my: media, upload, phone number, leave guard', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      if (request.url === '/payload') return sendJson(response, 200, { response: `payload-for:${request.body}` });
      sendJson(response, 201, { contentType: request.headers['content-type'], body: request.body });
    });
  });
  afterAll(() => server.close());

  it('chooseImage hands out added files with their size; cancel is error 11 by default', async () => {
    const fake = createFakeMy();
    await expect(fake.chooseImage({})).rejects.toMatchObject({ error: 11 });
    const path = fake.$fake.addFile({ bytes: 'abc', imageType: 'png' });
    fake.$fake.answerChooseImage([path]);
    const chosen = await fake.chooseImage({ count: 1 });
    expect(chosen.tempFiles).toEqual([{ path, size: 3 }]);
    await expect(fake.getImageInfo({ src: path })).resolves.toMatchObject({ type: 'png' });
  });

  it('uploadFile sends multipart with the form data, reports progress and any HTTP status to success', async () => {
    const fake = createFakeMy();
    const path = fake.$fake.addFile({ path: 'temp://cv.jpg', bytes: 'JPEG' });
    const progress: number[] = [];
    const result = await new Promise<{ statusCode: number; data: string }>((resolve, reject) => {
      const task = fake.uploadFile({
        url: `${server.origin}/upload`,
        filePath: path,
        name: 'file',
        fileType: 'image',
        formData: { fileName: '简历.jpg' },
        header: { authorization: 'Bearer t' },
        success: resolve,
        fail: reject,
      });
      task.onProgressUpdate((update) => progress.push(update.progress));
    });
    expect(result.statusCode).toBe(201);
    const echoed = JSON.parse(result.data) as { contentType: string; body: string };
    expect(echoed.contentType).toMatch(/^multipart\/form-data/);
    expect(echoed.body).toContain('简历.jpg');
    expect(echoed.body).toContain('filename="cv.jpg"');
    expect(progress).toEqual([50, 100]);
    expect(fake.$fake.uploads[0]).toMatchObject({ name: 'file', status: 201, headers: { authorization: 'Bearer t' } });
    await expect(
      fake.uploadFile({ url: `${server.origin}/upload`, filePath: 'temp://missing', name: 'file', fileType: 'image' }),
    ).rejects.toMatchObject({ error: 11 });
  });

  it('getPhoneNumber answers as configured: a response, one fetched from a URL, or a failure', async () => {
    const fake = createFakeMy();
    await expect(fake.getPhoneNumber()).rejects.toMatchObject({ error: 11 });
    fake.$fake.answerPhoneNumber({ response: 'r1' });
    await expect(fake.getPhoneNumber()).resolves.toEqual({ response: 'r1' });
    fake.$fake.answerPhoneNumber({ payloadUrl: `${server.origin}/payload`, mobile: '13812345678' });
    await expect(fake.getPhoneNumber()).resolves.toEqual({ response: 'payload-for:{"mobile":"13812345678"}' });
    expect(fake.$fake.phoneNumberCalls).toBe(3);
  });

  it('records the leave guard', async () => {
    const fake = createFakeMy();
    await fake.enableAlertBeforeUnload({ message: '确定离开？' });
    expect(fake.$fake.alertBeforeUnload).toEqual({ enabled: true, message: '确定离开？' });
    await fake.disableAlertBeforeUnload();
    expect(fake.$fake.alertBeforeUnload).toEqual({ enabled: false });
    expect(fake.$fake.alertBeforeUnloadCalls.map((c) => c.api)).toEqual([
      'enableAlertBeforeUnload',
      'disableAlertBeforeUnload',
    ]);
  });
});

describe('fake my: unsupported APIs', () => {
  it('throws an Error naming an API the fake does not implement', () => {
    const fake = createFakeMy();
    expect(() => fake.startBluetoothDevicesDiscovery({ services: [] })).toThrow(
      /my\.startBluetoothDevicesDiscovery is not supported/,
    );
    expect(() => fake.chooseVideo).toThrow(/my\.chooseVideo/);
  });

  it('answers canIUse for what it implements, and accepts deliberate stubs', async () => {
    const fake = createFakeMy();
    expect(fake.canIUse('request')).toBe(true);
    expect(fake.canIUse('connectSocket')).toBe(true);
    expect(fake.canIUse('chooseVideo')).toBe(false);
    fake.$fake.define('vibrateShort', (() => Promise.resolve()) as unknown as FakeMy['vibrateShort']);
    await expect(fake.vibrateShort()).resolves.toBeUndefined();
    expect('vibrateShort' in fake).toBe(true);
  });

  it('lets jest.spyOn wrap an implemented API', async () => {
    const fake = createFakeMy();
    const spy = jest.spyOn(fake, 'showToast');
    await fake.showToast({ content: 'hi' });
    expect(spy).toHaveBeenCalledWith({ content: 'hi' });
  });
});
