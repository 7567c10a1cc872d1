import type { ApplicationDetail } from '../../services/contracts/applications';
import type { ChatMessage, MessageCard, MessagePage } from '../../services/contracts/conversations';
import type { Interview, InterviewList } from '../../services/contracts/interviews';
import type { Onboarding } from '../../services/contracts/onboarding';
import type { EmployerRecordedInterview } from '../../services/contracts/recorded-interviews';
import { sampleInvitation, slotIn } from '../support/interview-invitation';
import { connectRealtime, startTestBackend, type RealtimeClient, type TestBackend } from './mock-fixture';
import { apply, loginReadyToApply, openJobs, type OpenJob } from './mock-resume-helpers';
import { interviewedApplication, offerInput } from './onboarding-support';

describe('cards the seeker answers from the chat, and what reaches the app socket', () => {
  let backend: TestBackend;
  let jobs: OpenJob[];
  let nextJob = 0;
  let seekers = 0;
  const sockets: RealtimeClient[] = [];

  beforeAll(async () => {
    backend = await startTestBackend();
    jobs = openJobs(backend, 10);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await backend.close();
  });

  /** A seeker who applied to a fresh job, connected to the app socket. */
  async function applied() {
    const job = jobs[nextJob++];
    const { accessToken: token } = await loginReadyToApply(backend, `cards-${++seekers}`);
    const application = (await apply(backend, token, { jobId: job.id })).body as ApplicationDetail;
    const socket = connectRealtime(backend.url, token);
    sockets.push(socket);
    await socket.next('hello');
    const hr = <T>(method: string, path: string, body?: unknown) =>
      backend.request<T>(method, path, { headers: { 'x-hr-id': String(job.hrId) }, body });
    return { job, token, application, socket, hr };
  }

  /** The next pushed chat message carrying a card of `kind`. */
  async function nextCard<K extends MessageCard['kind']>(socket: RealtimeClient, kind: K) {
    for (;;) {
      const { message } = await socket.next('message');
      if (message.card?.kind === kind) return message as ChatMessage & { card: Extract<MessageCard, { kind: K }> };
    }
  }

  it('delivers a message posted inside an outer transaction once it commits, and never one rolled back', async () => {
    const { application, socket, token } = await applied();
    const { applications } = backend.server.context;
    const conversationId = Number(application.conversationId);
    const heard: string[] = [];
    applications.onMessage((_, message) => heard.push(message.text));

    expect(() =>
      backend.server.db.transaction(() => {
        applications.postMessage(conversationId, { sender: 'hr', text: '这条消息随事务回滚' });
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(heard).toEqual([]);

    let heardBeforeCommit: string[] = [];
    backend.server.db.transaction(() => {
      applications.postMessage(conversationId, { sender: 'hr', text: '这条消息已提交' });
      heardBeforeCommit = [...heard];
    })();
    expect(heardBeforeCommit).toEqual([]);
    expect(heard).toEqual(['这条消息已提交']);
    // The seeker's socket carries the committed message only, with the sequence the conversation stored.
    const pushed = await socket.next('message');
    expect(pushed.message.text).toBe('这条消息已提交');
    const stored = await backend.request<MessagePage>('GET', `/conversations/${conversationId}/messages?limit=100`, {
      token,
    });
    expect(stored.body.items.map((m) => m.text)).not.toContain('这条消息随事务回滚');
    expect(stored.body.items.at(-1)).toMatchObject({ text: '这条消息已提交', seq: pushed.message.seq });
  });

  it('posts an invitation card and pushes the interview; a reschedule asked and confirmed are cards too', async () => {
    const { token, application, socket, hr } = await applied();
    const now = backend.server.context.clock.now();
    const invitation = sampleInvitation(now);
    expect((await hr('POST', `/employer/applications/${application.id}/invite`, invitation)).status).toBe(200);

    const invited = await nextCard(socket, 'interview');
    const pushed = await socket.next('interview.updated');
    expect(invited.card).toEqual({
      kind: 'interview',
      interviewId: pushed.interview.id,
      step: 'invited',
      interviewKind: 'video',
      slots: invitation.slots,
      interviewer: '李经理',
      lengthMinutes: 30,
    });
    expect(invited.from).toBe('hr');
    // A readable line for notifications, the console and older clients.
    expect(invited.text).toMatch(/^邀请你参加视频面试：.+面试官李经理，约30分钟。请准备一段自我介绍/);
    expect(pushed.interview.status).toBe('invited');

    const proposed = [slotIn(80, now), slotIn(100, now)];
    const asked = await backend.request<Interview>('POST', `/interviews/${pushed.interview.id}/propose`, {
      token,
      body: { slots: proposed },
    });
    expect(asked.status).toBe(200);
    const askedCard = await nextCard(socket, 'interview');
    expect(askedCard.card).toMatchObject({ step: 'reschedule_proposed', slots: proposed });
    expect((await socket.next('interview.updated')).interview.status).toBe('reschedule_requested');

    const confirmed = await hr<Interview>('POST', `/employer/interviews/${pushed.interview.id}/confirm`, {
      slot: proposed[1],
    });
    expect(confirmed.status).toBe(200);
    const confirmedCard = await nextCard(socket, 'interview');
    expect(confirmedCard.card).toMatchObject({ step: 'reschedule_confirmed', slots: [proposed[1]] });
    expect(confirmedCard.from).toBe('hr');
    expect((await socket.next('interview.updated')).interview).toMatchObject({
      status: 'scheduled',
      scheduledAt: proposed[1],
    });
  });

  it('marks a new round as a re-invitation', async () => {
    const { token, application, socket, hr } = await applied();
    const first = await hr('POST', `/employer/applications/${application.id}/invite`, sampleInvitation());
    expect(first.status).toBe(200);
    const list = await backend.request<InterviewList>('GET', '/interviews', { token });
    const interviewId = list.body.items.find((item) => item.applicationId === application.id)!.id;
    await hr('POST', `/employer/interviews/${interviewId}/cancel`, { reason: '面试官出差' });
    await nextCard(socket, 'interview');

    const again = await hr('POST', `/employer/applications/${application.id}/invite`, {
      ...sampleInvitation(),
      kind: 'phone',
      phone: '13800138000',
    });
    expect(again.status).toBe(200);
    const card = await nextCard(socket, 'interview');
    expect(card.card).toMatchObject({ step: 'reinvited', interviewKind: 'phone' });
    expect(card.card.interviewId).not.toBe(interviewId);
  });

  it('posts a recorded interview card and pushes the seeker’s view of it', async () => {
    const { application, socket, hr, job } = await applied();
    const questions = [
      { text: '请介绍一下你自己', thinkingSeconds: 10, answerSeconds: 60 },
      { text: '你为什么想做这份工作？', thinkingSeconds: 10, answerSeconds: 60 },
    ];
    expect((await hr('PUT', `/employer/jobs/${job.id}/recorded-interview`, { questions, retakes: 1 })).status).toBe(
      200,
    );
    const sent = await hr<EmployerRecordedInterview>(
      'POST',
      `/employer/applications/${application.id}/recorded-interview`,
      { deadlineDays: 3 },
    );
    expect(sent.status).toBe(201);

    const card = await nextCard(socket, 'recorded_interview');
    expect(card.card).toEqual({
      kind: 'recorded_interview',
      recordedInterviewId: sent.body.id,
      applicationId: application.id,
      questionCount: 2,
      deadline: sent.body.deadline,
    });
    expect(card.text).toMatch(/^邀请你参加视频面试（2道题），请在.+前完成录制。$/);
    const pushed = await socket.next('recorded-interview.updated');
    expect(pushed.interview).toMatchObject({ id: sent.body.id, status: 'pending', applicationId: application.id });
    // The seeker's view: no video addresses, no ratings.
    expect(pushed.interview.questions[0]).not.toHaveProperty('videoUrl');
  });

  it('posts an offer card and pushes the onboarding; an unanswered invitation is cancelled by the offer', async () => {
    const job = jobs[nextJob++];
    const { accessToken, applicationId, hr } = await interviewedApplication(backend, `cards-offer-${++seekers}`, job);
    const socket = connectRealtime(backend.url, accessToken);
    sockets.push(socket);
    await socket.next('hello');

    const input = offerInput(backend);
    const sent = await hr('POST', `/employer/applications/${applicationId}/offer`, input);
    expect(sent.status).toBe(200);
    const card = await nextCard(socket, 'offer');
    expect(card.card).toEqual({
      kind: 'offer',
      offerId: sent.body.offer!.id,
      applicationId,
      position: '仓库分拣员',
      payKind: 'daily',
      payFen: 22050,
      startDate: input.startDate,
      expiresAt: input.expiresAt,
    });
    expect(card.text).toMatch(/^恭喜你通过面试！.+向你发出录用通知：仓库分拣员，日结220.50元\/天/);
    const pushed = await socket.next('onboarding.updated');
    expect((pushed.onboarding as Onboarding).offer).toMatchObject({ id: sent.body.offer!.id, status: 'pending' });
    // The invitation never answered is moot now: its card says so instead of still offering times.
    expect((await socket.next('interview.updated')).interview).toMatchObject({
      status: 'cancelled',
      cancelReason: '已发放录用通知，无需再面试',
    });
  });

  it('gives the onboarding lines a card the console words for the HR, keeping the seeker’s text', async () => {
    const job = jobs[nextJob++];
    const { accessToken, applicationId, hr } = await interviewedApplication(backend, `cards-onb-${++seekers}`, job);
    const socket = connectRealtime(backend.url, accessToken);
    sockets.push(socket);
    await socket.next('hello');
    const sent = await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(backend));
    const accepted = await backend.request<Onboarding>('POST', `/offers/${sent.body.offer!.id}/accept`, {
      token: accessToken,
    });
    expect(await nextCard(socket, 'onboarding')).toMatchObject({
      from: 'system',
      text: '你已接受录用通知，请完成实名认证并签署电子合同',
      card: { kind: 'onboarding', step: 'offer_accepted', applicationId, reason: null },
    });
    await hr('POST', `/employer/contracts/${accepted.body.contract!.flowId}/revoke`, { reason: '地址写错' });
    expect(await nextCard(socket, 'onboarding')).toMatchObject({
      text: '企业撤销了合同（地址写错），已重新生成，请重新签署',
      card: { kind: 'onboarding', step: 'contract_reissued', applicationId, reason: '地址写错' },
    });
  });
});
