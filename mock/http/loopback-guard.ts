import type { FastifyRequest } from 'fastify';
import { forbidden } from './api-error';
import { isLoopbackAddress } from './loopback';

/** The admin and employer APIs are tools for this machine only. */
export function requireLoopback(request: FastifyRequest): void {
  if (!isLoopbackAddress(request.socket.remoteAddress)) throw forbidden('仅限本机访问');
}
