import type { FastifyRequest } from 'fastify';
import { HR_ID_HEADER } from '../../services/contracts/employer';
import type { EmployerIdentity } from '../auth/hr-sessions';
import type { MockContext } from '../context';
import { ApiError, unauthorized } from '../http/api-error';
import { requireLoopback } from '../http/loopback-guard';
import { parseId } from '../jobs/job-queries';

/** The bearer token of a request, if it carries one. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/**
 * The HR an employer request acts as: from the console's session token, or (tests) the `X-Hr-Id` header.
 * Loopback only; 401 without either, or with a bad or expired token.
 */
export function requireEmployer(ctx: MockContext, request: FastifyRequest): EmployerIdentity {
  requireLoopback(request);
  const token = bearerToken(request);
  if (token) {
    const auth = ctx.hrSessions.authenticate(token);
    if ('hrId' in auth) return auth;
    if (auth.error === 'token_expired') throw new ApiError(401, 'token_expired', '登录已过期，请重新登录');
    throw unauthorized('登录已失效，请重新登录');
  }
  const header = request.headers[HR_ID_HEADER];
  const hrId = typeof header === 'string' ? parseId(header) : undefined;
  if (hrId === undefined) throw unauthorized('请先登录招聘端');
  return ctx.hrSessions.identityOf(hrId);
}
