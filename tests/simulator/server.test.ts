/**
 * The simulator's server: the shell page with its config, dist/ files by package (logic JS and compiled
 * views), sample images for chooseImage, and getPhoneNumber payloads the mock accepts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createSimulatorServer, type SimulatorServer } from '../../simulator/server/server';

const FIXTURE = path.join(__dirname, '../e2e/fixtures/kitchen-sink');
/** The mock's phone-number test keys (mock/phone/); the simulator serves payloads only when they exist. */
const PHONE_DIR = path.join(__dirname, '../../mock/phone');
const phoneIt = fs.existsSync(path.join(PHONE_DIR, 'test-keys.ts')) ? it : it.skip;

interface PhoneModules {
  readPhoneNumber(response: string, keys: unknown): string;
  MOCK_PHONE_KEYS: unknown;
}

function phoneModules(): PhoneModules {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when present, as the server does */
  return {
    ...(require(path.join(PHONE_DIR, 'alipay-phone.ts')) as Pick<PhoneModules, 'readPhoneNumber'>),
    ...(require(path.join(PHONE_DIR, 'test-keys.ts')) as Pick<PhoneModules, 'MOCK_PHONE_KEYS'>),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
let server: SimulatorServer;

beforeAll(async () => {
  server = await createSimulatorServer({ port: 0, distDir: FIXTURE, mockUrl: 'http://127.0.0.1:3999/' });
});

afterAll(async () => {
  await server?.close();
});

async function json<T>(pathname: string): Promise<T> {
  const response = await fetch(`${server.url}${pathname}`);
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

it('serves the shell with the mock URL and starts the logic worker from <head>', async () => {
  const html = await (await fetch(server.url)).text();
  expect(html).toContain('"mockUrl":"http://127.0.0.1:3999"');
  expect(html).toContain("new Worker('/__sim/worker.js')");
  expect((await fetch(`${server.url}/__sim/main.js`)).headers.get('content-type')).toMatch(/javascript/);
  expect(await json('/__sim/config')).toMatchObject({ mockUrl: 'http://127.0.0.1:3999', distReady: true });
});

it('gives the logic layer the JS and JSON of a package', async () => {
  const { files } = await json<{ files: Record<string, string> }>('/__sim/package?layer=logic&root=');
  expect(Object.keys(files).sort()).toEqual([
    'app.js',
    'app.json',
    'components/card/index.js',
    'components/card/index.json',
    'pages/apis/index.js',
    'pages/apis/index.json',
    'pages/index/index.js',
    'pages/index/index.json',
    'pages/second/index.js',
    'pages/second/index.json',
  ]);
});

it('gives the view layer compiled templates, parsed SJS and ACSS', async () => {
  const view = await json<{
    templates: Record<string, { body: unknown[]; imports: string[]; sjs: unknown[] }>;
    sjs: Record<string, { program?: { type: string } }>;
    styles: Record<string, string>;
  }>('/__sim/package?layer=view&root=');
  expect(view.templates['pages/index/index.axml'].imports).toEqual(['pages/index/rows.axml']);
  expect(view.templates['pages/index/index.axml'].sjs).toEqual([{ from: 'pages/index/util.sjs', name: 'util' }]);
  expect(view.sjs['pages/index/util.sjs'].program?.type).toBe('Program');
  expect(view.styles['app.acss']).toContain('page {');
});

it('refuses an unknown subpackage', async () => {
  expect((await fetch(`${server.url}/__sim/package?layer=logic&root=packages/nope`)).status).toBe(404);
});

it('serves sample PNGs for my.chooseImage', async () => {
  const samples = await json<Array<{ path: string; width: number }>>('/__sim/samples');
  expect(samples.length).toBeGreaterThanOrEqual(3);
  const png = Buffer.from(await (await fetch(`${server.url}${samples[0].path}`)).arrayBuffer());
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(samples[0].width);
});

phoneIt('makes getPhoneNumber payloads the mock can verify and decrypt', async () => {
  const response = await fetch(`${server.url}/__sim/phone-payload?mobile=13912345678`);
  expect(response.status).toBe(200);
  const { response: payload } = (await response.json()) as { response: string };
  const { readPhoneNumber, MOCK_PHONE_KEYS } = phoneModules();
  expect(readPhoneNumber(payload, MOCK_PHONE_KEYS)).toBe('13912345678');
  expect((await fetch(`${server.url}/__sim/phone-payload?mobile=123`)).status).toBe(400);
});
