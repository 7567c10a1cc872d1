import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, invalidInput, notFound } from './api-error';

/** What Fastify's own 4xx failures mean to a caller, in Chinese. */
function frameworkError(error: FastifyError): ApiError | undefined {
  const status = error.statusCode ?? 500;
  if (status >= 500) return undefined;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new ApiError(413, 'invalid_input', '请求内容过大', [{ path: 'body', message: '请求内容过大' }]);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const message = '请求内容类型应为 application/json';
    return new ApiError(415, 'invalid_input', message, [{ path: 'body', message }]);
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return invalidInput([{ path: 'body', message: '请求内容不是有效的JSON' }]);
  }
  return invalidInput([{ path: 'body', message: '请求格式不正确' }]);
}

/** Every failure leaves as an `ApiErrorBody`; bad input is a 4xx, never a 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = error instanceof ApiError ? error : frameworkError(error);
    if (apiError) return reply.code(apiError.status).send(apiError.toBody());
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: '服务开小差了，请稍后重试' } });
  });
  app.setNotFoundHandler((_request, reply) => {
    const error = notFound('接口不存在');
    return reply.code(404).send(error.toBody());
  });
}
