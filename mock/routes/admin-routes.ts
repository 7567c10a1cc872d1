import type { FastifyInstance } from 'fastify';
import type { InputRules } from '../../services/contracts/validation';
import type { MockContext } from '../context';
import type { Faults } from '../http/faults';
import { requireLoopback } from '../http/loopback-guard';
import { validateInput } from '../http/validate-input';
import { publishJobs } from '../seed/publish-jobs';

const rate = (label: string) => ({ type: 'number' as const, min: 0, max: 1, message: `${label}应为0到1之间的数字` });

const faultRules: InputRules<Partial<Faults>> = {
  latencyMs: { type: 'integer', min: 0, max: 60000, message: '延迟应为0到60000之间的整数（毫秒）' },
  errorRate: rate('错误率'),
  dropSocketRate: rate('断连率'),
};

const tickRules: InputRules<{ minutes?: number }> = {
  minutes: { type: 'number', min: 0, max: 60 * 24 * 365, message: '分钟数应为0到525600之间的数字' },
};

const publishRules: InputRules<{ count: number }> = {
  count: { type: 'integer', required: true, min: 1, max: 1000, message: '发布数量应为1到1000之间的整数' },
};

const certifyCompleteRules: InputRules<{ passed: boolean }> = {
  passed: { type: 'boolean', required: true, message: '请说明人脸核验是否通过' },
};

/** QA and test controls: faults, simulated time, new jobs. Loopback only, and exempt from faults. */
export function registerAdminRoutes(app: FastifyInstance, ctx: MockContext): void {
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/__admin')) requireLoopback(request);
  });

  app.get('/__admin/faults', async () => ctx.faults.get());

  app.post('/__admin/faults', async (request) => {
    const changes = await validateInput(faultRules, request.body ?? {}, 'body');
    const known: Partial<Faults> = {};
    if (changes.latencyMs !== undefined) known.latencyMs = changes.latencyMs;
    if (changes.errorRate !== undefined) known.errorRate = changes.errorRate;
    if (changes.dropSocketRate !== undefined) known.dropSocketRate = changes.dropSocketRate;
    return ctx.faults.set(known);
  });

  /** Advances simulated time by `minutes` (default 0) and runs one autopilot tick. */
  app.post('/__admin/autopilot/tick', async (request) => {
    const { minutes = 0 } = await validateInput(tickRules, request.body ?? {}, 'body');
    ctx.clock.advance(minutes * 60 * 1000);
    const changes = ctx.autopilot.tick();
    return { simulatedNow: new Date(ctx.clock.now()).toISOString(), changes };
  });

  app.post('/__admin/jobs', async (request, reply) => {
    const { count } = await validateInput(publishRules, request.body, 'body');
    const ids = publishJobs(ctx.db, { count, seed: ctx.seed, now: ctx.clock.now() });
    return reply.code(201).send({ ids });
  });

  /**
   * Alipay's part of alipay.user.certify.open.*: the face check in the Alipay client finished. The simulator's
   * `startBizService('open-certify')` calls this; tests too.
   */
  app.post<{ Params: { certifyId: string } }>('/__admin/certify/:certifyId/complete', async (request) => {
    const { passed } = await validateInput(certifyCompleteRules, request.body, 'body');
    ctx.onboarding.completeCertify(request.params.certifyId, passed);
    return { certifyId: request.params.certifyId, passed };
  });

  app.get('/__admin/status', async () => {
    const count = (table: string) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      simulatedNow: new Date(ctx.clock.now()).toISOString(),
      timeScale: ctx.clock.scale,
      faults: ctx.faults.get(),
      realtimeConnections: ctx.hub.connectionCount(),
      counts: {
        jobs: count('jobs'),
        companies: count('companies'),
        hrs: count('hrs'),
        users: count('users'),
        applications: count('applications'),
        conversations: count('conversations'),
        messages: count('messages'),
        chatReports: count('chat_reports'),
      },
    };
  });

  /** Chat messages seekers reported, newest first, with the reported text. */
  app.get('/__admin/chat-reports', async () => ({
    items: ctx.db
      .prepare(
        `SELECT r.id, r.conversation_id AS conversationId, r.user_id AS userId, r.hr_id AS hrId, m.seq,
           m.text, r.reason, r.created_at AS createdAt
         FROM chat_reports r JOIN messages m ON m.id = r.message_id ORDER BY r.id DESC`,
      )
      .all(),
  }));
}
