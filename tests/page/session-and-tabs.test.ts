import { makeReadyToApply, startMockServer } from '../support/mock-server';
import { createFakeMy } from '../../runtime/harness/fake-my';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';
import type { JobSummary } from '../../services/contracts/jobs';
import { TOKENS_STORAGE_KEY, type StoredTokens } from '../../services/session-tokens';
import { sampleInvitation } from '../support/interview-invitation';

let server: Awaited<ReturnType<typeof startMockServer>>;
let rt: Runtime;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 60, seed: 'session-tests' } });
});
afterAll(() => server.stop());

function launch(options: { user?: string; storage?: Record<string, unknown> } = {}) {
  jest.resetModules();
  const my = createFakeMy({ authUser: options.user ?? 'li-lei', storage: options.storage });
  rt = createRuntime({ my, globals: { __API_BASE_URL__: server.url } });
  rt.mountApp();
  return rt;
}
afterEach(() => rt.dispose());

const storedTokens = () => rt.fake.storage.get(TOKENS_STORAGE_KEY) as StoredTokens;
const urls = () => rt.fake.requests.map((r) => new URL(r.url).pathname);

describe('session', () => {
  it('signs in silently on launch and shows the profile on 我的', async () => {
    launch();
    const me = rt.mountPage<{ status: string; nickname: string; maskedUserId: string }>('pages/me/index');
    await rt.flush();
    expect(rt.fake.authCodes).toHaveLength(1);
    expect(me.data.status).toBe('signed_in');
    expect(me.data.nickname).toBeTruthy();
    expect(me.data.maskedUserId).toMatch(/^2088\*{4}\d{4}$/);
    expect(storedTokens().userId).toMatch(/^2088\d{12}$/);
  });

  it("shows the seeker's name from the resume and counts of applications, interviews and saved jobs", async () => {
    launch({ user: 'me-counts' });
    const me = rt.mountPage<{
      nickname: string;
      avatarText: string;
      counts: Array<{ label: string; value: string }>;
    }>('pages/me/index');
    await rt.flush();
    const nickname = me.data.nickname;
    expect(me.data.counts.map((c) => [c.label, c.value])).toEqual([
      ['投递', '0'],
      ['面试', '0'],
      ['收藏', '0'],
    ]);

    // Elsewhere: the resume gets a name, two applications (one invited to interview) and a saved job.
    const token = storedTokens().accessToken;
    await makeReadyToApply(server, token);
    const asSeeker = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const jobs = ((await (await fetch(`${server.url}/jobs?limit=3`)).json()) as { items: JobSummary[] }).items;
    const applied: Array<{ id: string }> = [];
    for (const job of jobs.slice(0, 2)) {
      const response = await fetch(`${server.url}/applications`, {
        method: 'POST',
        headers: { ...asSeeker, 'idempotency-key': `me-counts-${job.id}` },
        body: JSON.stringify({ jobId: job.id }),
      });
      applied.push((await response.json()) as { id: string });
    }
    const asHr = { 'content-type': 'application/json', 'x-hr-id': jobs[0].hr.id };
    await fetch(`${server.url}/employer/applications/${applied[0].id}/invite`, {
      method: 'POST',
      headers: asHr,
      body: JSON.stringify(sampleInvitation()),
    });
    await fetch(`${server.url}/favorites/${jobs[2].id}`, { method: 'PUT', headers: asSeeker });

    me.hide();
    me.show();
    await rt.flush();
    expect(me.data.nickname).toBe('李雷');
    expect(nickname).not.toBe('李雷');
    expect(me.data.avatarText).toBe('李');
    expect(me.data.counts.map((c) => [c.label, c.value])).toEqual([
      ['投递', '2'],
      ['面试', '1'],
      ['收藏', '1'],
    ]);
    me.tap('onCountTap', { dataset: { route: 'subpackages/applications/pages/list/index', status: 'interview' } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({
      url: '/subpackages/applications/pages/list/index?status=interview',
    });
  });

  it('restores stored tokens on the next launch without asking Alipay again', async () => {
    launch();
    await rt.flush();
    const tokens = storedTokens();
    rt.dispose();

    launch({ storage: { [TOKENS_STORAGE_KEY]: tokens } });
    await rt.flush();
    expect(rt.fake.authCodes).toHaveLength(0);
    // (The chat's catch-up after its socket connects may or may not have asked for the badge yet.)
    expect(urls().filter((u) => u !== '/conversations/unread-count')).toEqual(['/me', '/resume']);
  });

  it('refreshes a rejected access token once, however many requests are waiting', async () => {
    launch();
    await rt.flush();
    const tokens = { ...storedTokens(), accessToken: 'revoked-access-token-000000000000' };
    rt.dispose();

    launch({ storage: { [TOKENS_STORAGE_KEY]: tokens } });
    const messages = rt.mountPage<{ status: string }>('pages/messages/index');
    messages.show();
    await rt.flush();
    expect(urls().filter((u) => u === '/auth/refresh')).toHaveLength(1);
    expect(rt.fake.authCodes).toHaveLength(0);
    expect(messages.data.status).toBe('ready');
    expect(storedTokens().accessToken).not.toBe(tokens.accessToken);
  });

  it('falls back to a silent auth_base login when the refresh token is refused', async () => {
    launch();
    await rt.flush();
    const tokens = {
      ...storedTokens(),
      accessToken: 'revoked-access-token-000000000000',
      refreshToken: 'revoked-refresh-token-00000000000',
    };
    rt.dispose();

    launch({ storage: { [TOKENS_STORAGE_KEY]: tokens } });
    const me = rt.mountPage<{ status: string }>('pages/me/index');
    await rt.flush();
    expect(urls()).toContain('/auth/login');
    expect(rt.fake.authCodes).toHaveLength(1);
    expect(me.data.status).toBe('signed_in');
  });

  it('shows a retry on 我的 when sign-in fails, and recovers', async () => {
    launch();
    rt.fake.setOffline(true);
    const me = rt.mountPage<{ status: string; errorMessage: string }>('pages/me/index');
    await rt.flush();
    expect(me.data.status).toBe('failed');
    expect(me.data.errorMessage).toBe('网络不给力，请检查网络后重试');
    rt.fake.setOffline(false);
    me.tap('onRetrySignIn');
    await rt.flush();
    expect(me.data.status).toBe('signed_in');
  });
});

describe('消息 tab', () => {
  it('shows the empty state for a new seeker, then the conversation an application opens', async () => {
    launch({ user: `new-${Date.now()}` });
    const messages = rt.mountPage<{
      status: string;
      rows: Array<{ title: string; subtitle: string; preview: string }>;
    }>('pages/messages/index');
    messages.show();
    await rt.flush();
    expect(messages.data.status).toBe('ready');
    expect(messages.data.rows).toEqual([]);

    const jobs = (await (await fetch(`${server.url}/jobs?limit=1`)).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    await makeReadyToApply(server, storedTokens().accessToken);
    const apply = await fetch(`${server.url}/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${storedTokens().accessToken}`,
        'idempotency-key': 'page-test-apply-1',
      },
      body: JSON.stringify({ jobId: jobs.items[0].id, greeting: '您好，我对这个职位很感兴趣' }),
    });
    expect(apply.status).toBe(201);

    messages.show();
    await rt.flush();
    expect(messages.data.rows).toHaveLength(1);
    expect(messages.data.rows[0].subtitle).toBe(`沟通职位：${jobs.items[0].title}`);
    expect(messages.data.rows[0].preview).toBe('我：您好，我对这个职位很感兴趣');
  });
});

describe('job detail', () => {
  it('shows a job from the mock, and a clear message for one that is gone', async () => {
    launch();
    const jobs = (await (await fetch(`${server.url}/jobs?limit=1`)).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    const detail = rt.mountPage<{ job: { title: string; hr: { replyRateText: string } } | null }>(
      'subpackages/job/pages/detail/index',
      { id: jobs.items[0].id },
    );
    await rt.flush();
    expect(detail.data.job?.title).toBe(jobs.items[0].title);
    expect(detail.data.job?.hr.replyRateText).toMatch(/^回复率 \d+%$/);
    const share = (await detail.shareAppMessage()) as { path: string };
    expect(share.path).toBe(`subpackages/job/pages/detail/index?id=${jobs.items[0].id}`);

    const missing = rt.mountPage<{ status: string; errorMessage: string }>('subpackages/job/pages/detail/index', {
      id: 'no-such-job',
    });
    await rt.flush();
    expect(missing.data.status).toBe('missing');
    expect(missing.data.errorMessage).toBe('职位不存在或已下线');
  });
});
