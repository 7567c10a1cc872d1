import type { FastifyInstance } from 'fastify';
import { loginRules, refreshRules } from '../../services/contracts/auth';
import { meOverview } from '../auth/me-overview';
import type { MockContext } from '../context';
import { validateInput } from '../http/validate-input';

/** The `alipay.system.oauth.token` exchange, and who is signed in. */
export function registerAuthRoutes(app: FastifyInstance, ctx: MockContext): void {
  app.post('/auth/login', async (request) => {
    const { authCode } = await validateInput(loginRules, request.body, 'body');
    return ctx.tokens.login(authCode);
  });

  app.post('/auth/refresh', async (request) => {
    const { refreshToken } = await validateInput(refreshRules, request.body, 'body');
    return ctx.tokens.refresh(refreshToken);
  });

  app.get('/me', async (request) => ctx.tokens.profile(ctx.tokens.requireUser(request.headers.authorization)));

  app.get('/me/overview', async (request) => meOverview(ctx.db, ctx.tokens.requireUser(request.headers.authorization)));
}
