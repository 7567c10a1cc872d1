import type { FastifyInstance } from 'fastify';
import { SUBSCRIPTION_TEMPLATES, subscribeRules } from '../../services/contracts/subscriptions';
import type { InputRules } from '../../services/contracts/validation';
import type { MockContext } from '../context';
import { requireLoopback } from '../http/loopback-guard';
import { validateInput } from '../http/validate-input';
import { seekerServices } from '../resume/seeker-services';

const notificationQueryRules: InputRules<{ userId?: string }> = {
  userId: { type: 'string', max: 64, message: '用户编号不正确' },
};

/** One-time subscription consents, used up by application status changes. */
export function registerSubscriptionRoutes(app: FastifyInstance, ctx: MockContext): void {
  const { subscriptions } = seekerServices(ctx);
  ctx.applications.onStatusChange(subscriptions.listener);

  app.post('/subscriptions', async (request, reply) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const input = await validateInput(subscribeRules, request.body, 'body');
    // Consents tied to an application must be for the seeker's own (404 otherwise).
    const applicationId = input.applicationId ? Number(input.applicationId) : null;
    if (applicationId !== null) ctx.applications.detailForUser(userId, applicationId);
    return reply.code(201).send(subscriptions.grant(userId, input.templateIds, applicationId));
  });

  app.get('/subscriptions', async (request) =>
    subscriptions.list(ctx.tokens.requireUser(request.headers.authorization)),
  );

  /**
   * The templates configured on Alipay's merchant platform, as its consent sheet shows them (the simulator's
   * my.requestSubscribeMessage lists their titles). Loopback only.
   */
  app.get('/__admin/subscription-templates', async (request) => {
    requireLoopback(request);
    return { items: Object.values(SUBSCRIPTION_TEMPLATES).map(({ id, title }) => ({ id, title })) };
  });

  /** What would have been sent with alipay.open.app.mini.templatemessage.send. Loopback only. */
  app.get('/__admin/notifications', async (request) => {
    requireLoopback(request);
    const query = await validateInput(notificationQueryRules, request.query, 'query');
    return subscriptions.notifications(query.userId || undefined);
  });
}
