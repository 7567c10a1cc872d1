/**
 * The simulator's HTTP server: the shell page, the browser bundles (built in memory with esbuild at start),
 * the files of dist/ by package, sample images and phone-number payloads. It rebuilds nothing in dist/.
 */
import path from 'node:path';
import * as esbuild from 'esbuild';
import Fastify, { type FastifyInstance } from 'fastify';
import { normalize } from '../../runtime/core/paths';
import { DistFiles } from './packages';
import { sampleImages } from './samples';

export interface SimulatorServerOptions {
  /** 0 picks a free port. Default 3790. */
  port?: number;
  host?: string;
  /** Default: <repo>/dist. */
  distDir?: string;
  /** Where the mock backend listens. Default http://127.0.0.1:3780. */
  mockUrl?: string;
  /** The API base the build baked into the app (API_BASE_URL); requests to it go to mockUrl. Default: read from dist. */
  appApiBase?: string;
  /** Rebuild the browser bundles on every request (working on the simulator itself). */
  dev?: boolean;
  /** Print a line per request. */
  logRequests?: boolean;
}

export interface SimulatorServer {
  url: string;
  port: number;
  mockUrl: string;
  close(): Promise<void>;
}

export const REPO_ROOT = path.resolve(__dirname, '../..');
const BROWSER_DIR = path.join(REPO_ROOT, 'simulator', 'browser');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.axml': 'text/plain; charset=utf-8',
  '.acss': 'text/css; charset=utf-8',
  '.sjs': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

interface Bundle {
  code: string;
  map: string;
}

async function bundle(entry: string, minify: boolean): Promise<Bundle> {
  const result = await esbuild.build({
    entryPoints: [path.join(BROWSER_DIR, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    sourcemap: 'linked',
    outdir: path.join(REPO_ROOT, '.sim-out'),
    minify,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const map = result.outputFiles.find((file) => file.path.endsWith('.js.map'));
  return { code: code?.text ?? '', map: map?.text ?? '' };
}

function indexHtml(config: Record<string, unknown>): string {
  // The config rides in the page, and the logic worker starts from <head> (it fetches the main package at
  // once), so app launch does not wait for the shell's script.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>小程序模拟器</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>window.__SIM_WORKER__ = new Worker('/__sim/worker.js');</script>
</head>
<body>
<div id="sim-root"></div>
<script>window.__SIM_CONFIG__ = ${json};</script>
<script src="/__sim/main.js"></script>
</body>
</html>`;
}

interface PhoneKeysModule {
  encryptPhonePayload?: (mobile: string) => string;
}

async function phonePayload(mobile: string): Promise<string | null> {
  // Written beside the mock by its own team; loaded when present so the simulator starts without it.
  const file = path.join(REPO_ROOT, 'mock', 'phone', 'test-keys.ts');
  try {
    // A plain require: tsx and ts-jest both compile the TypeScript file on the way.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const keys = require(file) as PhoneKeysModule;
    return keys.encryptPhonePayload ? keys.encryptPhonePayload(mobile) : null;
  } catch {
    return null;
  }
}

export async function createSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const dist = new DistFiles(options.distDir ?? path.join(REPO_ROOT, 'dist'));
  const mockUrl = (options.mockUrl ?? 'http://127.0.0.1:3780').replace(/\/$/, '');
  const appApiBase = () => (options.appApiBase ?? dist.builtApiBase() ?? 'http://127.0.0.1:3780').replace(/\/$/, '');
  const bundles = new Map<string, Promise<Bundle>>();
  const getBundle = (entry: string): Promise<Bundle> => {
    let built = bundles.get(entry);
    if (!built || options.dev) {
      built = bundle(entry, !options.dev);
      bundles.set(entry, built);
      built.catch(() => bundles.delete(entry));
    }
    return built;
  };
  // Build both now so the first page load does not wait for esbuild, and compile the main package's views.
  await Promise.all([getBundle('main.ts'), getBundle('worker.ts')]);
  if (dist.exists())
    setImmediate(() => {
      try {
        dist.viewPackage('');
      } catch {
        // compiled again (and reported) when a page asks for it
      }
    });

  const app: FastifyInstance = Fastify({ logger: false });
  if (options.logRequests)
    app.addHook('onResponse', async (request, reply) => {
      console.log(`${request.method} ${request.url} ${reply.statusCode}`);
    });

  const config = () => ({ mockUrl, appApiBase: appApiBase(), distReady: dist.exists() });
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(indexHtml(config())));
  for (const [name, entry] of [
    ['main', 'main.ts'],
    ['worker', 'worker.ts'],
  ]) {
    app.get(`/__sim/${name}.js`, async (_request, reply) =>
      reply.type(CONTENT_TYPES['.js']).send((await getBundle(entry)).code),
    );
    app.get(`/__sim/${name}.js.map`, async (_request, reply) =>
      reply.type(CONTENT_TYPES['.json']).send((await getBundle(entry)).map),
    );
  }
  app.get('/__sim/config', async () => config());
  // The shell polls this to restart the app after `npm run build:watch` rewrote dist/.
  app.get('/__sim/version', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ version: dist.version() }),
  );

  app.get('/__sim/package', async (request, reply) => {
    const query = request.query as { layer?: string; root?: string };
    const root = normalize(query.root ?? '');
    if (!dist.exists())
      return reply.code(503).send({ error: 'dist/app.json is missing: run npm run build (or npm start)' });
    if (root && !dist.subpackageRoots().includes(root)) return reply.code(404).send({ error: `no subpackage ${root}` });
    reply.header('cache-control', 'no-store');
    if (query.layer === 'view') return dist.viewPackage(root);
    return { files: dist.logicPackage(root) };
  });

  app.get('/dist/*', async (request, reply) => {
    const file = normalize((request.params as { '*': string })['*']);
    const text = dist.read(file);
    if (text === undefined) return reply.code(404).send({ error: `${file} not in dist/` });
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('image/') && !type.includes('svg')) {
      const fs = await import('node:fs');
      return reply.type(type).send(fs.readFileSync(path.join(dist.distDir, file)));
    }
    return reply.type(type).send(text);
  });

  app.get('/__sim/samples', async () =>
    sampleImages().map(({ name, label, width, height, png }) => ({
      path: `/__sim/samples/${name}`,
      label,
      width,
      height,
      size: png.length,
    })),
  );
  app.get('/__sim/samples/:name', async (request, reply) => {
    const image = sampleImages().find((sample) => sample.name === (request.params as { name: string }).name);
    if (!image) return reply.code(404).send({ error: 'no such sample' });
    return reply.type('image/png').send(image.png);
  });

  /** Alipay's side of the face check (open-certify): the simulator's person passed it; the mock is told. */
  app.post('/__sim/certify/:certifyId', async (request, reply) => {
    const certifyId = (request.params as { certifyId: string }).certifyId;
    const answer = await fetch(`${mockUrl}/__admin/certify/${encodeURIComponent(certifyId)}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ passed: true }),
    });
    return reply.code(answer.status).send(await answer.text());
  });

  app.get('/__sim/phone-payload', async (request, reply) => {
    const mobile = String((request.query as { mobile?: string }).mobile ?? '13800138000');
    if (!/^1\d{10}$/.test(mobile)) return reply.code(400).send({ error: 'mobile must be 11 digits starting with 1' });
    const response = await phonePayload(mobile);
    if (!response)
      return reply.code(501).send({ error: 'mock/phone/test-keys.ts with encryptPhonePayload is not available' });
    return { response };
  });

  const address = await app.listen({ port: options.port ?? 3790, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    mockUrl,
    close: () => app.close(),
  };
}
