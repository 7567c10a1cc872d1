/**
 * The one `my` core (runtime/my/) through the harness's parts: sockets over the `ws` package, the device
 * APIs the chat and interview work builds on, and the places where the simulator and the harness used to
 * disagree (Alipay's docs decide).
 */
import type { AddressInfo } from 'net';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { createFakeMy, type FakeMy } from '../../runtime/harness/fake-my';
import { parseUrl } from '../../runtime/core/paths';
import { sendJson, startServer } from './fixtures/http-server';

/** The SocketTask as the tests use it (listeners get `{ data: {…} }`). */
interface Task {
  onOpen(listener: (arg: never) => void): void;
  onMessage(listener: (arg: never) => void): void;
  onError(listener: (arg: never) => void): void;
  onClose(listener: (arg: never) => void): void;
  send(options: { data: string; isBuffer?: boolean }): Promise<unknown>;
  close(options?: { code?: number; reason?: string }): Promise<unknown>;
}
const taskOf = (my: FakeMy, options: Record<string, unknown>) =>
  my.connectSocket({ multiple: true, ...options } as never) as unknown as Task;

function nextEvent<T>(subscribe: (listener: (arg: T) => void) => void): Promise<T> {
  return new Promise((resolve) => subscribe(resolve));
}

describe('my.connectSocket', () => {
  let server: WebSocketServer;
  let origin: string;
  const connections: ServerSocket[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    origin = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('connection', (socket, request) => {
      connections.push(socket);
      urls.push(request.url ?? '');
      socket.on('message', (data, isBinary) => socket.send(isBinary ? data : `echo:${data.toString()}`));
    });
  });
  afterAll(async () => {
    for (const socket of connections) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  it('with multiple: true returns a SocketTask that opens, sends, receives and closes', async () => {
    const my = createFakeMy();
    const task = taskOf(my, { url: `${origin}/chat`, data: { token: 't 1' } });
    const opened = nextEvent<{ data: { socketTaskID: string } }>((fn) => task.onOpen(fn));
    const opening = await opened;
    expect(opening.data.socketTaskID).toEqual(expect.any(String));
    expect(urls.at(-1)).toBe('/chat?token=t%201');

    const message = nextEvent<{ data: { data: string; isBuffer: boolean } }>((fn) => task.onMessage(fn));
    await task.send({ data: 'hello' });
    expect((await message).data).toMatchObject({ data: 'echo:hello', isBuffer: false });

    const closed = nextEvent<{ data: { code: number } }>((fn) => task.onClose(fn));
    await task.close({ code: 1000, reason: 'bye' });
    expect((await closed).data.code).toBe(1000);
    expect(my.$fake.openSocketCount).toBe(0);
  });

  it('fails a send before the socket is open with code 10', async () => {
    const my = createFakeMy();
    const task = taskOf(my, { url: origin });
    await expect(task.send({ data: 'too early' })).rejects.toMatchObject({ error: 10 });
    await nextEvent((fn) => task.onOpen(fn));
    await task.close();
  });

  it('delivers binary frames as base64 with isBuffer true', async () => {
    const my = createFakeMy();
    const task = taskOf(my, { url: origin });
    await nextEvent((fn) => task.onOpen(fn));
    const message = nextEvent<{ data: { data: string; isBuffer: boolean } }>((fn) => task.onMessage(fn));
    await task.send({ data: Buffer.from([1, 2, 3]).toString('base64'), isBuffer: true });
    expect((await message).data).toMatchObject({ data: 'AQID', isBuffer: true });
    await task.close();
  });

  it('in single mode uses my.onSocket*, sendSocketMessage and closeSocket; a second connect fails with 3', async () => {
    const my = createFakeMy();
    const opened = nextEvent((fn) => my.onSocketOpen(fn as never));
    await my.connectSocket({ url: origin });
    await opened;
    await expect(my.connectSocket({ url: origin })).rejects.toMatchObject({ error: 3 });
    const message = nextEvent<{ data: string; isBuffer: boolean }>((fn) => my.onSocketMessage(fn as never));
    await my.sendSocketMessage({ data: 'ping' });
    expect(await message).toEqual({ data: 'echo:ping', isBuffer: false });
    const closed = nextEvent<{ code: number }>((fn) => my.onSocketClose(fn as never));
    await my.closeSocket();
    expect((await closed).code).toBe(1000);
    await expect(my.sendSocketMessage({ data: 'after close' })).rejects.toMatchObject({ error: 10 });
  });

  it('refuses a url that is not ws:// or wss:// with code 5', async () => {
    const my = createFakeMy();
    await expect(my.connectSocket({ url: 'http://127.0.0.1:1/x' })).rejects.toMatchObject({ error: 5 });
  });

  it('drops every socket when the network goes: error, then close with 1006', async () => {
    const my = createFakeMy();
    const task = taskOf(my, { url: origin });
    await nextEvent((fn) => task.onOpen(fn));
    const events: string[] = [];
    task.onError(() => events.push('error'));
    task.onClose((arg: { data: { code: number } }) => events.push(`close ${arg.data.code}`));
    my.$fake.setOffline(true);
    expect(events).toEqual(['error', 'close 1006']);
    const offline = taskOf(my, { url: origin });
    await expect(offline.send({ data: 'x' })).rejects.toMatchObject({ error: 10 });
  });
});

describe('device APIs of the my core', () => {
  it('records openLocation, makePhoneCall and tab badges as what the person sees, and answers success', async () => {
    const my = createFakeMy();
    await expect(my.makePhoneCall({ number: '057188888888' })).resolves.toEqual({ success: true });
    await expect(
      my.openLocation({ longitude: '120.1', latitude: '30.2', name: '面试地点', address: '西湖区文三路 1 号' }),
    ).resolves.toEqual({ success: true });
    await my.setTabBarBadge({ index: 2, text: '3' });
    await my.removeTabBarBadge({ index: 2 });
    expect(my.$fake.ui).toEqual([
      { api: 'makePhoneCall', number: '057188888888' },
      { api: 'openLocation', longitude: '120.1', latitude: '30.2', name: '面试地点', address: '西湖区文三路 1 号' },
      { api: 'setTabBarBadge', index: 2, text: '3' },
      { api: 'removeTabBarBadge', index: 2 },
    ]);
  });

  it('fails openLocation with 2 when the position is not a number', async () => {
    const my = createFakeMy();
    await expect(my.openLocation({ longitude: 'x', latitude: '30.2', name: '', address: '' })).rejects.toMatchObject({
      error: 2,
    });
    expect(my.$fake.ui).toEqual([]);
  });

  it('keeps the screen on while asked, and answers getServerTime from the injected clock', async () => {
    const my = createFakeMy();
    await my.setKeepScreenOn({ keepScreenOn: true });
    expect(my.$fake.keepScreenOn).toBe(true);
    await my.setKeepScreenOn({ keepScreenOn: false });
    expect(my.$fake.keepScreenOn).toBe(false);
    my.$fake.setServerTime(() => 1_700_000_000_000);
    await expect(my.getServerTime()).resolves.toEqual({ time: 1_700_000_000_000 });
  });
});

describe('where the simulator and the harness disagreed, Alipay docs decide', () => {
  it('my.request with dataType base64 hands back the body as bare base64 (no data: URL)', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, { ok: 1 }));
    try {
      const my = createFakeMy();
      const answer = (await my.request({ url: `${server.origin}/x`, dataType: 'base64' })) as { data: string };
      expect(answer.data).toBe(Buffer.from('{"ok":1}').toString('base64'));
    } finally {
      await server.close();
    }
  });

  it('parseUrl keeps text after a second "?" in the value', () => {
    expect(parseUrl('pages/a/index?next=/pages/b?id=1&x=2')).toEqual({
      route: 'pages/a/index',
      query: { next: '/pages/b?id=1', x: '2' },
    });
  });
});
