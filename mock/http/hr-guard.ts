import type { FastifyRequest } from 'fastify';
import { HR_ID_HEADER } from '../../services/contracts/employer';
import type { MockContext } from '../context';
import { parseId } from '../jobs/job-queries';
import { unauthorized } from './api-error';
import { requireLoopback } from './loopback-guard';

/** The HR an employer request acts as: `X-Hr-Id`, an existing HR account, from this machine only. */
export function requireHr(ctx: MockContext, request: FastifyRequest): number {
  requireLoopback(request);
  const header = request.headers[HR_ID_HEADER];
  const hrId = typeof header === 'string' ? parseId(header) : undefined;
  if (hrId === undefined) throw unauthorized('请在 X-Hr-Id 请求头中指定HR账号');
  if (!ctx.db.prepare('SELECT 1 FROM hrs WHERE id = ?').get(hrId)) throw unauthorized('HR账号不存在');
  return hrId;
}
