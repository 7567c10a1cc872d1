import type { ApplicationDetail } from '../../services/contracts/applications';
import type {
  ChatMessage,
  ConversationSummary,
  MessagePage,
  UnreadTotal,
} from '../../services/contracts/conversations';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { REALTIME_MAX_FRAME_BYTES } from '../../services/contracts/realtime';
import { SUBSCRIPTION_TEMPLATES, type WouldSendNotificationList } from '../../services/contracts/subscriptions';
import { connectEmployerRealtime, connectRealtime, startTestBackend, type TestBackend } from './mock-fixture';
import { loginReadyToApply } from './mock-resume-helpers';

describe('mock backend chat', () => {
  let backend: TestBackend;
  let jobs: JobSummary[];
  let jobCursor = 0;

  beforeAll(async () => {
    backend = await startTestBackend({ seed: { jobs: 60 }, chatRate: { burst: 5, perSecond: 0.5 } });
    jobs = (await backend.request<CursorPage<JobSummary>>('GET', '/jobs?limit=50')).body.items;
  });
  afterAll(() => backend.close());

  /** A seeker who applied to a fresh job: their token, the conversation and the job's HR. */
  async function conversationFor(key: string) {
    const { accessToken, userId } = await loginReadyToApply(backend, key);
    const job = jobs[jobCursor++];
    const created = await backend.request<ApplicationDetail>('POST', '/applications', {
      token: accessToken,
      headers: { 'idempotency-key': `chat-${key}` },
      body: { jobId: job.id },
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    return { token: accessToken, userId, job, hrId: job.hr.id, id: created.body.conversationId };
  }

  const asHr = <T>(hrId: string, method: string, path: string, body?: unknown) =>
    backend.request<T>(method, path, { headers: { 'x-hr-id': hrId }, body });

  it('numbers messages per conversation, acks over the socket and stores a retried client id once', async () => {
    const chat = await conversationFor('chat-seq');
    const seeker = connectRealtime(backend.url, chat.token);
    const hr = await connectEmployerRealtime(backend, chat.hrId);
    await seeker.next('hello');
    await hr.next('hello');
    const frame = { type: 'message.send', conversationId: chat.id, clientId: 'client-0001', text: '您好 👋🏻' };
    seeker.socket.send(JSON.stringify(frame));
    const ack = await seeker.next('message.ack');
    // The application opened the conversation with one system line: this is the second message.
    expect(ack).toMatchObject({ clientId: 'client-0001', message: { seq: 2, from: 'seeker', text: '您好 👋🏻' } });
    expect((await hr.next('message')).message).toMatchObject({ seq: 2, clientId: 'client-0001' });

    seeker.socket.send(JSON.stringify(frame));
    expect((await seeker.next('message.ack')).message).toEqual(ack.message);
    await expect(hr.next('message', 300)).rejects.toThrow();
    const again = await backend.request<ChatMessage>('POST', `/conversations/${chat.id}/messages`, {
      token: chat.token,
      body: { text: '您好 👋🏻', clientId: 'client-0001' },
    });
    expect(again.status).toBe(200);
    expect(again.body.seq).toBe(2);

    const hrSent = await asHr<ChatMessage>(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, {
      text: '你好',
      clientId: 'hr-client-1',
    });
    expect(hrSent.status).toBe(201);
    expect(hrSent.body.seq).toBe(3);
    // The seeker's own message reaches their other connections too; then the HR's.
    expect((await seeker.next('message')).message).toMatchObject({ seq: 2, from: 'seeker' });
    expect((await seeker.next('message')).message).toMatchObject({ seq: 3, from: 'hr', text: '你好' });
    seeker.close();
    hr.close();
  });

  it('answers what came after a sequence, and older history a page at a time', async () => {
    const chat = await conversationFor('chat-pages');
    for (let i = 1; i <= 4; i++) {
      await asHr(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, { text: `第${i}条` });
    }
    const path = `/conversations/${chat.id}/messages`;
    const after = await backend.request<MessagePage>('GET', `${path}?afterSeq=2&limit=2`, { token: chat.token });
    expect(after.body.items.map((m) => m.seq)).toEqual([3, 4]);
    expect(after.body).toMatchObject({ hasMore: true, lastSeq: 5 });
    const newest = await backend.request<MessagePage>('GET', `${path}?limit=2`, { token: chat.token });
    expect(newest.body.items.map((m) => m.text)).toEqual(['第3条', '第4条']);
    expect(newest.body.hasMore).toBe(true);
    const older = await backend.request<MessagePage>('GET', `${path}?beforeSeq=4&limit=10`, { token: chat.token });
    expect(older.body.items.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(older.body.hasMore).toBe(false);
    const bad = await backend.request<ApiErrorBody>('GET', `${path}?afterSeq=-1`, { token: chat.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0].path).toBe('query.afterSeq');
  });

  it('keeps read positions both ways, unread counts, the unread filter and the badge total', async () => {
    const chat = await conversationFor('chat-read');
    const seeker = connectRealtime(backend.url, chat.token);
    const hr = await connectEmployerRealtime(backend, chat.hrId);
    await seeker.next('hello');
    await hr.next('hello');
    await asHr(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, { text: '在吗' });
    await asHr(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, { text: '方便聊聊吗' });
    const unread = await backend.request<CursorPage<ConversationSummary>>('GET', '/conversations?unread=1', {
      token: chat.token,
    });
    expect(unread.body.items.map((c) => c.id)).toEqual([chat.id]);
    expect(unread.body.items[0]).toMatchObject({ unreadCount: 2, lastSeq: 3, readSeq: 1 });
    const total = await backend.request<UnreadTotal>('GET', '/conversations/unread-count', { token: chat.token });
    expect(total.body.unreadCount).toBe(2);

    seeker.socket.send(JSON.stringify({ type: 'read', conversationId: chat.id, seq: 2 }));
    expect(await hr.next('read')).toMatchObject({ conversationId: chat.id, by: 'seeker', seq: 2 });
    const hrView = await asHr<ConversationSummary>(chat.hrId, 'GET', `/employer/conversations/${chat.id}`);
    expect(hrView.body).toMatchObject({ otherReadSeq: 2 });
    const read = await backend.request<ConversationSummary>('POST', `/conversations/${chat.id}/read`, {
      token: chat.token,
      body: {},
    });
    expect(read.body).toMatchObject({ unreadCount: 0, readSeq: 3 });
    const none = await backend.request<CursorPage<ConversationSummary>>('GET', '/conversations?unread=1', {
      token: chat.token,
    });
    expect(none.body.items).toEqual([]);

    // The HR's side: the seeker's message is unread until the HR reads it; then the seeker sees 已读.
    await backend.request('POST', `/conversations/${chat.id}/messages`, {
      token: chat.token,
      body: { text: '方便的', clientId: 'read-test-01' },
    });
    const hrList = await asHr<CursorPage<ConversationSummary>>(chat.hrId, 'GET', '/employer/conversations?unread=1');
    expect(hrList.body.items.find((c) => c.id === chat.id)).toMatchObject({ unreadCount: 1 });
    await asHr(chat.hrId, 'POST', `/employer/conversations/${chat.id}/read`, {});
    // The seeker's own reads come back to their connections first (other devices stop counting them).
    expect(await seeker.next('read')).toMatchObject({ by: 'seeker', seq: 2 });
    expect(await seeker.next('read')).toMatchObject({ by: 'seeker', seq: 3 });
    expect(await seeker.next('read')).toMatchObject({ by: 'hr', seq: 4 });
    seeker.close();
    hr.close();
  });

  it("answers 404 for a conversation that is not yours (or your company's), on either side", async () => {
    const chat = await conversationFor('chat-owner');
    const other = await backend.login('chat-stranger');
    const stranger = await backend.request<ApiErrorBody>('GET', `/conversations/${chat.id}/messages`, {
      token: other.accessToken,
    });
    expect(stranger.status).toBe(404);
    const otherHr = String(
      backend.server.db
        .prepare('SELECT id FROM hrs WHERE company_id != (SELECT company_id FROM hrs WHERE id = ?) LIMIT 1')
        .pluck()
        .get(Number(chat.hrId)),
    );
    expect((await asHr(otherHr, 'GET', `/employer/conversations/${chat.id}/messages`)).status).toBe(404);
    expect((await asHr(otherHr, 'POST', `/employer/conversations/${chat.id}/read`, {})).status).toBe(404);
    expect((await asHr(otherHr, 'POST', `/employer/conversations/${chat.id}/messages`, { text: '你好' })).status).toBe(
      404,
    );
    const socket = connectRealtime(backend.url, other.accessToken);
    await socket.next('hello');
    socket.socket.send(
      JSON.stringify({ type: 'message.send', conversationId: chat.id, clientId: 'x-000001', text: 'hi' }),
    );
    expect(await socket.next('message.rejected')).toMatchObject({ code: 'not_found', clientId: 'x-000001' });
    socket.close();
  });

  it('slows a flood with 429 and a clear message, over HTTP and over the socket', async () => {
    const chat = await conversationFor('chat-flood');
    const statuses: number[] = [];
    let refusal: ApiErrorBody | undefined;
    for (let i = 0; i < 7; i++) {
      const response = await asHr<ApiErrorBody>(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, {
        text: `消息${i}`,
      });
      statuses.push(response.status);
      if (response.status === 429) refusal = response.body;
    }
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(refusal?.error).toMatchObject({ code: 'rate_limited', message: '发送太频繁，请稍后再试' });

    const seeker = connectRealtime(backend.url, chat.token);
    await seeker.next('hello');
    for (let i = 0; i < 6; i++) {
      seeker.socket.send(
        JSON.stringify({ type: 'message.send', conversationId: chat.id, clientId: `flood-${i}-000`, text: `${i}` }),
      );
    }
    for (let i = 0; i < 5; i++) await seeker.next('message.ack');
    expect(await seeker.next('message.rejected')).toMatchObject({ code: 'rate_limited', clientId: 'flood-5-000' });
    seeker.close();
  });

  it('refuses a malformed frame with an error and closes only an oversized one', async () => {
    const first = await conversationFor('chat-frames');
    const second = await conversationFor('chat-frames-bystander');
    const bad = connectRealtime(backend.url, first.token);
    const bystander = connectRealtime(backend.url, second.token);
    await bad.next('hello');
    await bystander.next('hello');
    bad.socket.send('{not json');
    expect((await bad.next('error')).message).toBe('无法识别的消息');
    bad.socket.send(
      JSON.stringify({ type: 'message.send', conversationId: first.id, clientId: 'ctl-000001', text: 'a\u0007b' }),
    );
    expect((await bad.next('message.rejected')).message).toBe('消息内容包含无法识别的字符');
    bad.socket.send(
      JSON.stringify({
        type: 'message.send',
        conversationId: first.id,
        clientId: 'long-00001',
        text: '好'.repeat(1001),
      }),
    );
    expect((await bad.next('message.rejected')).message).toBe('消息内容不能超过1000个字');
    bad.socket.send('x'.repeat(REALTIME_MAX_FRAME_BYTES + 1));
    expect((await bad.closed).code).toBe(1009);
    bystander.socket.send(JSON.stringify({ type: 'ping' }));
    expect(await bystander.next('pong')).toEqual({ type: 'pong' });
    bystander.close();
  });

  it('counts text as a person does: 1,000 emoji are 1,000 characters', async () => {
    const chat = await conversationFor('chat-emoji');
    const path = `/conversations/${chat.id}/messages`;
    const thousand = await backend.request('POST', path, {
      token: chat.token,
      body: { text: '👨‍👩‍👧'.repeat(1000), clientId: 'emoji-00001' },
    });
    expect(thousand.status).toBe(201);
    const over = await backend.request<ApiErrorBody>('POST', path, {
      token: chat.token,
      body: { text: '🇨🇳'.repeat(1001), clientId: 'emoji-00002' },
    });
    expect(over.status).toBe(400);
    expect(over.body.error.fields?.[0]).toEqual({ path: 'text', message: '消息内容不能超过1000个字' });
  });

  it('turns an HR message to an unconnected seeker into a subscription message, one per consent', async () => {
    const chat = await conversationFor('chat-notify');
    await backend.request('POST', '/subscriptions', {
      token: chat.token,
      body: { templateIds: [SUBSCRIPTION_TEMPLATES.chatMessage.id] },
    });
    await asHr(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, { text: '明天上午方便电话面试吗？' });
    await asHr(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, { text: '请尽快回复' });
    const log = await backend.request<WouldSendNotificationList>('GET', `/__admin/notifications?userId=${chat.userId}`);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({
      templateId: SUBSCRIPTION_TEMPLATES.chatMessage.id,
      conversationId: chat.id,
      page: `subpackages/chat/pages/conversation/index?id=${chat.id}`,
      data: { keyword3: { value: '明天上午方便电话面试吗？' } },
    });

    // Connected: no notification, the socket carries it.
    await backend.request('POST', '/subscriptions', {
      token: chat.token,
      body: { templateIds: [SUBSCRIPTION_TEMPLATES.chatMessage.id] },
    });
    const seeker = connectRealtime(backend.url, chat.token);
    await seeker.next('hello');
    await asHr(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, { text: '收到请回复' });
    await seeker.next('message');
    const after = await backend.request<WouldSendNotificationList>(
      'GET',
      `/__admin/notifications?userId=${chat.userId}`,
    );
    expect(after.body.items).toHaveLength(1);
    seeker.close();
  });

  it('asks for consent with a card the seeker answers once; the seeker can offer the phone unasked', async () => {
    const chat = await conversationFor('chat-consent');
    const request = await asHr<ChatMessage>(chat.hrId, 'POST', `/employer/conversations/${chat.id}/consent-requests`, {
      subject: 'phone',
    });
    expect(request.body.card).toEqual({ kind: 'consent_request', subject: 'phone' });
    const path = `/conversations/${chat.id}/consents`;
    const declined = await backend.request<ChatMessage>('POST', path, {
      token: chat.token,
      body: { subject: 'phone', agreed: false, requestSeq: request.body.seq },
    });
    expect(declined.body.card).toMatchObject({ kind: 'consent_answer', agreed: false, requestSeq: request.body.seq });
    const twice = await backend.request<ApiErrorBody>('POST', path, {
      token: chat.token,
      body: { subject: 'phone', agreed: true, requestSeq: request.body.seq },
    });
    expect(twice.status).toBe(409);
    const employerBefore = await asHr<{ applicantResume: { phone: string } }>(
      chat.hrId,
      'GET',
      `/employer/applications/${(await backend.request<ConversationSummary>('GET', `/conversations/${chat.id}`, { token: chat.token })).body.applicationId}`,
    );
    expect(employerBefore.body.applicantResume.phone).toContain('****');
    const offered = await backend.request<ChatMessage>('POST', path, {
      token: chat.token,
      body: { subject: 'phone', agreed: true },
    });
    expect(offered.status).toBe(201);
    expect(offered.body.card).toMatchObject({
      kind: 'consent_answer',
      subject: 'phone',
      agreed: true,
      requestSeq: null,
    });
    const attachment = await backend.request<ApiErrorBody>('POST', path, {
      token: chat.token,
      body: { subject: 'attachment', agreed: true },
    });
    expect(attachment.status).toBe(409);
    expect(attachment.body.error.message).toContain('附件简历');
  });

  it('warns about a scam message with the law, takes a one-tap report, and blocks the HR', async () => {
    const chat = await conversationFor('chat-scam');
    const sent = await asHr<ChatMessage>(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, {
      text: '入职前需要先交500元押金，加我微信详聊',
    });
    const page = await backend.request<MessagePage>('GET', `/conversations/${chat.id}/messages`, { token: chat.token });
    const warning = page.body.items.at(-1) as ChatMessage;
    expect(warning).toMatchObject({ from: 'system', card: { kind: 'scam_warning', aboutSeq: sent.body.seq } });
    const card = warning.card as { flags: Array<{ key: string }>; law: string };
    expect(card.flags.map((f) => f.key)).toEqual(['fee', 'off_platform_chat']);
    expect(card.law).toContain('劳动合同法');

    const report = await backend.request<{ id: string }>('POST', `/conversations/${chat.id}/reports`, {
      token: chat.token,
      body: { seq: sent.body.seq, reason: '疑似诈骗' },
    });
    expect(report.status).toBe(201);
    const reports = await backend.request<{ items: Array<{ text: string; reason: string }> }>(
      'GET',
      '/__admin/chat-reports',
    );
    expect(reports.body.items[0]).toMatchObject({ text: '入职前需要先交500元押金，加我微信详聊', reason: '疑似诈骗' });
    const notHr = await backend.request<ApiErrorBody>('POST', `/conversations/${chat.id}/reports`, {
      token: chat.token,
      body: { seq: warning.seq, reason: '疑似诈骗' },
    });
    expect(notHr.status).toBe(400);

    const blocked = await backend.request<ConversationSummary>('PUT', `/conversations/${chat.id}/block`, {
      token: chat.token,
    });
    expect(blocked.body.blocked).toBe(true);
    const refused = await asHr<ApiErrorBody>(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, {
      text: '在吗',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('求职者已屏蔽你，无法继续发送消息');
    await backend.request('DELETE', `/conversations/${chat.id}/block`, { token: chat.token });
    expect(
      (await asHr(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, { text: '在吗' })).status,
    ).toBe(201);
  });

  it('shows a scam warning to the seeker only: never in the HR pages, list preview, unread count or socket', async () => {
    const chat = await conversationFor('chat-scam-hr');
    const seeker = connectRealtime(backend.url, chat.token);
    const hr = await connectEmployerRealtime(backend, chat.hrId);
    await seeker.next('hello');
    await hr.next('hello');
    try {
      const before = await asHr<{ unreadCount: number }>(chat.hrId, 'GET', '/employer/conversations/unread-count');
      const text = '入职前需要先交500元押金，加我微信详聊';
      const sent = await asHr<ChatMessage>(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, { text });
      expect((await seeker.next('message')).message).toMatchObject({ seq: sent.body.seq, text });
      expect((await seeker.next('message')).message.card).toMatchObject({ kind: 'scam_warning' });
      expect((await hr.next('message')).message).toMatchObject({ seq: sent.body.seq, text });
      await expect(hr.next('message', 300)).rejects.toThrow();

      const page = await asHr<MessagePage>(chat.hrId, 'GET', `/employer/conversations/${chat.id}/messages`);
      expect(page.body.items.map((message) => message.card?.kind)).not.toContain('scam_warning');
      expect(page.body.lastSeq).toBe(sent.body.seq);
      const resync = await asHr<MessagePage>(
        chat.hrId,
        'GET',
        `/employer/conversations/${chat.id}/messages?afterSeq=${sent.body.seq}`,
      );
      expect(resync.body.items).toEqual([]);
      const summary = await asHr<ConversationSummary>(chat.hrId, 'GET', `/employer/conversations/${chat.id}`);
      expect(summary.body).toMatchObject({ lastSeq: sent.body.seq, lastMessage: { text, from: 'hr' } });
      const listed = await asHr<CursorPage<ConversationSummary>>(chat.hrId, 'GET', '/employer/conversations');
      expect(listed.body.items.find((item) => item.id === chat.id)).toMatchObject({ lastMessage: { text } });
      const after = await asHr<{ unreadCount: number }>(chat.hrId, 'GET', '/employer/conversations/unread-count');
      expect(after.body.unreadCount).toBe(before.body.unreadCount);
      // The seeker's side is unchanged: the warning is the newest line.
      const mine = await backend.request<ConversationSummary>('GET', `/conversations/${chat.id}`, {
        token: chat.token,
      });
      expect(mine.body).toMatchObject({ lastSeq: sent.body.seq + 1, lastMessage: { from: 'system' } });
    } finally {
      seeker.close();
      hr.close();
    }
  });

  it('keeps every message, its numbering and its client id across a restart on the same database', async () => {
    const chat = await conversationFor('chat-restart');
    await asHr(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, {
      text: '重启前',
      clientId: 'before-01',
    });
    const restarted = await backend.restart();
    expect(restarted).toBe(true);
    const retry = await asHr<ChatMessage>(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, {
      text: '重启前',
      clientId: 'before-01',
    });
    expect(retry.status).toBe(200);
    expect(retry.body.seq).toBe(2);
    const next = await asHr<ChatMessage>(chat.hrId, 'POST', `/employer/conversations/${chat.id}/messages`, {
      text: '重启后',
    });
    expect(next.body.seq).toBe(3);
  });

  it("lets a colleague at the same company answer, and tells the company's console sockets only", async () => {
    const chat = await conversationFor('chat-colleague');
    // A second HR at the job's company (the seed gives small companies one).
    const colleague = backend.server.db
      .prepare(
        `INSERT INTO hrs (company_id, name, title, last_active_at, reply_rate)
         SELECT company_id, '同事', '招聘专员', last_active_at, reply_rate FROM hrs WHERE id = ? RETURNING id`,
      )
      .pluck()
      .get(Number(chat.hrId)) as number;
    const outsider = backend.server.db
      .prepare('SELECT id FROM hrs WHERE company_id != (SELECT company_id FROM hrs WHERE id = ?) LIMIT 1')
      .pluck()
      .get(Number(chat.hrId)) as number;
    const companyConsole = await connectEmployerRealtime(backend, chat.hrId);
    const elsewhere = await connectEmployerRealtime(backend, outsider);
    await companyConsole.next('hello');
    await elsewhere.next('hello');
    const sent = await asHr<ChatMessage>(String(colleague), 'POST', `/employer/conversations/${chat.id}/messages`, {
      text: '我是同事，由我来跟进',
    });
    expect(sent.status).toBe(201);
    expect((await companyConsole.next('message')).message).toMatchObject({ text: '我是同事，由我来跟进', from: 'hr' });
    await expect(elsewhere.next('message', 300)).rejects.toThrow();
    companyConsole.close();
    elsewhere.close();
  });
});
