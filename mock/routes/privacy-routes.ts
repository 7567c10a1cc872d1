import type { FastifyInstance } from 'fastify';
import { privacyRules } from '../privacy/privacy-rules';

import type { MockContext } from '../context';
import { validateInput } from '../http/validate-input';
import { seekerServices } from '../resume/seeker-services';

/** Which companies never see the seeker's resume. */
export function registerPrivacyRoutes(app: FastifyInstance, ctx: MockContext): void {
  const { privacy } = seekerServices(ctx);

  app.get('/privacy', async (request) => privacy.settings(ctx.tokens.requireUser(request.headers.authorization)));

  app.put('/privacy', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const input = await validateInput(privacyRules, request.body, 'body');
    return privacy.replace(userId, input.hiddenCompanyIds);
  });
}
