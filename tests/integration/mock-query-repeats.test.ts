/** A query parameter given twice gets a 400 that names it and says so, on every list endpoint. */
import { startTestBackend, type TestBackend } from './mock-fixture';
import { openJobs } from './mock-resume-helpers';

interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ path: string; message: string }> };
}

describe('a repeated query parameter', () => {
  let backend: TestBackend;
  let token: string;

  beforeAll(async () => {
    backend = await startTestBackend();
    token = (await backend.login('query-repeats')).accessToken;
  });
  afterAll(() => backend.close());

  it.each([
    ['/jobs?keyword=司机&keyword=厨师', 'keyword', '搜索关键词'],
    ['/jobs?cityCode=110100&limit=10&cityCode=330100', 'cityCode', '城市'],
    ['/jobs/suggest?keyword=a&keyword=b', 'keyword', '搜索关键词'],
    ['/applications?status=active&status=ended', 'status', '状态'],
    ['/favorites?limit=5&limit=6', 'limit', '每页数量'],
    ['/conversations?unread=1&unread=0', 'unread', '只看未读'],
    ['/income?month=2025-01&month=2025-02', 'month', '月份'],
  ])('GET %s names %s, in Chinese for people', async (route, name, label) => {
    const response = await backend.request('GET', route, { token });
    expect(response.status).toBe(400);
    const { error } = response.body as ErrorBody;
    expect(error.fields).toEqual([{ path: `query.${name}`, message: `${label}只能填写一个` }]);
    expect(error.message).toBe(`${label}只能填写一个`);
  });

  it.each([
    ['/employer/applications?status=active&status=ended', 'status', '状态'],
    ['/employer/interviews?applicationId=1&applicationId=2', 'applicationId', '投递编号'],
  ])('GET %s (the HR) names %s', async (route, name, label) => {
    const [job] = openJobs(backend, 1);
    const response = await backend.request('GET', route, { headers: { 'x-hr-id': String(job.hrId) } });
    expect(response.status).toBe(400);
    expect((response.body as ErrorBody).error.fields).toEqual([
      { path: `query.${name}`, message: `${label}只能填写一个` },
    ]);
  });

  it('still takes the parameter once', async () => {
    const response = await backend.request('GET', '/jobs?keyword=司机', { token });
    expect(response.status).toBe(200);
  });
});
