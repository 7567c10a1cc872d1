import type { FastifyInstance } from 'fastify';
import { favoriteListQueryRules, type FavoriteState } from '../../services/contracts/favorites';
import type { MockContext } from '../context';
import { FavoriteStore } from '../favorites/favorite-store';
import { notFound } from '../http/api-error';
import { pageLimit } from '../http/cursor';
import { optionalText, validateInput } from '../http/validate-input';
import { parseId } from '../jobs/job-queries';

/** A seeker's saved jobs, server-side so they follow the account. Registered by `registerJobRoutes`. */
export function registerFavoriteRoutes(app: FastifyInstance, ctx: MockContext): void {
  const favorites = new FavoriteStore(ctx.db, () => ctx.clock.now());

  const setFavorite = (favorited: boolean) =>
    async function (request: {
      headers: { authorization?: string };
      params: { jobId: string };
    }): Promise<FavoriteState> {
      const userId = ctx.tokens.requireUser(request.headers.authorization);
      const jobId = parseId(request.params.jobId);
      if (jobId === undefined) throw notFound('职位不存在或已下线');
      return favorites.set(userId, jobId, favorited);
    };

  app.put<{ Params: { jobId: string } }>('/favorites/:jobId', setFavorite(true));
  app.delete<{ Params: { jobId: string } }>('/favorites/:jobId', setFavorite(false));

  app.get('/favorites', async (request) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const query = await validateInput(favoriteListQueryRules, request.query, 'query');
    return favorites.list(userId, { cursor: optionalText(query.cursor), limit: pageLimit(optionalText(query.limit)) });
  });
}
