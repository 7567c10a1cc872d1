import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

/**
 * Logger options. Paths are logged as route patterns (never raw URLs: query strings may carry tokens),
 * and anything personal is redacted in case it ever reaches a log call.
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["idempotency-key"]',
        '*.authCode',
        '*.accessToken',
        '*.refreshToken',
        '*.token',
        '*.phone',
        '*.mobile',
        '*.text',
        '*.greeting',
        // The real-name check and the signature: an ID number or a handwriting never reach a log.
        '*.certNo',
        '*.certName',
        '*.signaturePng',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string } }) => ({
        method: request.method,
        route: request.routeOptions?.url,
      }),
    },
  };
}

/** One line per request: method, route pattern, status, duration. No "incoming request" line. */
export class RequestLineLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? '(no route)',
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }
}
