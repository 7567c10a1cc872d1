/** Shared set-up for the apply and 我的投递 page tests: a signed-in seeker, jobs, and direct backend calls. */
import type { ApplicationDetail, ApplicationSummary } from '../../services/contracts/applications';
import type { JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { createFakeMy } from '../../runtime/harness/fake-my';
import { createRuntime, type Runtime } from '../../runtime/harness/runtime';
import type { startMockServer } from '../support/mock-server';

export type TestServer = Awaited<ReturnType<typeof startMockServer>>;

let seekers = 0;

/** A fresh app for a new seeker, signed in; `token` is theirs for calls straight to the backend. */
export async function launchSeeker(server: TestServer): Promise<{ rt: Runtime; token: string; user: string }> {
  jest.resetModules();
  const user = `apps${Date.now()}x${++seekers}`;
  const rt = createRuntime({ my: createFakeMy({ authUser: user }), globals: { __API_BASE_URL__: server.url } });
  rt.mountApp();
  await rt.flush();
  const tokens = rt.fake.storage.get('session.tokens') as { accessToken: string } | undefined;
  if (!tokens) throw new Error('the app did not sign in');
  return { rt, token: tokens.accessToken, user };
}

export async function call<T>(
  server: TestServer,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Open jobs, newest first, skipping the first `skip` (so tests sharing a server use different jobs). */
export async function openJobs(server: TestServer, count: number, skip = 0): Promise<JobSummary[]> {
  const { body } = await call<CursorPage<JobSummary>>(server, 'GET', `/jobs?limit=50`);
  const jobs = body.items.slice(skip, skip + count);
  if (jobs.length < count) throw new Error(`only ${jobs.length} open jobs`);
  return jobs;
}

let keys = 0;

/** Applies straight through the backend, as if from another device. */
export async function applyDirect(server: TestServer, token: string, jobId: string): Promise<ApplicationDetail> {
  const { status, body } = await call<ApplicationDetail>(server, 'POST', '/applications', {
    token,
    body: { jobId },
    headers: { 'idempotency-key': `direct-apply-${Date.now()}-${++keys}` },
  });
  if (status !== 201) throw new Error(`apply failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** The seeker's applications as the backend stores them. */
export async function storedApplications(server: TestServer, token: string): Promise<ApplicationSummary[]> {
  const { body } = await call<CursorPage<ApplicationSummary>>(server, 'GET', '/applications?limit=50', { token });
  return body.items;
}

/** An employer action on an application of one of its jobs. */
export async function employerAct(
  server: TestServer,
  application: { id: string; job: JobSummary },
  action: 'view' | 'invite' | 'reject',
  body?: unknown,
): Promise<void> {
  const { status } = await call(server, 'POST', `/employer/applications/${application.id}/${action}`, {
    headers: { 'x-hr-id': application.job.hr.id },
    body: body ?? {},
  });
  if (status !== 200) throw new Error(`employer ${action} failed: ${status}`);
}

/**
 * Answers `my.requestSubscribeMessage` (the fake lacks it) as a seeker who accepts every template or refuses;
 * returns the template ids of each call.
 */
export function answerSubscribe(rt: Runtime, accept: boolean): string[][] {
  const calls: string[][] = [];
  const requestSubscribeMessage = ((options: Parameters<typeof my.requestSubscribeMessage>[0]) => {
    calls.push([...options.entityIds]);
    const accepted = accept ? [...options.entityIds] : [];
    const answer = {
      behavior: accept ? ('subscribe' as const) : ('cancel' as const),
      show: true,
      keep: false,
      refuse: false,
      result: {
        subscribedEntityIds: accepted,
        unsubscribedEntityIds: accept ? [] : [...options.entityIds],
        currentSubscribedEntityIds: accepted,
      },
    };
    // Like the platform: the answer comes later, never inside the call.
    setTimeout(() => options.success?.(answer), 0);
    return Promise.resolve(answer);
  }) as typeof my.requestSubscribeMessage;
  rt.fake.define('requestSubscribeMessage', requestSubscribeMessage);
  return calls;
}
