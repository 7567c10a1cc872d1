import type { FastifyInstance } from 'fastify';
import type { CityDetail, CityList, CitySummary, CityTier } from '../../services/contracts/cities';
import { jobListQueryRules, type JobListQuery } from '../../services/contracts/jobs';
import type { MockContext } from '../context';
import { notFound } from '../http/api-error';
import { pageLimit } from '../http/cursor';
import { optionalText, validateInput } from '../http/validate-input';
import { findJobDetail, listJobs, parseId } from '../jobs/job-queries';

/** Jobs and cities are public: a seeker browses before signing in. */
export function registerJobRoutes(app: FastifyInstance, ctx: MockContext): void {
  app.get('/jobs', async (request) => {
    const query = await validateInput<JobListQuery>(jobListQueryRules, request.query, 'query');
    return listJobs(ctx.db, {
      keyword: optionalText(query.keyword?.trim()),
      cityCode: optionalText(query.cityCode),
      cursor: optionalText(query.cursor),
      limit: pageLimit(optionalText(query.limit)),
    });
  });

  app.get<{ Params: { id: string } }>('/jobs/:id', async (request) => {
    const id = parseId(request.params.id);
    const job = id === undefined ? undefined : findJobDetail(ctx.db, id);
    if (!job) throw notFound('职位不存在或已下线');
    return job;
  });

  app.get('/cities', async (): Promise<CityList> => {
    const items = ctx.db.prepare('SELECT code, name, province, tier FROM cities ORDER BY code').all() as CitySummary[];
    return { items };
  });

  app.get<{ Params: { code: string } }>('/cities/:code', async (request): Promise<CityDetail> => {
    const city = ctx.db
      .prepare('SELECT code, name, province, tier FROM cities WHERE code = ?')
      .get(request.params.code) as { code: string; name: string; province: string; tier: CityTier } | undefined;
    if (!city) throw notFound('城市不存在');
    const districts = ctx.db.prepare('SELECT name FROM districts WHERE city_code = ? ORDER BY id').all(city.code) as {
      name: string;
    }[];
    return { ...city, districts: districts.map((d) => d.name) };
  });
}
