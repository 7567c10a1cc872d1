import type { ApplicationDetail } from '../../services/contracts/applications';
import type { ChatMessage, MessagePage } from '../../services/contracts/conversations';
import type { JobSummary } from '../../services/contracts/jobs';
import { OUTBOX_STORAGE_KEY } from '../../services/chat-outbox';
import type { Runtime, SetDataRecord } from '../../runtime/harness/runtime';
import { makeReadyToApply, startMockServer } from '../support/mock-server';
import type { ChatHeaderView, ChatMessageView } from '../../view-models/chat-view';
import type { ConversationRowView } from '../../view-models/conversation-view';
import type { ApplicationDetailView } from '../../view-models/application-view';
import {
  answerSubscribe,
  applyDirect,
  call,
  employerAct,
  launchSeeker,
  openJobs,
  type TestServer,
} from './applications-support';
import { sampleInvitation } from '../support/interview-invitation';
import type { InterviewList } from '../../services/contracts/interviews';
import type { EmployerRecordedInterview } from '../../services/contracts/recorded-interviews';
import type { InterviewRowView } from '../../view-models/interview-view';
import type { OfferView } from '../../view-models/onboarding-view';
import { seekerWithOffer } from './onboarding-support';

interface ChatData {
  status: string;
  header: ChatHeaderView | null;
  messages: ChatMessageView[];
  hasOlder: boolean;
  connectionText: string;
  draft: string;
}

const CHAT = 'subpackages/chat/pages/conversation/index';

let server: TestServer;
let rt: Runtime;
let jobSkip = 0;

beforeAll(async () => {
  // A small burst so one test can see 发送失败 from the flood limit; it refills at 2 a second.
  server = await startMockServer({
    seed: { jobs: 120, seed: 'chat-page-tests' },
    chatRate: { burst: 8, perSecond: 2 },
  });
});
afterAll(() => server.stop());
afterEach(() => rt?.dispose());

/** Waits (flushing the app) until `check` holds: socket frames arrive outside any my.* call. */
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await rt.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function seekerInConversation(): Promise<{ token: string; job: JobSummary; application: ApplicationDetail }> {
  const seeker = await launchSeeker(server);
  rt = seeker.rt;
  await makeReadyToApply(server, seeker.token);
  const [job] = await openJobs(server, 1, jobSkip++);
  const application = await applyDirect(server, seeker.token, job.id);
  return { token: seeker.token, job, application };
}

const hrSays = (job: JobSummary, conversationId: string, text: string) =>
  call<ChatMessage>(server, 'POST', `/employer/conversations/${conversationId}/messages`, {
    headers: { 'x-hr-id': job.hr.id },
    body: { text },
  });

/** Messages that crossed to the view in these transfers, however they went (setData or $spliceData). */
function messagesSent(records: SetDataRecord[]): number {
  let count = 0;
  for (const record of records) {
    for (const [key, value] of Object.entries(record.payload)) {
      if (key === 'messages')
        count += record.kind === 'setData' ? (value as unknown[]).length : (value as unknown[]).length - 2;
      else if (/^messages\[\d+\]$/.test(key)) count += 1;
    }
  }
  return count;
}

