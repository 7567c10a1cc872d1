import crypto from 'node:crypto';
import type { ApplicationDetail } from '../../services/contracts/applications';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type {
  EmployerInterview,
  Interview,
  InterviewList,
  InviteInterviewRequest,
} from '../../services/contracts/interviews';
import type { JobDetail } from '../../services/contracts/jobs';
import type { EmployerServerEvent } from '../../services/contracts/realtime';
import { RTC_CLOSE_CODES, type RoomTicket, type RtcServerFrame } from '../../services/contracts/rtc';
import { SUBSCRIPTION_TEMPLATES, type WouldSendNotificationList } from '../../services/contracts/subscriptions';
import { sampleInvitation, slotIn } from '../support/interview-invitation';
import { connectRealtime, startTestBackend, type RealtimeClient, type TestBackend } from './mock-fixture';
import { apply, loginReadyToApply, openJobs, type OpenJob } from './mock-resume-helpers';
import { offerInput } from './onboarding-support';

const REMINDER = SUBSCRIPTION_TEMPLATES.interviewReminder.id;
const MINUTE_MS = 60 * 1000;

describe('mock backend interviews', () => {
  let backend: TestBackend;
  let jobs: OpenJob[];
  let nextJob = 0;

  beforeAll(async () => {
    backend = await startTestBackend({ roomTicketTtlSeconds: 2, rejoinWindowMs: 1500 });
    jobs = openJobs(backend, 40);
  });
  afterAll(() => backend.close());

  /** The backend's clock (it moves on with /__admin/autopilot/tick). */
  async function backendNow(advanceMinutes = 0): Promise<number> {
    const tick = await backend.request<{ simulatedNow: string }>('POST', '/__admin/autopilot/tick', {
      body: { minutes: advanceMinutes },
    });
    return Date.parse(tick.body.simulatedNow);
  }

  /** A seeker invited to a video interview; `overrides` of the invitation from the backend's now. */
  async function invited(key: string, overrides: (now: number) => Partial<InviteInterviewRequest> = () => ({})) {
    const job = jobs[nextJob++];
    const { accessToken: token, userId } = await loginReadyToApply(backend, key);
    const application = (await apply(backend, token, { jobId: job.id })).body;
    const hr = { 'x-hr-id': String(job.hrId) };
    const now = await backendNow();
    const invite = await backend.request<ApplicationDetail>('POST', `/employer/applications/${application.id}/invite`, {
      headers: hr,
      body: sampleInvitation(now, overrides(now)),
    });
    expect(invite.status).toBe(200);
    const list = await backend.request<InterviewList>('GET', '/interviews', { token });
    const interview = list.body.items.find((item) => item.applicationId === application.id)!;
    const seeker = <T>(method: string, path: string, body?: unknown) =>
      backend.request<T>(method, `/interviews/${interview.id}${path}`, { token, body });
    const employer = <T>(method: string, path: string, body?: unknown) =>
      backend.request<T>(method, `/employer/interviews/${interview.id}${path}`, { headers: hr, body });
    return { job, token, userId, application, interview, seeker, employer, now };
  }

  it('refuses slots in the past or overlapping, and a missing address, with field errors', async () => {
    const job = jobs[nextJob++];
    const { accessToken: token } = await loginReadyToApply(backend, 'iv-fields');
    const application = (await apply(backend, token, { jobId: job.id })).body;
    const now = await backendNow();
    const send = (body: unknown) =>
      backend.request<ApiErrorBody>('POST', `/employer/applications/${application.id}/invite`, {
        headers: { 'x-hr-id': String(job.hrId) },
        body,
      });
    const bad = await send(
      sampleInvitation(now, { slots: [new Date(now - 3600_000).toISOString(), slotIn(30, now), slotIn(30, now)] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { path: 'slots.0', message: '第1个时间已经过去，请选择以后的时间' },
      { path: 'slots.2', message: '第3个时间与第2个时间重叠' },
    ]);
    const onsite = await send(sampleInvitation(now, { kind: 'onsite' }));
    expect(onsite.body.error.fields?.map((field) => field.path)).toEqual(['address']);
    const phone = await send(sampleInvitation(now, { kind: 'phone', phone: '12' }));
    expect(phone.body.error.fields?.map((field) => field.path)).toEqual(['phone']);
    // Nothing changed: the application is still waiting.
    const stored = await backend.request<ApplicationDetail>('GET', `/applications/${application.id}`, { token });
    expect(stored.body.status).toBe('submitted');
  });

  it('accepts a slot through the state machine, on the timeline, and refuses illegal moves with why', async () => {
    const { interview, seeker, token, application, job, now } = await invited('iv-accept');
    expect(interview).toMatchObject({ status: 'invited', kind: 'video', interviewer: '李经理', lengthMinutes: 30 });
    expect(interview.slots).toHaveLength(2);

    const notOffered = await seeker<ApiErrorBody>('POST', '/accept', { slot: slotIn(80, now) });
    expect(notOffered.status).toBe(400);
    expect(notOffered.body.error.fields?.[0]).toEqual({ path: 'slot', message: '请从邀请中的时间里选择一个' });

    const accepted = await seeker<Interview>('POST', '/accept', { slot: interview.slots[1] });
    expect(accepted.body).toMatchObject({ status: 'scheduled', scheduledAt: interview.slots[1] });
    expect(accepted.body.room).toEqual({
      opensAt: new Date(Date.parse(interview.slots[1]) - 15 * MINUTE_MS).toISOString(),
      closesAt: new Date(Date.parse(interview.slots[1]) + 60 * MINUTE_MS).toISOString(),
    });

    const again = await seeker<ApiErrorBody>('POST', '/accept', { slot: interview.slots[0] });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ message: '面试当前为「已确认」，无法接受面试', reason: 'illegal_move' });

    const detail = await backend.request<ApplicationDetail>('GET', `/applications/${application.id}`, { token });
    expect(detail.body.status).toBe('interview');
    expect(detail.body.timeline.map((step) => step.note)).toEqual([
      null,
      null,
      expect.stringMatching(/^视频面试：/),
      expect.stringMatching(/^已接受面试：/),
    ]);

    // Someone else's interview does not exist for this seeker.
    const { accessToken: stranger } = await backend.login('iv-stranger');
    const theirs = await backend.request<ApiErrorBody>('POST', `/interviews/${interview.id}/room`, { token: stranger });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.message).toBe('面试不存在或不属于你');
    // Nor for another company's HR.
    const otherHr = jobs.find((other) => other.companyId !== job.companyId)!.hrId;
    const foreign = await backend.request('POST', `/employer/interviews/${interview.id}/room`, {
      headers: { 'x-hr-id': String(otherHr) },
    });
    expect(foreign.status).toBe(404);
  });

  it('allows two reschedules, each confirmed by the HR, and refuses a third with the reason', async () => {
    const { interview, seeker, employer, now } = await invited('iv-reschedule');
    const offered = await seeker<ApiErrorBody>('POST', '/propose', { slots: [slotIn(70, now), interview.slots[0]] });
    expect(offered.status).toBe(400);
    expect(offered.body.error.fields).toEqual([{ path: 'slots.1', message: '该时间已在邀请时间中，可直接接受' }]);
    for (const round of [1, 2]) {
      const proposedSlots = [slotIn(70 + round * 5, now), slotIn(72 + round * 5, now)];
      const proposed = await seeker<Interview>('POST', '/propose', { slots: proposedSlots });
      expect(proposed.body).toMatchObject({ status: 'reschedule_requested', proposedSlots, rescheduleCount: round });
      const wrong = await employer<ApiErrorBody>('POST', '/confirm', { slot: interview.slots[0] });
      expect(wrong.body.error.fields?.[0].path).toBe('slot');
      const confirmed = await employer<Interview>('POST', '/confirm', { slot: proposedSlots[1] });
      expect(confirmed.body).toMatchObject({ status: 'scheduled', scheduledAt: proposedSlots[1], proposedSlots: [] });
    }
    const third = await seeker<ApiErrorBody>('POST', '/propose', { slots: [slotIn(100, now)] });
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({
      reason: 'reschedule_limit',
      message: '每场面试最多改期2次，本场已改期2次，无法再改期',
    });
    const past = await seeker<ApiErrorBody>('POST', '/decline', { reason: '  ' });
    expect(past.body.error.fields?.[0].path).toBe('reason');
    const declined = await seeker<Interview>('POST', '/decline', { reason: '已接受其他公司的录用' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '已接受其他公司的录用' });
    const confirmAfter = await employer<ApiErrorBody>('POST', '/confirm', { slot: slotIn(75, now) });
    expect(confirmAfter.status).toBe(409);
  });

  it('lets the HR refuse a reschedule: the earlier time stands, or its own times; the seeker reads why', async () => {
    const { interview, seeker, employer, token, application, job, now } = await invited('iv-refuse');
    await seeker('POST', '/propose', { slots: [slotIn(80, now)] });
    const blank = await employer<ApiErrorBody>('POST', '/refuse', { reason: ' ' });
    expect(blank.body.error.fields).toEqual([{ path: 'reason', message: '请填写不同意改期的原因' }]);
    // Never agreed before: back to the HR's own times.
    const refused = await employer<Interview>('POST', '/refuse', { reason: '面试官只有这两个时间' });
    expect(refused.body).toMatchObject({
      status: 'invited',
      slots: interview.slots,
      proposedSlots: [],
      rescheduleCount: 1,
      rescheduleRefusal: '面试官只有这两个时间',
      // The console's view names the candidate (the resume's name).
      candidate: { name: '张三' },
    });
    expect((await employer<ApiErrorBody>('POST', '/refuse', { reason: '再说一次' })).body.error).toMatchObject({
      reason: 'illegal_move',
    });
    // Agreed, then a second proposal refused: the agreed time stands again.
    await seeker('POST', '/accept', { slot: interview.slots[1] });
    await seeker('POST', '/propose', { slots: [slotIn(90, now)] });
    const kept = await employer<Interview>('POST', '/refuse', { reason: '时间已经排满' });
    expect(kept.body).toMatchObject({
      status: 'scheduled',
      scheduledAt: interview.slots[1],
      rescheduleCount: 2,
      rescheduleRefusal: '时间已经排满',
    });
    expect(kept.body.room).not.toBeNull();
    const detail = await backend.request<ApplicationDetail>('GET', `/applications/${application.id}`, { token });
    expect(detail.body.timeline.map((step) => step.note)).toContain('HR未同意改期：时间已经排满');
    // A seeker who hid the resume from the company is named by the Alipay nickname only.
    await backend.request('PUT', '/privacy', { token, body: { hiddenCompanyIds: [String(job.companyId)] } });
    const listed = await backend.request<{ items: EmployerInterview[] }>(
      'GET',
      `/employer/interviews?applicationId=${application.id}`,
      { headers: { 'x-hr-id': String(job.hrId) } },
    );
    expect(listed.body.items[0].candidate.name).not.toBe('张三');
    expect(listed.body.items[0].candidate.name).not.toBe('');
    // Both proposals counted: no third.
    expect((await seeker<ApiErrorBody>('POST', '/propose', { slots: [slotIn(100, now)] })).body.error).toMatchObject({
      reason: 'reschedule_limit',
    });
  });

  it('keeps an agreed interview at its time when an offer comes while the seeker asks to move it', async () => {
    const agreed = await invited('iv-offer-agreed');
    await agreed.seeker('POST', '/accept', { slot: agreed.interview.slots[0] });
    await agreed.seeker('POST', '/propose', { slots: [slotIn(90, agreed.now)] });
    const never = await invited('iv-offer-never');
    await never.seeker('POST', '/propose', { slots: [slotIn(95, never.now)] });
    for (const { application, job } of [agreed, never]) {
      const sent = await backend.request('POST', `/employer/applications/${application.id}/offer`, {
        headers: { 'x-hr-id': String(job.hrId) },
        body: offerInput(backend),
      });
      expect(sent.status).toBe(200);
    }
    expect((await agreed.seeker<Interview>('GET', '')).body).toMatchObject({
      status: 'scheduled',
      scheduledAt: agreed.interview.slots[0],
      proposedSlots: [],
    });
    expect((await never.seeker<Interview>('GET', '')).body).toMatchObject({
      status: 'cancelled',
      cancelReason: '已发放录用通知，无需再面试',
    });
  });

  it('stores a move and its timeline step and chat message in one commit: a failed step leaves the interview as it was', async () => {
    const { seeker, employer, interview } = await invited('iv-move-commit');
    const { db } = backend.server;
    // The timeline write fails, as a full disk would.
    db.exec(`CREATE TEMP TRIGGER fail_interview_step BEFORE INSERT ON application_events
      WHEN NEW.note LIKE '已拒绝面试%' OR NEW.note LIKE '面试已取消%' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      expect((await seeker('POST', '/decline', { reason: '时间冲突' })).status).toBe(500);
      expect((await employer('POST', '/cancel', { reason: '岗位调整' })).status).toBe(500);
    } finally {
      db.exec('DROP TRIGGER fail_interview_step');
    }
    expect((await seeker<Interview>('GET', '')).body).toMatchObject({ status: 'invited', slots: interview.slots });
    expect((await seeker<Interview>('POST', '/decline', { reason: '时间冲突' })).body.status).toBe('declined');
  });

  it('names the field when the interview list is asked for an application id that is not a number', async () => {
    const { job } = await invited('iv-list-query');
    const listed = await backend.request<ApiErrorBody>('GET', '/employer/interviews?applicationId=abc', {
      headers: { 'x-hr-id': String(job.hrId) },
    });
    expect(listed.status).toBe(400);
    expect(listed.body.error.fields).toEqual([{ path: 'query.applicationId', message: '投递编号不正确' }]);
  });

  it('refuses to refuse a reschedule when none of the HR times is still ahead', async () => {
    const { seeker, employer, now } = await invited('iv-refuse-late', (now) => ({ slots: [slotIn(2, now)] }));
    await seeker('POST', '/propose', { slots: [slotIn(30, now)] });
    await backendNow(4 * 60);
    const late = await employer<ApiErrorBody>('POST', '/refuse', { reason: '时间不合适' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({
      reason: 'no_time_left',
      message: '原定的面试时间都已过去，请确认求职者提议的一个时间，或取消面试后重新邀请',
    });
    const confirmed = await employer<Interview>('POST', '/confirm', { slot: slotIn(30, now) });
    expect(confirmed.body).toMatchObject({ status: 'scheduled', rescheduleRefusal: null });
  });

  it('sends reminders 24 h and 1 h before, one consent each, into the notification log', async () => {
    const { interview, seeker, token, userId, now } = await invited('iv-remind', (now) => ({
      slots: [slotIn(30, now)],
    }));
    await backend.request('POST', '/subscriptions', { token, body: { templateIds: [REMINDER] } });
    await seeker('POST', '/accept', { slot: interview.slots[0] });
    const start = Date.parse(interview.slots[0]);
    const log = async () =>
      (await backend.request<WouldSendNotificationList>('GET', `/__admin/notifications?userId=${userId}`)).body.items;

    await backendNow((start - 24 * 60 * MINUTE_MS - now) / MINUTE_MS + 1);
    const first = (await log()).filter((item) => item.templateId === REMINDER);
    expect(first).toHaveLength(1);
    expect(first[0].page).toBe(`subpackages/interviews/pages/detail/index?id=${interview.id}`);
    expect(first[0].data.keyword4.value).toBe('视频面试');
    // A tick later nothing is sent twice; the 1 h reminder finds no consent left and sends nothing.
    await backendNow(23 * 60);
    expect((await log()).filter((item) => item.templateId === REMINDER)).toHaveLength(1);
  });

  it('opens the room 15 minutes before, signs the plugin config, refuses cancelled rooms, and takes feedback after', async () => {
    const { interview, seeker, job, now } = await invited('iv-room', (now) => ({ slots: [slotIn(3, now)] }));
    await seeker('POST', '/accept', { slot: interview.slots[0] });
    const start = Date.parse(interview.slots[0]);

    const early = await seeker<ApiErrorBody>('POST', '/room');
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ reason: 'room_not_open' });
    expect(early.body.error.message).toMatch(/^面试间将在.+开放（开始前15分钟），请到时再来$/);

    await backendNow((start - now) / MINUTE_MS - 10);
    const ticket = await seeker<RoomTicket>('POST', '/room');
    expect(ticket.status).toBe(200);
    const { rtc } = ticket.body;
    expect(rtc.uid).toMatch(/^s_\w+$/);
    const plain = crypto
      .publicDecrypt(
        { key: backend.server.context.rooms['signer'].publicKeyPem, padding: crypto.constants.RSA_PKCS1_PADDING },
        Buffer.from(rtc.signature, 'base64'),
      )
      .toString();
    expect(plain).toBe(`${rtc.bizName}${rtc.subBiz}${rtc.workspaceId}${rtc.uid}${rtc.expireTime}`);

    const tooEarly = await seeker<ApiErrorBody>('POST', '/feedback', { tookPlace: true, interviewerCame: false });
    expect(tooEarly.body.error).toMatchObject({ reason: 'feedback_too_early' });
    // The slot is 30 minutes; the room closes 30 minutes after it ends.
    await backendNow(71);
    const closed = await seeker<ApiErrorBody>('POST', '/room');
    expect(closed.body.error).toMatchObject({ reason: 'room_closed', message: '面试已结束，面试间已关闭' });
    const feedback = await seeker<Interview>('POST', '/feedback', { tookPlace: false, interviewerCame: false });
    expect(feedback.body.feedback).toMatchObject({ tookPlace: false, interviewerCame: false });
    expect((await seeker<ApiErrorBody>('POST', '/feedback', { tookPlace: true, interviewerCame: true })).status).toBe(
      409,
    );
    const detail = await backend.request<JobDetail>('GET', `/jobs/${job.id}`);
    expect(detail.body.hr.interviewReviews).toBeGreaterThanOrEqual(1);
    expect(detail.body.hr.noShowRate).toBeGreaterThan(0);

    // A cancelled interview has no room.
    const other = await invited('iv-cancel', (now) => ({ slots: [slotIn(2, now)] }));
    await other.seeker('POST', '/accept', { slot: other.interview.slots[0] });
    await other.employer('POST', '/cancel', { reason: '岗位已招满' });
    const cancelled = await other.seeker<ApiErrorBody>('POST', '/room');
    expect(cancelled.body.error).toMatchObject({
      reason: 'interview_cancelled',
      message: '面试已取消，无法进入面试间',
    });
  });

  it('signals a call: waiting room, admit, relayed offers, a drop that rejoins, an expired token', async () => {
    const { interview, seeker, employer, now, job } = await invited('iv-signal', (now) => ({
      slots: [slotIn(1, now)],
    }));
    await seeker('POST', '/accept', { slot: interview.slots[0] });
    await backendNow((Date.parse(interview.slots[0]) - now) / MINUTE_MS - 5);
    const session = await backend.request<{ token: string }>('POST', '/employer/session', {
      body: { hrId: String(job.hrId) },
    });
    const consoleFeed = connectRealtime<EmployerServerEvent>(backend.url, session.body.token, '/ws/employer');
    await consoleFeed.next('hello');

    const seekerTicket = (await seeker<RoomTicket>('POST', '/room')).body;
    const seekerSide = connectRealtime<RtcServerFrame>(backend.url, seekerTicket.token, '/ws/rtc');
    expect(await seekerSide.next('room.state')).toMatchObject({ self: 'waiting', peer: 'absent', admitted: false });
    const waiting = await consoleFeed.next('room.waiting');
    expect(waiting.waiting).toEqual([
      expect.objectContaining({ interviewId: interview.id, candidate: { name: '张三' } }),
    ]);

    const hrTicket = (await employer<RoomTicket>('POST', '/room')).body;
    expect(hrTicket.roomId).toBe(seekerTicket.roomId);
    const hrSide = connectRealtime<RtcServerFrame>(backend.url, hrTicket.token, '/ws/rtc');
    expect(await hrSide.next('room.state')).toMatchObject({ self: 'present', peer: 'waiting' });
    hrSide.socket.send(JSON.stringify({ type: 'admit' }));
    expect(await hrSide.next('call.ready')).toEqual({ type: 'call.ready', initiator: true, attempt: 1 });
    expect(await seekerSide.next('call.ready')).toEqual({ type: 'call.ready', initiator: false, attempt: 1 });
    hrSide.socket.send(JSON.stringify({ type: 'signal', attempt: 1, signal: { kind: 'offer', sdp: 'v=0' } }));
    expect(await seekerSide.next('signal')).toMatchObject({ signal: { kind: 'offer', sdp: 'v=0' } });

    // The seeker's network drops: the HR sees 重连中; back within the window, a new call starts without waiting.
    seekerSide.socket.terminate();
    await waitForState(hrSide, (state) => state.peer === 'reconnecting');
    const back = connectRealtime<RtcServerFrame>(backend.url, seekerTicket.token, '/ws/rtc');
    expect(await back.next('room.state')).toMatchObject({ self: 'present', admitted: true });
    expect(await back.next('call.ready')).toMatchObject({ attempt: 2 });

    // Tokens expire (2 s in this backend).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const stale = connectRealtime<RtcServerFrame>(backend.url, seekerTicket.token, '/ws/rtc');
    expect(await stale.closed).toEqual({ code: RTC_CLOSE_CODES.tokenExpired, reason: 'token_expired' });
    const forged = connectRealtime<RtcServerFrame>(backend.url, `${interview.id}.hr.9999999999999.x`, '/ws/rtc');
    expect((await forged.closed).code).toBe(RTC_CLOSE_CODES.unauthorized);
    for (const client of [consoleFeed, hrSide, back]) client.close();
  });
});

async function waitForState(
  client: RealtimeClient<RtcServerFrame>,
  matches: (state: Extract<RtcServerFrame, { type: 'room.state' }>) => boolean,
): Promise<void> {
  for (;;) if (matches(await client.next('room.state'))) return;
}
