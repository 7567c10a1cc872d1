import net from 'node:net';
import { isApiErrorBody } from '../../services/contracts/errors';
import { startTestBackend, type TestBackend } from './mock-fixture';

/** Sends raw bytes and reads the whole answer: status line, headers and body. */
function rawRequest(url: string, request: string): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(request));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = text.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        headers: head,
        body: rest.join('\r\n\r\n'),
      });
    });
  });
}

const nested = (depth: number, open: string, leaf: string, close: string) =>
  open.repeat(depth) + leaf + close.repeat(depth);

describe('every error the mock can produce has the documented shape', () => {
  let backend: TestBackend;
  let token: string;

  beforeAll(async () => {
    backend = await startTestBackend();
    token = (await backend.login('error-shape')).accessToken;
  });
  afterAll(() => backend.close());

  function expectDocumented(status: number, body: unknown, path?: string): void {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(isApiErrorBody(body)).toBe(true);
    if (path) expect((body as { error: { fields?: { path: string }[] } }).error.fields?.[0]?.path).toBe(path);
  }

  describe('a JSON body nested thousands of levels deep gets a 400 naming the body', () => {
    const routes: [string, string][] = [
      ['POST', '/auth/login'],
      ['PUT', '/resume/basic'],
      ['PUT', '/resume/expectations'],
      ['POST', '/resume/work-experiences'],
      ['POST', '/applications'],
      ['POST', '/jobs/1/reports'],
      ['PUT', '/privacy'],
    ];
    it.each(routes)('%s %s', async (method, route) => {
      for (const body of [
        nested(5000, '{"a":', '1', '}'),
        nested(5000, '[', '1', ']'),
        `{"name":${nested(3000, '[', '"x"', ']')}}`,
      ]) {
        const response = await backend.request(method, route, {
          rawBody: body,
          token,
          headers: { 'idempotency-key': `deep-${Date.now()}-${body.length}` },
        });
        expectDocumented(response.status, response.body, 'body');
      }
    });

    it('however deep, within the size limit', async () => {
      const response = await backend.request('POST', '/auth/login', { rawBody: nested(300_000, '[', '1', ']') });
      expectDocumented(response.status, response.body, 'body');
    });

    it('still takes an ordinarily nested body', async () => {
      const response = await backend.request('PUT', '/resume/skills', { token, body: { skills: ['React'] } });
      expect(response.status).toBe(200);
    });
  });

  it('answers a 20 KB URL with 431 in the documented shape', async () => {
    const response = await fetch(`${backend.url}/jobs?keyword=${'a'.repeat(20 * 1024)}`);
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expectDocumented(response.status, await response.json(), 'url');
  });

  it('answers a malformed request line, a bad URL and an overlong route parameter in the documented shape', async () => {
    const garbage = await rawRequest(backend.url, 'GARBAGE\r\n\r\n');
    expect(garbage.status).toBe(400);
    expectDocumented(garbage.status, JSON.parse(garbage.body));

    const badUrl = await fetch(`${backend.url}/jobs/%E0%A4%A`);
    expectDocumented(badUrl.status, await badUrl.json(), 'url');

    const longParam = await fetch(`${backend.url}/jobs/${'1'.repeat(500)}`);
    expectDocumented(longParam.status, await longParam.json());
  });

  it('answers a failed WebSocket handshake in the documented shape', async () => {
    const handshake = (path: string, key: string) =>
      rawRequest(
        backend.url,
        `GET ${path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    const wrongPath = await handshake('/elsewhere', 'dGhlIHNhbXBsZSBub25jZQ==');
    expect(wrongPath.status).toBe(404);
    expectDocumented(wrongPath.status, JSON.parse(wrongPath.body));
    const badKey = await handshake('/ws', 'not-a-key');
    expect(badKey.status).toBe(400);
    expectDocumented(badKey.status, JSON.parse(badKey.body));
  });
});
