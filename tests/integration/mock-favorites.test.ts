import type { TokenPair } from '../../services/contracts/auth';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { FavoriteItem, FavoriteState } from '../../services/contracts/favorites';
import type { JobDetail, JobReportCreated, JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { startTestBackend, type TestBackend } from './mock-fixture';

describe('mock backend favorites and reports', () => {
  let backend: TestBackend;
  let jobs: JobSummary[];
  let alice: TokenPair;
  let bob: TokenPair;

  beforeAll(async () => {
    backend = await startTestBackend({ seed: { jobs: 200, seed: 'favorites-test' } });
    jobs = (await backend.request<CursorPage<JobSummary>>('GET', '/jobs?limit=10')).body.items;
    alice = await backend.login('alice');
    bob = await backend.login('bob');
  });
  afterAll(() => backend.close());

  const favorite = (token: string, jobId: string, method: 'PUT' | 'DELETE' = 'PUT') =>
    backend.request<FavoriteState>(method, `/favorites/${jobId}`, { token });
  const list = (token: string, query = '') =>
    backend.request<CursorPage<FavoriteItem>>('GET', `/favorites${query}`, { token });

  it('needs a sign-in', async () => {
    expect((await backend.request('PUT', `/favorites/${jobs[0].id}`)).status).toBe(401);
    expect((await backend.request('DELETE', `/favorites/${jobs[0].id}`)).status).toBe(401);
    expect((await backend.request('GET', '/favorites')).status).toBe(401);
  });

  it('saves and removes idempotently, 404 for an unknown job', async () => {
    expect((await favorite(alice.accessToken, jobs[0].id)).body).toEqual({ jobId: jobs[0].id, favorited: true });
    const first = (await list(alice.accessToken)).body.items[0];
    expect((await favorite(alice.accessToken, jobs[0].id)).body).toEqual({ jobId: jobs[0].id, favorited: true });
    const again = await list(alice.accessToken);
    expect(again.body.items).toHaveLength(1);
    expect(again.body.items[0].favoritedAt).toBe(first.favoritedAt);

    expect((await favorite(alice.accessToken, jobs[0].id, 'DELETE')).body).toEqual({
      jobId: jobs[0].id,
      favorited: false,
    });
    expect((await favorite(alice.accessToken, jobs[0].id, 'DELETE')).status).toBe(200);
    expect((await list(alice.accessToken)).body.items).toHaveLength(0);

    for (const method of ['PUT', 'DELETE'] as const) {
      const unknown = await backend.request<ApiErrorBody>(method, '/favorites/99999999', { token: alice.accessToken });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('not_found');
      expect((await backend.request(method, '/favorites/abc', { token: alice.accessToken })).status).toBe(404);
    }
  });

  it('lists newest first, page by page, with the job summary', async () => {
    for (const job of jobs.slice(0, 5)) await favorite(alice.accessToken, job.id);
    const firstPage = await list(alice.accessToken, '?limit=2');
    expect(firstPage.body.items.map((item) => item.job.id)).toEqual([jobs[4].id, jobs[3].id]);
    expect(firstPage.body.items[0].job).toMatchObject({ title: jobs[4].title, company: jobs[4].company });
    expect(Date.parse(firstPage.body.items[0].favoritedAt)).not.toBeNaN();
    const ids = firstPage.body.items.map((item) => item.job.id);
    let cursor = firstPage.body.nextCursor;
    while (cursor) {
      const page = await list(alice.accessToken, `?limit=2&cursor=${cursor}`);
      ids.push(...page.body.items.map((item) => item.job.id));
      cursor = page.body.nextCursor;
    }
    expect(ids).toEqual(
      jobs
        .slice(0, 5)
        .map((job) => job.id)
        .reverse(),
    );

    // Saved again after removal: back on top.
    await favorite(alice.accessToken, jobs[1].id, 'DELETE');
    await favorite(alice.accessToken, jobs[1].id);
    expect((await list(alice.accessToken, '?limit=1')).body.items[0].job.id).toBe(jobs[1].id);

    const bad = await backend.request<ApiErrorBody>('GET', '/favorites?limit=0', { token: alice.accessToken });
    expect(bad.body.error.fields?.[0].path).toBe('query.limit');
  });

  it('keeps each seeker to their own favorites', async () => {
    await favorite(bob.accessToken, jobs[7].id);
    expect((await list(bob.accessToken)).body.items.map((item) => item.job.id)).toEqual([jobs[7].id]);
    expect((await list(alice.accessToken)).body.items.map((item) => item.job.id)).not.toContain(jobs[7].id);

    // Bob removing a job only Alice saved changes nothing for Alice.
    const aliceCount = (await list(alice.accessToken)).body.items.length;
    await favorite(bob.accessToken, jobs[2].id, 'DELETE');
    expect((await list(alice.accessToken)).body.items).toHaveLength(aliceCount);

    const detailAsBob = await backend.request<JobDetail>('GET', `/jobs/${jobs[2].id}`, { token: bob.accessToken });
    const detailAsAlice = await backend.request<JobDetail>('GET', `/jobs/${jobs[2].id}`, { token: alice.accessToken });
    expect(detailAsBob.body.favorited).toBe(false);
    expect(detailAsAlice.body.favorited).toBe(true);
  });

  it('tells on the job detail whether it is saved: false when anonymous, 401 for a bad token', async () => {
    await favorite(alice.accessToken, jobs[0].id);
    expect((await backend.request<JobDetail>('GET', `/jobs/${jobs[0].id}`)).body.favorited).toBe(false);
    expect(
      (await backend.request<JobDetail>('GET', `/jobs/${jobs[0].id}`, { token: alice.accessToken })).body.favorited,
    ).toBe(true);
    expect((await backend.request('GET', `/jobs/${jobs[0].id}`, { token: 'not-a-token' })).status).toBe(401);
  });

  describe('reports', () => {
    const report = (body: unknown, token = alice.accessToken, jobId = jobs[0].id) =>
      backend.request<JobReportCreated & ApiErrorBody>('POST', `/jobs/${jobId}/reports`, { token, body });

    it('stores a report with its reason and text', async () => {
      const created = await report({ reason: 'fee', text: '  面试要先交培训费  ' });
      expect(created.status).toBe(201);
      expect(created.body.id).toMatch(/^\d+$/);
      const row = backend.server.db
        .prepare('SELECT user_id, job_id, reason, text FROM job_reports WHERE id = ?')
        .get(Number(created.body.id));
      expect(row).toEqual({
        user_id: alice.userId,
        job_id: Number(jobs[0].id),
        reason: 'fee',
        text: '面试要先交培训费',
      });
      expect((await report({ reason: 'fake' })).status).toBe(201);
    });

    it.each([
      [{}, 'reason'],
      [{ reason: 'spam' }, 'reason'],
      [{ reason: 'other', text: '长'.repeat(201) }, 'text'],
      [{ reason: 'other', text: 42 }, 'text'],
    ])('answers 400 naming the field for %j', async (body, path) => {
      const response = await report(body);
      expect(response.status).toBe(400);
      expect(response.body.error.fields?.map((f) => f.path)).toContain(path);
      expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    });

    it('needs a sign-in and an existing job', async () => {
      expect((await report({ reason: 'fake' }, '')).status).toBe(401);
      expect((await report({ reason: 'fake' }, alice.accessToken, '99999999')).status).toBe(404);
      expect((await report({ reason: 'other', text: '长'.repeat(200) })).status).toBe(201);
    });
  });
});
