import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApplicationDetail } from '../../services/contracts/applications';
import type {
  EmployerApplicationView,
  EmployerHr,
  EmployerHrOptionList,
  EmployerJob,
  EmployerJobList,
  EmployerSession,
} from '../../services/contracts/employer';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { JobDetail, JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import type { EmployerServerEvent } from '../../services/contracts/realtime';
import { connectRealtime, startTestBackend, type TestBackend } from './mock-fixture';
import { sampleInvitation } from '../support/interview-invitation';
import { apply, fillApplyEssentials, openJobs, type OpenJob } from './mock-resume-helpers';

type Page = CursorPage<EmployerApplicationView>;

describe('mock backend: the HR console API', () => {
  let backend: TestBackend;
  let consoleDir: string;
  /** Two open jobs of one company with two HRs, and a job of another company. */
  let jobA: OpenJob;
  let jobB: OpenJob;
  let foreignJob: OpenJob;
  let colleagueHrId: number;

  beforeAll(async () => {
    consoleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
    fs.mkdirSync(path.join(consoleDir, 'assets'));
    fs.writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
    fs.writeFileSync(path.join(consoleDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    backend = await startTestBackend({ consoleDir });
    const db = backend.server.db;
    const company = db
      .prepare(
        `SELECT j.company_id FROM jobs j WHERE j.status = 'open' GROUP BY j.company_id
         HAVING count(*) >= 2 AND (SELECT count(*) FROM hrs h WHERE h.company_id = j.company_id) >= 2
         ORDER BY j.company_id LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const rows = db
      .prepare("SELECT id, company_id, hr_id FROM jobs WHERE company_id = ? AND status = 'open' ORDER BY id LIMIT 2")
      .all(company) as { id: number; company_id: number; hr_id: number }[];
    [jobA, jobB] = rows.map((row) => ({ id: String(row.id), companyId: row.company_id, hrId: row.hr_id }));
    colleagueHrId = db
      .prepare('SELECT id FROM hrs WHERE company_id = ? AND id != ? ORDER BY id LIMIT 1')
      .pluck()
      .get(company, jobA.hrId) as number;
    foreignJob = openJobs(backend, 60).find((job) => job.companyId !== company)!;
  });
  afterAll(async () => {
    await backend.close();
    fs.rmSync(consoleDir, { recursive: true, force: true });
  });

  async function signIn(hrId: number): Promise<EmployerSession> {
    const answer = await backend.request<EmployerSession>('POST', '/employer/session', {
      body: { hrId: String(hrId) },
    });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  const asHr = <T>(token: string, method: string, urlPath: string, body?: unknown) =>
    backend.request<T>(method, urlPath, { token, body });

  let seekerCount = 0;
  async function applyAsNewSeeker(jobId: string, basic?: Parameters<typeof fillApplyEssentials>[3]) {
    const { accessToken } = await backend.login(`console-seeker-${++seekerCount}`);
    await fillApplyEssentials(backend, accessToken, '13800001111', basic);
    const created = await apply(backend, accessToken, { jobId });
    expect(created.status).toBe(201);
    return { token: accessToken, application: created.body as ApplicationDetail };
  }

  it('lists seeded HRs to sign in as, and signs in with a token that turns the autopilot off', async () => {
    const options = await backend.request<EmployerHrOptionList>('GET', '/employer/hrs');
    expect(options.status).toBe(200);
    expect(options.body.items.length).toBeGreaterThan(0);
    const company = backend.server.db
      .prepare('SELECT name FROM companies WHERE id = ?')
      .pluck()
      .get(jobA.companyId) as string;
    const found = await backend.request<EmployerHrOptionList>(
      'GET',
      `/employer/hrs?keyword=${encodeURIComponent(company)}`,
    );
    expect(found.body.items.map((item) => item.id)).toContain(String(jobA.hrId));
    expect(found.body.items.every((item) => item.company.name.includes(company))).toBe(true);

    const missing = await backend.request<ApiErrorBody>('POST', '/employer/session', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ path: 'hrId', message: '请选择要登录的HR账号' }]);
    expect((await backend.request('POST', '/employer/session', { body: { hrId: '999999' } })).status).toBe(404);

    const session = await signIn(jobA.hrId);
    expect(session.token).toMatch(/^hr_/);
    expect(session.hr).toMatchObject({
      id: String(jobA.hrId),
      company: { id: String(jobA.companyId) },
      autopilot: false,
    });
    expect((await asHr<EmployerHr>(session.token, 'GET', '/employer/me')).body.id).toBe(String(jobA.hrId));

    expect((await backend.request('GET', '/employer/me')).status).toBe(401);
    expect((await asHr(`hr_not-a-token`, 'GET', '/employer/applications')).status).toBe(401);
    expect((await asHr(session.token, 'DELETE', '/employer/session')).status).toBe(204);
    expect((await asHr(session.token, 'GET', '/employer/me')).status).toBe(401);
  });

  it("scopes the token to the HR's company: colleagues' applications are shared, other companies' are 404", async () => {
    const { application } = await applyAsNewSeeker(jobA.id);
    const foreign = await applyAsNewSeeker(foreignJob.id);
    const colleague = await signIn(colleagueHrId);

    const list = await asHr<Page>(colleague.token, 'GET', '/employer/applications');
    const ids = list.body.items.map((item) => item.id);
    expect(ids).toContain(application.id);
    expect(ids).not.toContain(foreign.application.id);
    expect(list.body.items.find((item) => item.id === application.id)).toMatchObject({ unread: true });

    const theirs = await asHr<ApiErrorBody>(colleague.token, 'GET', `/employer/applications/${foreign.application.id}`);
    expect(theirs.status).toBe(404);
    const act = await asHr<ApiErrorBody>(
      colleague.token,
      'POST',
      `/employer/applications/${foreign.application.id}/reject`,
      {
        reason: '不合适',
      },
    );
    expect(act.status).toBe(404);
    const attachment = await asHr(
      colleague.token,
      'GET',
      `/employer/applications/${foreign.application.id}/attachment`,
    );
    expect(attachment.status).toBe(404);

    const viewed = await asHr<EmployerApplicationView>(
      colleague.token,
      'POST',
      `/employer/applications/${application.id}/view`,
    );
    expect(viewed.body).toMatchObject({ status: 'viewed', unread: false });
  });

  it('filters the inbox by job, status and day, and sorts by match', async () => {
    const hr = await signIn(jobA.hrId);
    // A seeker whose expectations fit job B's category and city, and one who fits nothing.
    const jobBRow = backend.server.db
      .prepare('SELECT category, city_code, salary_min_month, salary_max_month FROM jobs WHERE id = ?')
      .get(Number(jobB.id)) as {
      category: string;
      city_code: string;
      salary_min_month: number;
      salary_max_month: number;
    };
    const fit = await backend.login('console-fit');
    await fillApplyEssentials(backend, fit.accessToken, '13800002222');
    const expectations = await backend.request('PUT', '/resume/expectations', {
      token: fit.accessToken,
      body: {
        categories: [jobBRow.category],
        cityCodes: [jobBRow.city_code],
        salaryMin: jobBRow.salary_min_month,
        salaryMax: jobBRow.salary_max_month,
        jobTypes: ['full_time'],
      },
    });
    expect(expectations.status).toBe(200);
    const fitApplication = (await apply(backend, fit.accessToken, { jobId: jobB.id })).body as ApplicationDetail;
    const plain = await applyAsNewSeeker(jobB.id, {
      name: '王五',
      gender: 'male',
      birthYear: 1990,
      cityCode: '110000',
      status: 'employed',
    });

    const byJob = await asHr<Page>(hr.token, 'GET', `/employer/applications?jobId=${jobB.id}`);
    expect(byJob.body.items.map((item) => item.id)).toEqual([plain.application.id, fitApplication.id]);
    const byMatch = await asHr<Page>(hr.token, 'GET', `/employer/applications?jobId=${jobB.id}&sort=match`);
    expect(byMatch.body.items.map((item) => item.id)).toEqual([fitApplication.id, plain.application.id]);
    const best = byMatch.body.items[0];
    expect(best.matchScore).toBeGreaterThan(byMatch.body.items[1].matchScore);
    expect(best.matchReasons).toEqual(expect.arrayContaining(['期望职位相符', '期望城市相符', '薪资期望在范围内']));

    const firstPage = await asHr<Page>(hr.token, 'GET', `/employer/applications?jobId=${jobB.id}&sort=match&limit=1`);
    expect(firstPage.body.items.map((item) => item.id)).toEqual([fitApplication.id]);
    const secondPage = await asHr<Page>(
      hr.token,
      'GET',
      `/employer/applications?jobId=${jobB.id}&sort=match&limit=1&cursor=${firstPage.body.nextCursor}`,
    );
    expect(secondPage.body.items.map((item) => item.id)).toEqual([plain.application.id]);

    const submitted = await asHr<Page>(hr.token, 'GET', `/employer/applications?status=submitted&jobId=${jobB.id}`);
    expect(submitted.body.items).toHaveLength(2);
    const viewedOnly = await asHr<Page>(hr.token, 'GET', `/employer/applications?status=viewed&jobId=${jobB.id}`);
    expect(viewedOnly.body.items).toHaveLength(0);

    const day = new Date(backend.server.context.clock.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const today = await asHr<Page>(
      hr.token,
      'GET',
      `/employer/applications?jobId=${jobB.id}&createdFrom=${day}&createdTo=${day}`,
    );
    expect(today.body.items).toHaveLength(2);
    const before = await asHr<Page>(hr.token, 'GET', `/employer/applications?jobId=${jobB.id}&createdTo=2000-01-01`);
    expect(before.body.items).toHaveLength(0);

    const backwards = await asHr<ApiErrorBody>(
      hr.token,
      'GET',
      '/employer/applications?createdFrom=2025-02-01&createdTo=2025-01-01',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual([{ path: 'query.createdTo', message: '结束日期不能早于开始日期' }]);
    const badSort = await asHr<ApiErrorBody>(hr.token, 'GET', '/employer/applications?sort=salary');
    expect(badSort.body.error.fields?.[0].path).toBe('query.sort');
  });

  it('keeps the autopilot off for an HR a person signed in as, and on again with the switch', async () => {
    const hr = await signIn(jobA.hrId);
    backend.server.db.prepare('UPDATE hrs SET reply_rate = 1 WHERE id = ?').run(jobA.hrId);
    const { application } = await applyAsNewSeeker(jobA.id);
    const tick = () => backend.request('POST', '/__admin/autopilot/tick', { body: { minutes: 24 * 60 } });
    await tick();
    const untouched = await asHr<EmployerApplicationView>(hr.token, 'GET', `/employer/applications/${application.id}`);
    expect(untouched.body.status).toBe('submitted');

    const badSwitch = await asHr<ApiErrorBody>(hr.token, 'PUT', '/employer/autopilot', { enabled: 'yes' });
    expect(badSwitch.status).toBe(400);
    expect(badSwitch.body.error.fields?.[0].path).toBe('enabled');
    const on = await asHr<EmployerHr>(hr.token, 'PUT', '/employer/autopilot', { enabled: true });
    expect(on.body.autopilot).toBe(true);
    await tick();
    const answered = await asHr<EmployerApplicationView>(hr.token, 'GET', `/employer/applications/${application.id}`);
    expect(answered.body.status).not.toBe('submitted');
  });

  it('lists the company’s jobs with counts; pausing and closing stop applications, and the seeker sees why', async () => {
    const hr = await signIn(jobA.hrId);
    const jobs = await asHr<EmployerJobList>(hr.token, 'GET', '/employer/jobs');
    const companyJobs = backend.server.db
      .prepare('SELECT count(*) FROM jobs WHERE company_id = ?')
      .pluck()
      .get(jobA.companyId) as number;
    expect(jobs.body.items).toHaveLength(companyJobs);
    const listedB = jobs.body.items.find((job) => job.id === jobB.id)!;
    expect(listedB.status).toBe('open');
    expect(listedB.applicationTotal).toBe(2);
    expect(Object.values(listedB.applicationCounts).reduce((sum, n) => sum + n, 0)).toBe(2);
    const searchFor = async () => {
      const job = (await backend.request<JobDetail>('GET', `/jobs/${jobB.id}`)).body;
      const query = `keyword=${encodeURIComponent(job.title)}&cityCode=${job.cityCode}&limit=50`;
      return (await backend.request<CursorPage<JobSummary>>('GET', `/jobs?${query}`)).body.items.map((item) => item.id);
    };
    expect(await searchFor()).toContain(jobB.id);

    const seeker = await backend.login('console-closed-seeker');
    await fillApplyEssentials(backend, seeker.accessToken, '13800003333');

    const paused = await asHr<EmployerJob>(hr.token, 'PUT', `/employer/jobs/${jobB.id}/status`, { status: 'paused' });
    expect(paused.body.status).toBe('paused');
    const refused = await apply<ApiErrorBody>(backend, seeker.accessToken, { jobId: jobB.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ message: '该职位暂停招聘，暂不接受投递', reason: 'job_not_open' });
    expect(await searchFor()).not.toContain(jobB.id);

    const reopened = await asHr<EmployerJob>(hr.token, 'PUT', `/employer/jobs/${jobB.id}/status`, { status: 'open' });
    expect(reopened.body.status).toBe('open');
    const closed = await asHr<EmployerJob>(hr.token, 'PUT', `/employer/jobs/${jobB.id}/status`, { status: 'closed' });
    expect(closed.body.status).toBe('closed');
    const detail = await backend.request<JobDetail>('GET', `/jobs/${jobB.id}`);
    expect(detail.body.status).toBe('closed');
    const refusedClosed = await apply<ApiErrorBody>(backend, seeker.accessToken, { jobId: jobB.id });
    expect(refusedClosed.body.error.message).toBe('该职位已关闭，不再接受投递');

    const reopenClosed = await asHr<ApiErrorBody>(hr.token, 'PUT', `/employer/jobs/${jobB.id}/status`, {
      status: 'open',
    });
    expect(reopenClosed.status).toBe(409);
    expect(reopenClosed.body.error.message).toBe('职位当前为「已关闭」，无法恢复招聘');
    const badStatus = await asHr<ApiErrorBody>(hr.token, 'PUT', `/employer/jobs/${jobB.id}/status`, { status: 'gone' });
    expect(badStatus.body.error.fields).toEqual([{ path: 'status', message: '请选择职位状态' }]);
    const foreign = await asHr(hr.token, 'PUT', `/employer/jobs/${foreignJob.id}/status`, { status: 'paused' });
    expect(foreign.status).toBe(404);
    expect((await backend.request<JobDetail>('GET', `/jobs/${foreignJob.id}`)).body.status).toBe('open');
  });

  it('closes a job and its waiting applications in one commit: a failure part way leaves all as they were', async () => {
    const job = openJobs(backend, 120)
      .reverse()
      .find((candidate) => candidate.companyId !== jobA.companyId && candidate.companyId !== foreignJob.companyId)!;
    const hr = await signIn(job.hrId);
    const first = await applyAsNewSeeker(job.id);
    const second = await applyAsNewSeeker(job.id);
    let failing = true;
    backend.server.context.applications.onStatusChange(({ record }) => {
      if (failing && record.id === Number(second.application.id)) throw new Error('disk full');
    });
    try {
      const failed = await asHr(hr.token, 'PUT', `/employer/jobs/${job.id}/status`, { status: 'closed' });
      expect(failed.status).toBe(500);
      expect((await backend.request<JobDetail>('GET', `/jobs/${job.id}`)).body.status).toBe('open');
      const untouched = await backend.request<ApplicationDetail>('GET', `/applications/${first.application.id}`, {
        token: first.token,
      });
      expect(untouched.body.status).toBe('submitted');
    } finally {
      failing = false;
    }
    const closed = await asHr<EmployerJob>(hr.token, 'PUT', `/employer/jobs/${job.id}/status`, { status: 'closed' });
    expect(closed.body.applicationCounts).toMatchObject({ submitted: 0, closed: 2 });
  });

  it('closing a job ends the applications still waiting, telling each seeker; interviews go on', async () => {
    const job = openJobs(backend, 80).find(
      (candidate) => candidate.companyId !== jobA.companyId && candidate.companyId !== foreignJob.companyId,
    )!;
    const hr = await signIn(job.hrId);
    const waiting = await applyAsNewSeeker(job.id);
    const viewed = await applyAsNewSeeker(job.id);
    const interviewing = await applyAsNewSeeker(job.id);
    await asHr(hr.token, 'POST', `/employer/applications/${viewed.application.id}/view`);
    await asHr(hr.token, 'POST', `/employer/applications/${interviewing.application.id}/view`);
    const now = backend.server.context.clock.now();
    const invited = await asHr(hr.token, 'POST', `/employer/applications/${interviewing.application.id}/invite`, {
      ...sampleInvitation(now),
    });
    expect(invited.status).toBe(200);
    const seekerSocket = connectRealtime(backend.url, waiting.token);
    try {
      await seekerSocket.next('hello');
      // Pausing changes no application.
      await asHr(hr.token, 'PUT', `/employer/jobs/${job.id}/status`, { status: 'paused' });
      const stillWaiting = await backend.request<ApplicationDetail>('GET', `/applications/${waiting.application.id}`, {
        token: waiting.token,
      });
      expect(stillWaiting.body.status).toBe('submitted');

      const closed = await asHr<EmployerJob>(hr.token, 'PUT', `/employer/jobs/${job.id}/status`, { status: 'closed' });
      expect(closed.body.applicationCounts).toMatchObject({ submitted: 0, viewed: 0, closed: 2, interview: 1 });
      const pushed = await seekerSocket.next('application.updated');
      expect(pushed).toMatchObject({ application: { id: waiting.application.id, status: 'closed' } });
    } finally {
      seekerSocket.close();
    }
    for (const seeker of [waiting, viewed]) {
      const detail = await backend.request<ApplicationDetail>('GET', `/applications/${seeker.application.id}`, {
        token: seeker.token,
      });
      expect(detail.body).toMatchObject({ status: 'closed', reason: '职位已停止招聘' });
      const messages = await backend.request<{ items: Array<{ text: string }> }>(
        'GET',
        `/conversations/${detail.body.conversationId}/messages`,
        { token: seeker.token },
      );
      expect(messages.body.items.map((message) => message.text)).toContainEqual(
        expect.stringMatching(/^「.+」已停止招聘，你的投递已关闭。/),
      );
    }
    const goingOn = await backend.request<ApplicationDetail>('GET', `/applications/${interviewing.application.id}`, {
      token: interviewing.token,
    });
    expect(goingOn.body.status).toBe('interview');
  });

  it("pushes new and changed applications to the company's console sockets only", async () => {
    const hr = await signIn(jobA.hrId);
    const other = await signIn(foreignJob.hrId);
    const mine = connectRealtime<EmployerServerEvent>(backend.url, hr.token, '/ws/employer');
    const theirs = connectRealtime<EmployerServerEvent>(backend.url, other.token, '/ws/employer');
    try {
      expect(await mine.next('hello')).toMatchObject({ hrId: String(jobA.hrId), companyId: String(jobA.companyId) });
      await theirs.next('hello');
      const { token, application } = await applyAsNewSeeker(jobA.id);
      const created = await mine.next('application.created');
      expect(created.application).toMatchObject({ id: application.id, status: 'submitted', unread: true });
      expect(created.application.applicantResume).toMatchObject({ redacted: false, phone: '138****1111' });

      await backend.request('POST', `/applications/${application.id}/withdraw`, { token });
      expect((await mine.next('application.updated')).application).toMatchObject({
        id: application.id,
        status: 'withdrawn',
      });
      await expect(theirs.next('application.created', 300)).rejects.toThrow('no application.created');

      mine.socket.send(JSON.stringify({ type: 'ping' }));
      await mine.next('pong');
    } finally {
      mine.close();
      theirs.close();
    }
    const refused = connectRealtime(backend.url, 'hr_not-a-token', '/ws/employer');
    expect((await refused.closed).code).toBe(4401);
    const seekerToken = (await backend.login('console-socket-seeker')).accessToken;
    const wrongChannel = connectRealtime(backend.url, seekerToken, '/ws/employer');
    expect((await wrongChannel.closed).code).toBe(4401);
  });

  it('serves the built console at /console, with index.html for its own routes', async () => {
    const root = await fetch(`${backend.url}/console`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/console/');
    const index = await fetch(`${backend.url}/console/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('<title>console</title>');
    const deep = await fetch(`${backend.url}/console/applications/12`);
    expect(await deep.text()).toContain('<title>console</title>');
    const asset = await fetch(`${backend.url}/console/assets/app-1a2b.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');
    const escape = await fetch(`${backend.url}/console/..%2f..%2fpackage.json`);
    expect(await escape.text()).toContain('<title>console</title>');
  });
});

describe('mock backend: the console before it is built', () => {
  it('answers /console with a 503 that says how to build it', async () => {
    const backend = await startTestBackend({ consoleDir: path.join(os.tmpdir(), 'no-console-here') });
    try {
      const answer = await backend.request<ApiErrorBody>('GET', '/console/');
      expect(answer.status).toBe(503);
      expect(answer.body.error.message).toContain('npm run build:console');
    } finally {
      await backend.close();
    }
  });
});

describe('mock backend: an HR session that ran out', () => {
  it('answers 401 token_expired, and the console socket closes with 4402', async () => {
    const backend = await startTestBackend({ hrSessionTtlSeconds: 1 });
    try {
      const hrId = backend.server.db.prepare('SELECT id FROM hrs ORDER BY id LIMIT 1').pluck().get() as number;
      const session = await backend.request<EmployerSession>('POST', '/employer/session', {
        body: { hrId: String(hrId) },
      });
      expect((await backend.request('GET', '/employer/me', { token: session.body.token })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const expired = await backend.request<ApiErrorBody>('GET', '/employer/me', { token: session.body.token });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('token_expired');
      const socket = connectRealtime(backend.url, session.body.token, '/ws/employer');
      expect((await socket.closed).code).toBe(4402);
    } finally {
      await backend.close();
    }
  });
});