describe('the conversation page', () => {
  it('opens a 2,000-message conversation with one screen sent to the view, then pages older history in front', async () => {
    const { job, application } = await seekerInConversation();
    const conversations = server.context.applications.conversations;
    const conversationId = Number(application.conversationId);
    server.db.transaction(() => {
      for (let i = 1; i <= 2000; i++) {
        conversations.append(conversationId, {
          sender: i % 2 ? 'hr' : 'seeker',
          text: `历史消息${i}`,
          at: Date.UTC(2025, 0, 1) + i * 1000,
        });
      }
    })();
    const page = rt.mountPage<ChatData>(CHAT, { id: application.conversationId });
    await until(() => page.data.status === 'ready', 'the conversation');
    expect(page.data.header).toMatchObject({ jobTitle: job.title, companyName: job.company.name, jobId: job.id });
    expect(page.data.header?.activityLine).toMatch(/活跃 · 回复率 \d+%$/);
    expect(page.data.messages).toHaveLength(20);
    expect(messagesSent(page.setDataCalls)).toBeLessThanOrEqual(20);
    expect(page.data.messages.at(-1)?.text).toBe('历史消息2000');
    expect(page.data.hasOlder).toBe(true);

    page.clearSetDataCalls();
    page.call('onLoadOlder');
    await until(() => page.data.messages.length === 50, 'an older page');
    const prepend = page.setDataCalls.find((r) => r.kind === '$spliceData' && 'messages' in r.payload);
    expect((prepend?.payload.messages as unknown[]).slice(0, 2)).toEqual([0, 0]);
    expect((prepend?.payload.messages as ChatMessageView[]).length - 2).toBe(30);
    // What was on screen never crossed again.
    expect(messagesSent(page.setDataCalls)).toBe(30);
    expect(page.data.messages[0].text).toBe('历史消息1951');
  });

  it('shows a new HR message as one $spliceData of that message, and 已读 once the HR reads', async () => {
    const { job, application } = await seekerInConversation();
    const page = rt.mountPage<ChatData>(CHAT, { id: application.conversationId });
    await until(() => page.data.status === 'ready' && page.data.connectionText === '', 'the connection');
    const before = page.data.messages.length;
    page.clearSetDataCalls();
    await hrSays(job, application.conversationId, '你好，简历收到了');
    await until(() => page.data.messages.length === before + 1, 'the HR message');
    const splices = page.setDataCalls.filter((r) => 'messages' in r.payload);
    expect(splices).toHaveLength(1);
    expect(splices[0].kind).toBe('$spliceData');
    expect(splices[0].payload.messages).toEqual([
      before,
      0,
      expect.objectContaining({ text: '你好，简历收到了', side: 'theirs' }),
    ]);

    page.call('onDraftChange', '您好，什么时候方便面试？');
    page.call('onSend');
    expect(page.data.draft).toBe('');
    expect(page.data.messages.at(-1)).toMatchObject({ side: 'mine', stateText: '发送中' });
    await until(() => page.data.messages.at(-1)?.stateText === '已发送', '已发送');
    await call(server, 'POST', `/employer/conversations/${application.conversationId}/read`, {
      headers: { 'x-hr-id': job.hr.id },
      body: {},
    });
    await until(() => page.data.messages.at(-1)?.stateText === '已读', '已读');
  });

  it('shows the HR 刚刚活跃 in the header once they write, though they were last active days before', async () => {
    const { job, application } = await seekerInConversation();
    server.context.db
      .prepare('UPDATE hrs SET last_active_at = ? WHERE id = ?')
      .run(Date.now() - 3 * 24 * 3600_000, job.hr.id);
    const page = rt.mountPage<ChatData>(CHAT, { id: application.conversationId });
    await until(() => page.data.status === 'ready' && page.data.connectionText === '', 'the connection');
    expect(page.data.header?.activityLine).toMatch(/^3天前活跃 · /);
    await hrSays(job, application.conversationId, '在吗？方便聊聊吗');
    await until(() => page.data.header?.activityLine.startsWith('刚刚活跃 · ') === true, '刚刚活跃');
  });

  it('keeps messages typed offline on the device and sends them, once each, after coming back', async () => {
    const { token, application } = await seekerInConversation();
    const page = rt.mountPage<ChatData>(CHAT, { id: application.conversationId });
    await until(() => page.data.status === 'ready' && page.data.connectionText === '', 'the connection');
    rt.fake.setOffline(true);
    await until(() => page.data.connectionText === '网络不可用，消息将在恢复后自动发送', 'the offline notice');
    for (const text of ['地铁上没信号', '出站了再聊']) {
      page.call('onDraftChange', text);
      page.call('onSend');
    }
    expect(page.data.messages.slice(-2).map((m) => m.stateText)).toEqual(['发送中', '发送中']);
    expect((rt.fake.storage.get(OUTBOX_STORAGE_KEY) as unknown[]).length).toBe(2);

    rt.fake.setOffline(false);
    await until(() => page.data.messages.slice(-2).every((m) => m.stateText === '已发送'), 'both sent');
    expect(rt.fake.storage.get(OUTBOX_STORAGE_KEY)).toEqual([]);
    const stored = await call<MessagePage>(server, 'GET', `/conversations/${application.conversationId}/messages`, {
      token,
    });
    expect(stored.body.items.filter((m) => m.from === 'seeker').map((m) => m.text)).toEqual([
      '地铁上没信号',
      '出站了再聊',
    ]);
  });

  it('keeps what was typed when it cannot be sent, and marks a refused message 发送失败 with 重发', async () => {
    const { application } = await seekerInConversation();
    const page = rt.mountPage<ChatData>(CHAT, { id: application.conversationId });
    await until(() => page.data.status === 'ready' && page.data.connectionText === '', 'the connection');
    page.call('onDraftChange', '好'.repeat(1001));
    page.call('onSend');
    expect(rt.fake.lastToast()).toMatchObject({ content: '消息内容不能超过1000个字' });
    expect(page.data.draft).toBe('好'.repeat(1001));

    for (let i = 0; i < 9; i++) {
      page.call('onDraftChange', `第${i}条`);
      page.call('onSend');
    }
    await until(() => page.data.messages.some((m) => m.failed), '发送失败');
    const failed = page.data.messages.find((m) => m.failed) as ChatMessageView;
    expect(failed).toMatchObject({ text: '第8条', stateText: '发送失败', failure: '发送太频繁，请稍后再试' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    page.tap('onResend', { dataset: { clientId: failed.clientId } });
    await until(() => page.data.messages.at(-1)?.stateText === '已发送', 'the resent message');
    expect(page.data.messages.filter((m) => m.text === '第8条')).toHaveLength(1);
  });

  it('answers a consent card, warns about a scam message and reports it in one tap', async () => {
    const { job, application } = await seekerInConversation();
    const page = rt.mountPage<ChatData>(CHAT, { id: application.conversationId });
    await until(() => page.data.status === 'ready' && page.data.connectionText === '', 'the connection');
    await call(server, 'POST', `/employer/conversations/${application.conversationId}/consent-requests`, {
      headers: { 'x-hr-id': job.hr.id },
      body: { subject: 'phone' },
    });
    await until(() => page.data.messages.some((m) => m.cardKind === 'consent_request'), 'the consent card');
    const request = page.data.messages.find((m) => m.cardKind === 'consent_request') as ChatMessageView;
    expect(request).toMatchObject({ cardTitle: 'HR请求查看你的手机号', canAnswer: true });
    await page.tap('onAgree', { dataset: { seq: request.seq, subject: 'phone' } });
    await until(() => page.data.messages.some((m) => m.cardKind === 'consent_answer'), 'the answer');
    expect(page.data.messages.find((m) => m.cardKind === 'consent_request')).toMatchObject({
      canAnswer: false,
      cardState: '已同意',
      cardTone: 'good',
    });
    expect(page.data.messages.find((m) => m.cardKind === 'consent_answer')?.cardTitle).toBe('已同意分享手机号');

    await hrSays(job, application.conversationId, '上岗前要交200元服装费');
    await until(() => page.data.messages.some((m) => m.cardKind === 'scam_warning'), 'the warning');
    const warning = page.data.messages.find((m) => m.cardKind === 'scam_warning') as ChatMessageView;
    expect(warning.cardLines[0]).toContain('正规招聘不会向求职者收取任何费用');
    expect(warning.cardLines.at(-1)).toContain('《劳动合同法》第九条');
    await page.tap('onReport', { dataset: { seq: warning.aboutSeq } });
    expect(rt.fake.lastToast()).toMatchObject({ content: '已举报，平台会尽快核实处理' });
    const reports = await call<{ items: Array<{ text: string }> }>(server, 'GET', '/__admin/chat-reports');
    expect(reports.body.items[0].text).toBe('上岗前要交200元服装费');
  });
});

describe('the 消息 tab and live application updates', () => {
  it('counts unread per conversation, filters to 未读, sets the tab badge, and opens the chat', async () => {
    const { job, application } = await seekerInConversation();
    const page = rt.mountPage<{ rows: ConversationRowView[]; unreadOnly: boolean }>('pages/messages/index');
    await until(() => page.data.rows.length === 1, 'the list');
    await hrSays(job, application.conversationId, '在吗？');
    await until(() => page.data.rows[0]?.unreadText === '1', 'the unread count');
    expect(page.data.rows[0].preview).toBe('在吗？');
    await until(() => rt.fake.tabBadges.get(1) === '1', 'the tab badge');

    page.call('onFilterUnread');
    await rt.flush();
    expect(page.data.unreadOnly).toBe(true);
    expect(page.data.rows.map((r) => r.id)).toEqual([application.conversationId]);
    page.tap('onOpenConversation', { dataset: { id: application.conversationId } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({ url: `/${CHAT}?id=${application.conversationId}` });
  });

  it('updates 投递详情 when the employer acts, without leaving the page', async () => {
    const { job, application } = await seekerInConversation();
    const page = rt.mountPage<{ application: ApplicationDetailView | null }>(
      'subpackages/applications/pages/detail/index',
      {
        id: application.id,
      },
    );
    await until(() => page.data.application !== null, 'the detail');
    const statusBefore = page.data.application?.statusText;
    await call(server, 'POST', `/employer/applications/${application.id}/invite`, {
      headers: { 'x-hr-id': job.hr.id },
      body: sampleInvitation(),
    });
    await until(() => page.data.application?.statusText !== statusBefore, 'the live status');
    expect(page.data.application?.statusText).toBe('面试');
  });
});

describe('cards the seeker answers in the chat', () => {
  const cardOf = (page: { data: ChatData }, kind: string) =>
    page.data.messages.filter((m) => m.cardKind === kind).at(-1);

  it('accepts an invitation on its card; the card and 我的面试 follow every change live', async () => {
    const { job, application } = await seekerInConversation();
    answerSubscribe(rt, false);
    const page = rt.mountPage<ChatData>(CHAT, { id: application.conversationId });
    const list = rt.mountPage<{ upcoming: InterviewRowView[]; past: InterviewRowView[] }>(
      'subpackages/interviews/pages/list/index',
    );
    await until(() => page.data.status === 'ready' && page.data.connectionText === '', 'the connection');
    const invitation = sampleInvitation();
    await employerAct(server, application, 'invite', invitation);
    await until(() => cardOf(page, 'interview')?.cardState === '待回复', 'the invitation card');
    const card = cardOf(page, 'interview') as ChatMessageView;
    expect(card).toMatchObject({ cardTitle: '视频面试邀请', side: 'theirs' });
    expect(card.cardLines).toContain('面试官：李经理 · 约30分钟');
    expect(card.cardLines).toContain('备注：请准备一段自我介绍');
    expect(card.cardSlots.map((slot) => slot.value)).toEqual(invitation.slots);
    expect(card.cardButtons.map((b) => b.text)).toEqual(['拒绝', '申请改期']);
    await until(() => list.data.upcoming.length === 1, '我的面试 hearing of the invitation');

    rt.fake.answerConfirm(true);
    await page.tap('onCardSlot', { dataset: { subject: card.cardSubjectId, value: invitation.slots[1] } });
    await until(() => /^已接受 /.test(cardOf(page, 'interview')?.cardState ?? ''), 'the accepted state');
    expect(cardOf(page, 'interview')?.cardSlots).toEqual([]);
    await until(() => list.data.upcoming[0]?.statusText === '已确认', '我的面试 showing the accepted time');

    // The HR cancels from the console: the card says so without reopening the chat.
    await call(server, 'POST', `/employer/interviews/${card.cardSubjectId}/cancel`, {
      headers: { 'x-hr-id': job.hr.id },
      body: { reason: '岗位已招满' },
    });
    await until(() => cardOf(page, 'interview')?.cardState === '已取消', 'the cancelled state');
    await until(() => list.data.past[0]?.statusText === '已取消', '我的面试 moving it to the past');
    expect(cardOf(page, 'interview')?.cardButtons.map((b) => b.text)).toEqual(['查看详情']);
  });

  it('draws a card of an earlier invitation in its state loaded on open, and leads 拒绝 to the decline form', async () => {
    const { token, application } = await seekerInConversation();
    await employerAct(server, application, 'invite', sampleInvitation());
    const page = rt.mountPage<ChatData>(CHAT, { id: application.conversationId });
    await until(() => cardOf(page, 'interview')?.cardState === '待回复', 'the state read on open');
    const card = cardOf(page, 'interview') as ChatMessageView;
    const interviews = await call<InterviewList>(server, 'GET', '/interviews', { token });
    expect(card.cardSubjectId).toBe(interviews.body.items.find((i) => i.applicationId === application.id)?.id);

    await page.tap('onCardAction', { dataset: { action: 'decline-interview', subject: card.cardSubjectId } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({
      api: 'navigateTo',
      url: `/subpackages/interviews/pages/detail/index?id=${card.cardSubjectId}&answer=decline`,
    });
    const detail = rt.mountPage<{ declineVisible: boolean; proposeVisible: boolean }>(
      'subpackages/interviews/pages/detail/index',
      { id: card.cardSubjectId, answer: 'decline' },
    );
    // Opened once the interview is loaded and still allows declining.
    detail.show();
    await rt.flush();
    expect(detail.data.declineVisible).toBe(true);
    await page.tap('onCardAction', { dataset: { action: 'propose-interview', subject: card.cardSubjectId } });
    expect(rt.fake.navigation.at(-1)?.url).toMatch(/answer=propose$/);
  });

  it('opens a recorded interview to answer from its card', async () => {
    const { job, application } = await seekerInConversation();
    const page = rt.mountPage<ChatData>(CHAT, { id: application.conversationId });
    await until(() => page.data.status === 'ready' && page.data.connectionText === '', 'the connection');
    const hr = { 'x-hr-id': job.hr.id };
    await call(server, 'PUT', `/employer/jobs/${job.id}/recorded-interview`, {
      headers: hr,
      body: { questions: [{ text: '请介绍一下你自己', thinkingSeconds: 10, answerSeconds: 60 }], retakes: 1 },
    });
    const sent = await call<EmployerRecordedInterview>(
      server,
      'POST',
      `/employer/applications/${application.id}/recorded-interview`,
      { headers: hr, body: { deadlineDays: 3 } },
    );
    await until(() => cardOf(page, 'recorded_interview')?.cardState === '待作答', 'the recorded interview card');
    const card = cardOf(page, 'recorded_interview') as ChatMessageView;
    expect(card).toMatchObject({ cardTitle: '录制面试邀请', cardSubjectId: sent.body.id });
    expect(card.cardLines[0]).toBe('共1道题，有空时用手机录制回答');
    await page.tap('onCardAction', { dataset: { action: 'answer-recorded', subject: card.cardSubjectId } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({
      url: `/subpackages/recorded-interview/pages/answer/index?id=${sent.body.id}`,
    });
  });

  it('accepts an offer on its card, and the offer page shows it', async () => {
    const seeker = await seekerWithOffer(server, jobSkip++);
    rt = seeker.rt;
    const conversations = await call<{ items: { id: string; applicationId: string }[] }>(
      server,
      'GET',
      '/conversations',
      { token: seeker.token },
    );
    const conversationId = conversations.body.items.find((c) => c.applicationId === seeker.applicationId)!.id;
    const page = rt.mountPage<ChatData>(CHAT, { id: conversationId });
    await until(() => cardOf(page, 'offer')?.cardState === '待确认', 'the offer card');
    const card = cardOf(page, 'offer') as ChatMessageView;
    expect(card.cardLines.slice(0, 2)).toEqual(['岗位：仓库分拣员', '薪资：日结 ¥220/天']);
    expect(card.cardButtons.map((b) => b.text)).toEqual(['查看并答复', '接受']);
    await page.tap('onCardAction', { dataset: { action: 'open-offer', subject: seeker.applicationId } });
    expect(rt.fake.navigation.at(-1)?.url).toBe(
      `/subpackages/onboarding/pages/offer/index?applicationId=${seeker.applicationId}`,
    );

    const offerPage = rt.mountPage<{ offer: OfferView | null }>('subpackages/onboarding/pages/offer/index', {
      applicationId: seeker.applicationId,
    });
    await until(() => offerPage.data.offer?.statusText === '待确认', 'the offer page');
    rt.fake.answerConfirm(true);
    await page.tap('onCardAction', { dataset: { action: 'accept-offer', subject: seeker.applicationId } });
    await until(() => cardOf(page, 'offer')?.cardState === '已接受', 'the accepted offer');
    expect(rt.fake.lastToast()).toMatchObject({ content: '已接受录用通知' });
    expect(cardOf(page, 'offer')?.cardButtons.map((b) => b.text)).toEqual(['继续入职']);
    expect(offerPage.data.offer?.statusText).toBe('已接受');
  });
});

describe('onboarding pushed to the app', () => {
  it('updates an open offer page when the offer is answered on another device, without reloading', async () => {
    const seeker = await seekerWithOffer(server, jobSkip++);
    rt = seeker.rt;
    const offerPage = rt.mountPage<{ offer: OfferView | null }>('subpackages/onboarding/pages/offer/index', {
      applicationId: seeker.applicationId,
    });
    await until(() => offerPage.data.offer?.statusText === '待确认', 'the offer page');
    const reads = rt.fake.requests.filter((r) => r.url.includes('/onboarding')).length;
    await call(server, 'POST', `/offers/${seeker.offerId}/accept`, { token: seeker.token });
    await until(() => offerPage.data.offer?.statusText === '已接受', 'the pushed offer');
    expect(rt.fake.requests.filter((r) => r.url.includes('/onboarding')).length).toBe(reads);
  });
});
