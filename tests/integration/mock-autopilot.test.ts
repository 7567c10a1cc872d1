import type { ApplicationDetail, ApplicationStatus } from '../../services/contracts/applications';
import type { Interview, InterviewList } from '../../services/contracts/interviews';
import type { JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { startTestBackend, type TestBackend } from './mock-fixture';
import { loginReadyToApply } from './mock-resume-helpers';

async function allJobs(backend: TestBackend): Promise<JobSummary[]> {
  const jobs: JobSummary[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { body: CursorPage<JobSummary> } = await backend.request('GET', `/jobs?limit=50${query}`);
    jobs.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return jobs;
}

describe('mock employer autopilot', () => {
  let backend: TestBackend;
  let token: string;
  let applicationIds: string[];

  const tick = (minutes: number) =>
    backend.request<{ simulatedNow: string; changes: number }>('POST', '/__admin/autopilot/tick', {
      body: { minutes },
    });
  const fetchAll = () =>
    Promise.all(
      applicationIds.map(
        async (id) => (await backend.request<ApplicationDetail>('GET', `/applications/${id}`, { token })).body,
      ),
    );

  beforeAll(async () => {
    backend = await startTestBackend();
    token = (await loginReadyToApply(backend, 'autopilot')).accessToken;
    const byReplyRate = (await allJobs(backend)).sort((a, b) => b.hr.replyRate - a.hr.replyRate);
    // Attentive HRs and ghost HRs, so both paths show up.
    const chosen = [...byReplyRate.slice(0, 6), ...byReplyRate.slice(-6)];
    applicationIds = [];
    for (const [i, job] of chosen.entries()) {
      const created = await backend.request<ApplicationDetail>('POST', '/applications', {
        token,
        headers: { 'idempotency-key': `autopilot-${i}-key` },
        body: { jobId: job.id },
      });
      applicationIds.push(created.body.id);
    }
  });
  afterAll(() => backend.close());

  it('leaves fresh applications alone, then views within a day, decides within 60 hours, closes overdue ones', async () => {
    expect((await tick(1)).body.changes).toBe(0);
    expect((await fetchAll()).every((a) => a.status === 'submitted')).toBe(true);

    await tick(24 * 60);
    const afterADay = await fetchAll();
    expect(afterADay.some((a) => a.status === 'viewed' || a.status === 'interview' || a.status === 'rejected')).toBe(
      true,
    );
    expect(afterADay.some((a) => a.status === 'closed')).toBe(false);

    await tick(37 * 60);
    const decided = await fetchAll();
    const outcomes = new Set<ApplicationStatus>(decided.map((a) => a.status));
    expect(outcomes.has('interview') || outcomes.has('rejected')).toBe(true);
    for (const application of decided.filter((a) => a.status === 'interview' || a.status === 'rejected')) {
      expect(application.timeline.map((s) => s.status)).toEqual(['submitted', 'viewed', application.status]);
      expect(application.respondBy).toBeNull();
      if (application.status === 'rejected') expect(application.reason).toEqual(expect.any(String));
    }

    const { body: lastTick } = await tick(12 * 60);
    const final = await fetchAll();
    expect(final.some((a) => a.status === 'closed')).toBe(true);
    for (const application of final) {
      expect(['interview', 'rejected', 'closed']).toContain(application.status);
      const times = application.timeline.map((s) => Date.parse(s.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.at(-1)).toBeLessThanOrEqual(Date.parse(lastTick.simulatedNow));
      if (application.status === 'closed') {
        expect(application.reason).toContain('自动关闭');
        expect(Date.parse(application.timeline.at(-1)!.at)).toBe(Date.parse(application.createdAt) + 72 * 3600 * 1000);
      }
    }
    // Nothing left to do.
    expect((await tick(60)).body.changes).toBe(0);
  });

  it('invites through an interview with two slots, and confirms the times the seeker proposes', async () => {
    const invited = (await fetchAll()).filter((application) => application.status === 'interview');
    expect(invited.length).toBeGreaterThan(0);
    const { body } = await backend.request<InterviewList>('GET', '/interviews', { token });
    expect(body.items.map((item) => item.applicationId).sort()).toEqual(invited.map((a) => a.id).sort());
    for (const interview of body.items) {
      expect(interview.slots).toHaveLength(2);
      if (interview.kind === 'onsite') expect(interview.address).toEqual(expect.any(String));
      if (interview.kind === 'phone') expect(interview.phone).toMatch(/^0571-8\d{7}$/);
    }
    const now = Date.parse(body.now);
    const times = [now + 30 * 3600_000, now + 50 * 3600_000].map((time) => new Date(time).toISOString());
    const proposed = await backend.request<Interview>('POST', `/interviews/${body.items[0].id}/propose`, {
      token,
      body: { slots: times },
    });
    expect(proposed.body.status).toBe('reschedule_requested');
    await tick(1);
    const confirmed = await backend.request<Interview>('GET', `/interviews/${body.items[0].id}`, { token });
    expect(confirmed.body).toMatchObject({ status: 'scheduled', scheduledAt: times[0] });
  });

  it('validates the tick body', async () => {
    const response = await backend.request('POST', '/__admin/autopilot/tick', { body: { minutes: -5 } });
    expect(response.status).toBe(400);
  });
});
