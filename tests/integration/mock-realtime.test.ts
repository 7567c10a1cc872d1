import type { ApplicationDetail } from '../../services/contracts/applications';
import type { JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { REALTIME_CLOSE_CODES } from '../../services/contracts/realtime';
import { sampleInvitation } from '../support/interview-invitation';
import { connectRealtime, startTestBackend, type TestBackend } from './mock-fixture';
import { loginReadyToApply } from './mock-resume-helpers';

describe('mock backend realtime', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ seed: { jobs: 40 } });
  });
  afterAll(() => backend.close());

  it('greets with hello and answers ping with pong', async () => {
    const { accessToken, userId } = await loginReadyToApply(backend, 'ws-ping');
    const client = connectRealtime(backend.url, accessToken);
    expect(await client.next('hello')).toEqual({ type: 'hello', userId });
    client.socket.send(JSON.stringify({ type: 'ping' }));
    expect(await client.next('pong')).toEqual({ type: 'pong' });
    client.socket.send('not json');
    expect((await client.next('error')).message).toEqual(expect.any(String));
    client.close();
  });

  it('refuses a bad token by closing with the unauthorized code', async () => {
    const client = connectRealtime(backend.url, 'at_not-a-real-token');
    expect((await client.closed).code).toBe(REALTIME_CLOSE_CODES.unauthorized);
  });

  it('pushes application.updated and the HR message to the seeker when the employer acts', async () => {
    const { accessToken } = await loginReadyToApply(backend, 'ws-push');
    const other = await loginReadyToApply(backend, 'ws-bystander');
    const client = connectRealtime(backend.url, accessToken);
    const bystander = connectRealtime(backend.url, other.accessToken);
    await client.next('hello');
    await bystander.next('hello');

    const job = (await backend.request<CursorPage<JobSummary>>('GET', '/jobs?limit=1')).body.items[0];
    const created = await backend.request<ApplicationDetail>('POST', '/applications', {
      token: accessToken,
      headers: { 'idempotency-key': 'ws-push-apply-1' },
      body: { jobId: job.id },
    });
    await backend.request('POST', `/employer/applications/${created.body.id}/invite`, {
      headers: { 'x-hr-id': job.hr.id },
      body: sampleInvitation(),
    });

    const viewed = await client.next('application.updated');
    expect(viewed.application).toMatchObject({ id: created.body.id, status: 'viewed' });
    const invited = await client.next('application.updated');
    expect(invited.application).toMatchObject({ id: created.body.id, status: 'interview' });
    // Each status change is a card in the conversation; the invitation is the HR's own card, answered in the chat.
    expect(await client.next('message')).toMatchObject({
      conversationId: created.body.conversationId,
      message: { from: 'system', card: { kind: 'status', status: 'viewed' } },
    });
    expect(await client.next('message')).toMatchObject({
      conversationId: created.body.conversationId,
      message: {
        from: 'hr',
        text: expect.stringContaining('邀请你参加视频面试'),
        card: { kind: 'interview', step: 'invited', interviewKind: 'video' },
      },
    });
    await expect(bystander.next('application.updated', 300)).rejects.toThrow();
    client.close();
    bystander.close();
  });

  it('drops connections when the drop-sockets fault is on', async () => {
    const { accessToken } = await loginReadyToApply(backend, 'ws-drop');
    await backend.request('POST', '/__admin/faults', { body: { dropSocketRate: 1 } });
    try {
      const client = connectRealtime(backend.url, accessToken);
      await client.next('hello');
      client.socket.send(JSON.stringify({ type: 'ping' }));
      expect((await client.closed).code).toBe(1006);
    } finally {
      await backend.request('POST', '/__admin/faults', { body: { dropSocketRate: 0 } });
    }
  });
});

describe('mock backend realtime with an expired token', () => {
  let backend: TestBackend;
  let now = Date.now();

  beforeAll(async () => {
    backend = await startTestBackend({ seed: { jobs: 10 }, accessTokenTtlSeconds: 1, tokenClock: () => now });
  });
  afterAll(() => backend.close());

  it('closes with the token-expired code so the app refreshes and reconnects', async () => {
    const { accessToken } = await loginReadyToApply(backend, 'ws-expired');
    now += 1000;
    const client = connectRealtime(backend.url, accessToken);
    expect(await client.closed).toEqual({ code: REALTIME_CLOSE_CODES.tokenExpired, reason: 'token_expired' });
  });
});
