import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/api-error';

export const CONSOLE_PATH = '/console';

/**
 * The built HR console (console/dist) at /console: its files, and index.html for every other path under it
 * (the console routes in the browser). Hashed assets are cached for good; index.html never is, so a
 * rebuild shows on the next load.
 */
export function registerConsoleRoutes(app: FastifyInstance, consoleDir: string): void {
  const root = path.resolve(consoleDir);
  void app.register(fastifyStatic, { root, serve: false });

  app.get(CONSOLE_PATH, async (_request, reply) => reply.redirect(`${CONSOLE_PATH}/`));

  app.get<{ Params: { '*': string } }>(`${CONSOLE_PATH}/*`, async (request, reply) => {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      throw new ApiError(503, 'unavailable', '招聘端尚未构建：请先运行 npm run build:console（npm start 会自动构建）');
    }
    const wanted = path.resolve(root, request.params['*']);
    const isFile = wanted.startsWith(root + path.sep) && fs.statSync(wanted, { throwIfNoEntry: false })?.isFile();
    if (isFile) {
      const immutable = request.params['*'].startsWith('assets/');
      return reply.sendFile(path.relative(root, wanted), root, {
        cacheControl: true,
        immutable,
        maxAge: immutable ? '365d' : 0,
      });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  });
}
