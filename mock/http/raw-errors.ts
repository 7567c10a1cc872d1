import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, invalidInput, notFound } from './api-error';

/**
 * Failures that happen before Fastify has a request to answer (Node's HTTP parser: a 20 KB URL, a malformed
 * request line; a refused WebSocket handshake) or inside its router (a URL that does not decode, an overlong
 * route parameter). Each is answered with the documented `{ error: { code, message, fields? } }` too.
 */

/** Writes `error` as a whole HTTP/1.1 response straight to the socket, then closes it. */
export function writeSocketError(socket: Duplex, error: ApiError): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(error.toBody());
  socket.end(
    `HTTP/1.1 ${error.status} ${http.STATUS_CODES[error.status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Access-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n' +
      body,
  );
}

const urlProblem = (status: number, message: string) =>
  new ApiError(status, 'invalid_input', message, [{ path: 'url', message }]);

/** Fastify's `clientErrorHandler`: what Node's HTTP parser refused. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // The peer went away: there is no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    writeSocketError(socket, urlProblem(431, '请求地址或请求头过长'));
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    writeSocketError(socket, new ApiError(408, 'invalid_input', '请求发送超时，请重试'));
  } else {
    writeSocketError(socket, new ApiError(400, 'invalid_input', '请求格式不正确'));
  }
}

/** Fastify's `frameworkErrors`: the router's own refusals. */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const apiError =
    error.code === 'FST_ERR_BAD_URL'
      ? urlProblem(400, '请求地址无效')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? urlProblem(414, '请求地址过长')
        : invalidInput([{ path: 'url', message: '请求格式不正确' }]);
  void reply.code(apiError.status).send(apiError.toBody());
}

/** A WebSocket upgrade to a path that has none. */
export const NO_SOCKET_HERE = notFound('接口不存在');

/** The handshake `ws` refused (a bad key or version; 405 for a method other than GET, as `ws` answers). */
export function handshakeError(reason: string, method: string | undefined): ApiError {
  const message = `WebSocket 握手请求无效：${reason}`;
  return new ApiError(method === 'GET' ? 400 : 405, 'invalid_input', message, [{ path: 'headers', message }]);
}
