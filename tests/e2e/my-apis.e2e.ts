/**
 * `my` in the browser, on the fixture's API page (tests/e2e/fixtures/kitchen-sink/pages/apis): answers
 * and error codes as Alipay documents them (my.request /mini/api/owycmh: HTTP ≥ 400 → error 19 with the
 * status, no network 12, timeout 13; storage /mini/api/eocm6v: 200 KB a key → error 14; chooseCity cancel →
 * 11), the shell's overlays, and requests and sockets reaching the mock. Screenshots: artifacts/e2e/my-apis/.
 */
import path from 'node:path';
import { setFaults, SimApp, startStack, type Stack } from './support/stack';

let stack: Stack;
let app: SimApp;

beforeAll(async () => {
  stack = await startStack({ distDir: path.join(__dirname, 'fixtures/kitchen-sink') });
  app = await SimApp.open(stack, 'my-apis', { launch: 'pages/apis/index' });
  await app.waitForRoute('pages/apis/index');
});

afterAll(async () => {
  await app?.close();
  await stack?.stop();
});

async function run(api: string): Promise<void> {
  await app
    .frame()
    .locator('.api', { hasText: new RegExp(`^${api}$`) })
    .click();
}

async function expectLog(line: string | RegExp): Promise<void> {
  await app.frame().locator('.log-line', { hasText: line }).first().waitFor({ timeout: 15_000 });
}

describe('my in the browser', () => {
  it('my.request: success, HTTP 404 as fail 19, timeout as fail 13, offline as fail 12', async () => {
    await app.step('my.request 与错误码', async () => {
      await run('request');
      await expectLog('request ok 200 2');
      await run('request404');
      await expectLog('request404 fail 19 404');
      await setFaults(stack.mock, { latencyMs: 800 });
      await run('requestTimeout');
      await expectLog('requestTimeout fail 13');
      await setFaults(stack.mock, { latencyMs: 0 });
      await app.setOffline(true);
      await expectLog('network false NOTREACHABLE');
      await run('request');
      await expectLog('request fail 12');
      await app.setOffline(false);
      await expectLog('network true WIFI');
    });
  });

  it('storage persists in localStorage across a restart and refuses a key over 200 KB', async () => {
    await app.step('存储', async () => {
      await run('storage');
      await expectLog('storage visits 1');
      await run('storageTooBig');
      await expectLog('storageTooBig false 14');
      await app.page.evaluate(() => (globalThis as unknown as { __sim: { relaunch(): void } }).__sim.relaunch());
      await app.waitForRoute('pages/apis/index');
      await run('storage');
      await expectLog('storage visits 2');
    });
  });

  it('getAuthCode, getLocation and system info come from the panel’s settings', async () => {
    await app.step('登录码、定位、系统信息', async () => {
      await run('getAuthCode');
      await expectLog('authCode u_sim');
      await run('getLocation');
      await expectLog('location 杭州市 330100');
      await run('systemInfo');
      await expectLog('system 375x812 true false');
    });
  });

  it('chooseCity, confirm, toast and action sheet use the shell’s overlays', async () => {
    await app.step('城市选择', async () => {
      await run('chooseCity');
      await app.page.locator('.sim-sheet-item', { hasText: '北京' }).first().click();
      await expectLog('city 北京 110100');
      await run('chooseCity');
      await app.page.locator('.sim-sheet-cancel').click();
      await expectLog('chooseCity fail 11');
    });
    await app.step('确认框', async () => {
      await run('confirm');
      await app.page.locator('.sim-dialog', { hasText: '要继续吗？' }).waitFor();
    });
    await app.page.locator('.sim-dialog button', { hasText: '确定' }).click();
    await expectLog('confirm true');
    await app.step('Toast 与操作菜单', async () => {
      await run('showToast');
      await app.page.locator('.sim-toast', { hasText: '已保存' }).waitFor();
      await run('showActionSheet');
      await app.page.locator('.sim-sheet-item', { hasText: '乙' }).click();
      await expectLog('actionSheet 1');
    });
  });

  it('getPhoneNumber, requestSubscribeMessage, chooseImage with uploadFile', async () => {
    await app.step('手机号、订阅、选图上传', async () => {
      await run('getPhoneNumber');
      await expectLog('phone true');
      await run('requestSubscribeMessage');
      // Ids the mock has not configured show as they are, marked.
      await app.page.locator('.sim-sheet-title', { hasText: '未登记的模板 tpl-1' }).waitFor();
      await app.page.locator('.sim-sheet-item', { hasText: '允许' }).click();
      await expectLog('subscribe tpl-1,tpl-2');
      await run('chooseImage');
      await app.page.locator('.sim-images input').first().check();
      await app.page.locator('.sim-sheet-item', { hasText: '完成' }).click();
      await expectLog('image 1');
      await expectLog('upload 404');
    });
  });

  it('connectSocket reaches the mock’s WebSocket', async () => {
    await app.step('WebSocket', async () => {
      await run('socket');
      await expectLog(/^socket \w+/);
    });
    expect(await app.unsupported()).toEqual([]);
  });
});
