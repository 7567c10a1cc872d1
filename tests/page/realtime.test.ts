import { reconnectDelay } from '../../services/realtime';
import type * as RealtimeModule from '../../services/realtime';
import { createFakeMy } from '../../runtime/harness/fake-my';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';
import { startMockServer } from '../support/mock-server';

let server: Awaited<ReturnType<typeof startMockServer>>;
let rt: Runtime;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 40, seed: 'realtime-tests' }, accessTokenTtlSeconds: 1 });
});
afterAll(() => server.stop());
afterEach(() => rt?.dispose());

function launch(storage?: Record<string, unknown>) {
  jest.resetModules();
  rt = createRuntime({ my: createFakeMy({ authUser: 'rt-user', storage }), globals: { __API_BASE_URL__: server.url } });
  rt.mountApp();
  return rt.requireFromRoot<typeof RealtimeModule>('services/realtime').realtime;
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('reconnectDelay', () => {
  const options = { reconnectBaseMs: 100, reconnectMaxMs: 30_000 };
  it('doubles from the base, is capped, and keeps half of it random', () => {
    expect(reconnectDelay(1, { ...options, random: () => 0 })).toBe(50);
    expect(reconnectDelay(1, { ...options, random: () => 1 })).toBe(100);
    expect(reconnectDelay(4, { ...options, random: () => 1 })).toBe(800);
    expect(reconnectDelay(30, { ...options, random: () => 0 })).toBe(15_000);
    expect(reconnectDelay(30, { ...options, random: () => 1 })).toBe(30_000);
  });
});

describe('the realtime connection', () => {
  it('connects after sign-in and reconnects by itself after the network drops it', async () => {
    const realtime = launch();
    await until(() => realtime.isOpen, 'the first connection');
    expect(rt.fake.sockets.length).toBe(1);
    rt.fake.dropSockets();
    expect(realtime.isOpen).toBe(false);
    await until(() => realtime.isOpen, 'the reconnection');
    expect(rt.fake.sockets.length).toBe(2);
  });

  it('refreshes the token when the server closes with "token expired", then connects', async () => {
    launch();
    const { RealtimeClient, realtimeUrl } = rt.requireFromRoot<typeof RealtimeModule>('services/realtime');
    const login = async (key: string) => {
      const response = await fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ authCode: `u_${key}.${Date.now()}` }),
      });
      return ((await response.json()) as { accessToken: string }).accessToken;
    };
    // An access token the server let expire (1 s lifetime) while the app still held it.
    const expired = await login('rt-expired');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const renewToken = jest.fn(async () => login('rt-expired'));
    const client = new RealtimeClient({
      urlFor: (token) => realtimeUrl(server.url, token),
      accessToken: async () => expired,
      renewToken,
      heartbeatMs: 25_000,
      pongTimeoutMs: 10_000,
      reconnectBaseMs: 100,
      reconnectMaxMs: 1000,
    });
    client.start();
    await until(() => client.isOpen, 'the connection with a fresh token');
    expect(renewToken).toHaveBeenCalledTimes(1);
    expect(renewToken).toHaveBeenCalledWith(expired);
    client.stop();
  });

  it('closes while the app is in the background or offline, and comes back with it', async () => {
    const realtime = launch();
    await until(() => realtime.isOpen, 'the first connection');
    rt.enterBackground();
    expect(realtime.state).toBe('paused');
    await until(() => rt.fake.openSocketCount === 0, 'the socket to close');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rt.fake.sockets.length).toBe(1);
    rt.enterForeground();
    await until(() => realtime.isOpen, 'the foreground connection');

    rt.fake.setOffline(true);
    expect(realtime.state).toBe('paused');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rt.fake.sockets.length).toBe(2);
    rt.fake.setOffline(false);
    await until(() => realtime.isOpen, 'the connection after the network is back');
  });
});
