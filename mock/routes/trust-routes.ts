import type { FastifyInstance } from 'fastify';
import { createRealNameRules, createStudentRules } from '../../services/contracts/trust-rules';
import type { InputRules } from '../../services/contracts/validation';
import type { MockContext } from '../context';
import { requireLoopback } from '../http/loopback-guard';
import { validateInput } from '../http/validate-input';
import { seekerServices } from '../resume/seeker-services';

const resolveRules: InputRules<{ userId?: string }> = {
  userId: { type: 'string', max: 64, message: '用户编号不正确' },
};

/** Real-name, trusted work ID and student checks: submit, then read the state as it moves on. */
export function registerTrustRoutes(app: FastifyInstance, ctx: MockContext): void {
  const { trust } = seekerServices(ctx);
  const now = () => ctx.clock.now();
  const realNameRules = createRealNameRules(now);
  const studentRules = createStudentRules(now);

  // Reviews due by the simulated clock are decided before any request reads them, so a tick of the
  // autopilot clock is enough to move them on, wherever they show (trust, resume, applications).
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'OPTIONS') trust.settleDue();
  });

  app.get('/trust', async (request) => trust.status(ctx.tokens.requireUser(request.headers.authorization)));

  app.post('/trust/real-name', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const input = await validateInput(realNameRules, request.body, 'body');
    return trust.submitRealName(userId, input);
  });

  app.post('/trust/work-id', async (request) =>
    trust.submitWorkId(ctx.tokens.requireUser(request.headers.authorization)),
  );

  app.post('/trust/student', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const input = await validateInput(studentRules, request.body, 'body');
    return trust.submitStudent(userId, input);
  });

  /** Decides pending checks now, all or one seeker's (`{ userId }`). Loopback only. */
  app.post('/__admin/trust/resolve', async (request) => {
    requireLoopback(request);
    const { userId } = await validateInput(resolveRules, request.body ?? {}, 'body');
    return { resolved: trust.resolveNow(userId || undefined) };
  });
}
