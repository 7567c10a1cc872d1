import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canonicalCityCode, type CityDetail, type CityList, type CityTier } from '../../services/contracts/cities';
import {
  jobListQueryRules,
  jobReportRules,
  jobSuggestQueryRules,
  type JobFilterOptions,
  type JobSuggestList,
  type SimilarJobList,
} from '../../services/contracts/jobs';
import type { MockContext } from '../context';
import { notFound } from '../http/api-error';
import { optionalText, validateInput } from '../http/validate-input';
import { jobFilterOptions } from '../jobs/job-filters';
import { findJobDetail, parseId } from '../jobs/job-queries';
import { reportJob } from '../jobs/job-reports';
import { jobSearchParams, searchJobs } from '../jobs/job-search';
import { suggestJobs } from '../jobs/job-suggest';
import { ensureSearchIndex } from '../jobs/search-index';
import { pinyinOf } from '../jobs/search-tokens';
import { similarJobs } from '../jobs/similar-jobs';
import { registerFavoriteRoutes } from './favorite-routes';

/** The signed-in user when the request carries a token (401 if that token is bad), else null. */
function optionalUser(ctx: MockContext, request: FastifyRequest): string | null {
  const authorization = request.headers.authorization;
  return authorization ? ctx.tokens.requireUser(authorization) : null;
}

function jobIdOf(raw: string): number {
  const id = parseId(raw);
  if (id === undefined) throw notFound('职位不存在或已下线');
  return id;
}

/** Jobs and cities are public: a seeker browses before signing in. Favorites and reports need a sign-in. */
export function registerJobRoutes(app: FastifyInstance, ctx: MockContext): void {
  // A database seeded before the search existed gets its index here, once.
  ensureSearchIndex(ctx.db);

  app.get('/jobs', async (request) => {
    const query = await validateInput(jobListQueryRules, request.query, 'query');
    return searchJobs(ctx.db, jobSearchParams(query), ctx.clock.now());
  });

  app.get('/jobs/suggest', async (request): Promise<JobSuggestList> => {
    const query = await validateInput(jobSuggestQueryRules, request.query, 'query');
    return { items: suggestJobs(ctx.db, query.keyword ?? '') };
  });

  app.get('/job-filters', async (): Promise<JobFilterOptions> => jobFilterOptions(ctx.db));

  app.get<{ Params: { id: string } }>('/jobs/:id', async (request) => {
    const userId = optionalUser(ctx, request);
    const job = findJobDetail(ctx.db, jobIdOf(request.params.id), { now: ctx.clock.now(), userId });
    if (!job) throw notFound('职位不存在或已下线');
    return job;
  });

  app.get<{ Params: { id: string } }>('/jobs/:id/similar', async (request): Promise<SimilarJobList> => {
    const items = similarJobs(ctx.db, jobIdOf(request.params.id), ctx.clock.now());
    if (!items) throw notFound('职位不存在或已下线');
    return { items };
  });

  app.post<{ Params: { id: string } }>('/jobs/:id/reports', async (request, reply) => {
    const userId = ctx.tokens.requireUser(request.headers.authorization);
    const jobId = jobIdOf(request.params.id);
    const body = await validateInput(jobReportRules, request.body, 'body');
    const created = reportJob(ctx.db, {
      userId,
      jobId,
      reason: body.reason,
      text: optionalText(typeof body.text === 'string' ? body.text.trim() : undefined) ?? null,
      now: ctx.clock.now(),
    });
    return reply.code(201).send(created);
  });

  type CityRow = { code: string; name: string; province: string; tier: CityTier };
  const withSpell = (city: CityRow) => ({ ...city, spell: pinyinOf(city.name.replace(/市$/, '')).full });

  app.get('/cities', async (): Promise<CityList> => {
    const rows = ctx.db.prepare('SELECT code, name, province, tier FROM cities ORDER BY code').all() as CityRow[];
    return { items: rows.map(withSpell) };
  });

  // Any code naming the city or a place in it (110100, 330106) answers the city under its own code.
  app.get<{ Params: { code: string } }>('/cities/:code', async (request): Promise<CityDetail> => {
    const row = ctx.db
      .prepare('SELECT code, name, province, tier FROM cities WHERE code = ?')
      .get(canonicalCityCode(request.params.code)) as CityRow | undefined;
    if (!row) throw notFound('城市不存在');
    const city = withSpell(row);
    const districts = ctx.db.prepare('SELECT name FROM districts WHERE city_code = ? ORDER BY id').all(city.code) as {
      name: string;
    }[];
    return { ...city, districts: districts.map((d) => d.name) };
  });

  registerFavoriteRoutes(app, ctx);
}
