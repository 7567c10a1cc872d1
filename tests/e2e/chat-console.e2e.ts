/**
 * Both sides of one conversation, in one browser: the seeker in the simulator, the HR in the console's 消息.
 * They write both ways and see it arrive live; read receipts both ways; the HR asks for the phone, the seeker
 * agrees and the console shows the number; a message the HR sends while the seeker is offline (the
 * simulator's switch) arrives when they are back; the shared text rule in the console; from the thread to
 * the application and back. Screenshots: artifacts/e2e/chat-console/ (HR) and chat-console-seeker/.
 */
import fs from 'node:fs';
import type { Request } from 'playwright-core';
import type { ApplicationDetail } from '../../services/contracts/applications';
import type { MessagePage } from '../../services/contracts/conversations';
import type { JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { ConsoleApp } from './support/console-app';
import { SimApp, startStack, type Stack } from './support/stack';

const USER = 'e2e-chat-console';
const NAME = '韩梅梅';
const GREETING = '您好，我对这个职位很感兴趣。';
const RESUME_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

let stack: Stack;
let hr: ConsoleApp;
let seeker: SimApp;
let job: JobSummary;
let conversationId = '';
let seekerToken = '';

async function api<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (path.startsWith('/employer/')) headers['x-hr-id'] = job.hr.id;
  if (path === '/applications') headers['idempotency-key'] = `${USER}-apply`;
  const response = await fetch(`${stack.mock.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Every message as stored, oldest first. */
async function storedTexts(): Promise<string[]> {
  const page = await api<MessagePage>('GET', `/employer/conversations/${conversationId}/messages?limit=100`);
  return page.body.items.map((m) => m.text);
}

// The seeker's side (the simulator).
const seekerLine = (text: string) => seeker.frame().locator('.chat-line', { hasText: text }).last();
async function seekerTypes(text: string): Promise<void> {
  await seeker.frame().locator('.ant-copilot-sender-input').fill(text);
  await seeker.frame().locator('.ant-copilot-sender-content-button').click();
}

// The HR's side (the console).
const hrLine = (text: string) => hr.page.locator('.chat-line', { hasText: text }).last();
const hrSender = () => hr.page.locator('.chat-sender textarea');
async function hrTypes(text: string): Promise<void> {
  await hrSender().fill(text);
  await hrSender().press('Enter');
}

beforeAll(async () => {
  // A small flood allowance, so the HR can run into it in a few messages.
  stack = await startStack({ mock: { chatRate: { burst: 6, perSecond: 1 } } });
  const login = await api<{ accessToken: string }>('POST', '/auth/login', {
    body: { authCode: `u_${USER}.setup${Date.now().toString(36)}` },
  });
  const token = login.body.accessToken;
  seekerToken = token;
  await api('PUT', '/resume/basic', {
    token,
    body: { name: NAME, gender: 'female', birthYear: 1999, cityCode: '330100', status: 'unemployed' },
  });
  const payload = await api<{ response: string }>('POST', '/__admin/phone-payload', {
    body: { mobile: '13900001111' },
  });
  await api('POST', '/resume/phone', { token, body: { response: payload.body.response } });
  job = (await api<CursorPage<JobSummary>>('GET', '/jobs?limit=1')).body.items[0];
  const application = await api<ApplicationDetail>('POST', '/applications', {
    token,
    body: { jobId: job.id, greeting: GREETING },
  });
  if (application.status !== 201) throw new Error(`apply failed: ${JSON.stringify(application.body)}`);
  conversationId = application.body.conversationId;
  hr = await ConsoleApp.open(stack, 'chat-console');
  await hr.signIn(job.hr.name, job.company.name);
});

afterAll(async () => {
  await hr?.close();
  await seeker?.close();
  await stack?.stop();
});

describe('the seeker and the HR in one conversation', () => {
  it('shows the HR the conversation with its unread greeting, in the list and on the 消息 menu', async () => {
    await hr.step('消息：未读会话', async () => {
      await hr.page.locator('.menu-unread', { hasText: '1' }).waitFor();
      await hr.navigate('消息');
      const row = hr.page.locator('.conversation-row', { hasText: NAME });
      await row.waitFor();
      expect(await row.innerText()).toContain(job.title);
      expect(await row.innerText()).toContain(GREETING);
      await row.locator('.conversation-unread', { hasText: '1' }).waitFor();
    });
    await hr.step('消息：只看未读', async () => {
      await hr.page.locator('.filter-unread').click();
      await hr.page.locator('.conversation-row', { hasText: NAME }).waitFor();
      expect(await hr.page.locator('.conversation-row').count()).toBe(1);
    });
  });

  it('opens the thread: candidate and job on top, the greeting read, the seeker sees 已读', async () => {
    await hr.step('会话：打开即已读', async () => {
      await hr.page.locator('.conversation-row', { hasText: NAME }).click();
      await hr.page.locator('.conversation-candidate', { hasText: NAME }).waitFor();
      expect(await hr.page.locator('.conversation-job').innerText()).toContain(job.title);
      expect(await hr.page.locator('.conversation-phone').innerText()).toBe('139****1111');
      await hrLine(GREETING).waitFor();
      await hr.page.locator('.menu-unread .ant-badge-count').waitFor({ state: 'detached' });
      await hr.page.locator('.conversation-row .conversation-unread .ant-badge-count').waitFor({ state: 'detached' });
    });
    await hr.page.locator('.filter-unread').click();
    seeker = await SimApp.open(stack, 'chat-console-seeker', {
      authUser: USER,
      launch: `subpackages/chat/pages/conversation/index?id=${conversationId}`,
    });
    await seeker.step('求职者：招呼语已读', async () => {
      await seeker.waitForRoute('subpackages/chat/pages/conversation/index');
      await seekerLine(GREETING).locator('.chat-state-line', { hasText: '已读' }).waitFor();
    });
  });

  it('carries messages both ways live, with 已读 on each side once the other has it open', async () => {
    await hr.step('HR发送：对方已读', async () => {
      await hrTypes('你好，看了你的简历，明天下午方便面试吗？');
      await hrLine('明天下午方便面试吗').waitFor();
      expect(await hrSender().inputValue()).toBe('');
      await hrLine('明天下午方便面试吗').locator('.chat-state', { hasText: '已读' }).waitFor();
    });
    await seeker.step('求职者收到HR消息', async () => {
      await seekerLine('明天下午方便面试吗').waitFor();
    });
    await seeker.step('求职者回复：HR已读', async () => {
      await seekerTypes('方便的，明天下午都可以。');
      await seekerLine('明天下午都可以').locator('.chat-state-line', { hasText: '已读' }).waitFor();
    });
    await hr.step('HR实时收到回复', async () => {
      await hrLine('明天下午都可以').waitFor();
      expect(await hr.page.locator('.conversation-row', { hasText: NAME }).innerText()).toContain('明天下午都可以');
    });
    await hr.step('求职者连发：会话行随消息移动，未读数不逐条重读', async () => {
      const reads: string[] = [];
      const count = (request: Request) => {
        if (request.method() === 'GET') reads.push(new URL(request.url()).pathname);
      };
      hr.page.on('request', count);
      for (let i = 1; i <= 4; i++) {
        await api('POST', `/conversations/${conversationId}/messages`, {
          token: seekerToken,
          body: { text: `连发第${i}条`, clientId: `e2e-burst-${i}-${Date.now()}` },
        });
      }
      await hrLine('连发第4条').waitFor();
      await hr.page.locator('.conversation-row', { hasText: '连发第4条' }).waitFor();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      hr.page.off('request', count);
      // Four messages and four read receipts were eight reads of each; a burst now reads each a few times.
      const unreadReads = reads.filter((path) => path === '/employer/conversations/unread-count');
      const rowReads = reads.filter((path) => path === `/employer/conversations/${conversationId}`);
      expect(unreadReads.length).toBeLessThan(4);
      expect(rowReads.length).toBeLessThan(4);
    });
  });

  it('holds the HR to the shared text rule, keeping what was typed', async () => {
    await hr.step('HR输入超长：提示且保留内容', async () => {
      await hrSender().fill('好'.repeat(1001));
      await hr.page.locator('.chat-counter', { hasText: '1001/1000' }).waitFor();
      await hr.page.locator('.chat-field-error', { hasText: '消息内容不能超过1000个字' }).waitFor();
      expect(await hr.page.locator('.chat-send').isDisabled()).toBe(true);
      await hrSender().press('Enter');
      expect(await hrSender().inputValue()).toHaveLength(1001);
    });
    await hrSender().fill('');
    expect(await storedTexts()).not.toContain('好'.repeat(1001));
  });

  it('asks for the phone; the seeker agrees in the simulator and the console shows the number', async () => {
    await hr.step('HR索要手机号', async () => {
      await hr.page.locator('.chat-ask-phone').click();
      const card = hr.page.locator('.chat-card', { hasText: '请求查看手机号' });
      await card.waitFor();
      expect(await card.innerText()).toContain('等待求职者回复');
      expect(await hr.page.locator('.chat-ask-phone').isDisabled()).toBe(true);
    });
    await seeker.step('求职者同意分享手机号', async () => {
      const card = seeker.frame().locator('.chat-card', { hasText: 'HR请求查看你的手机号' });
      await card.waitFor();
      await card.getByText('同意', { exact: true }).click();
      await seeker.frame().locator('.chat-bubble-mine', { hasText: '已同意分享手机号' }).waitFor();
    });
    await hr.step('HR看到完整手机号', async () => {
      const answer = hr.page.locator('.chat-card', { hasText: '求职者已同意分享手机号' });
      await answer.locator('.chat-card-phone', { hasText: '13900001111' }).waitFor();
      await hr.page.locator('.chat-card', { hasText: '请求查看手机号' }).getByText('求职者已同意').waitFor();
      await hr.page.locator('.conversation-phone', { hasText: '13900001111' }).waitFor();
    });
  });

  it('asks for the resume attachment; the seeker sends it and the HR downloads it', async () => {
    const form = new FormData();
    form.append('file', new Blob([RESUME_PDF], { type: 'application/pdf' }), '韩梅梅-简历.pdf');
    const uploaded = await fetch(`${stack.mock.url}/resume/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seekerToken}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    await hr.page.locator('.chat-ask-attachment').click();
    await seeker.step('求职者同意发送附件简历', async () => {
      const card = seeker.frame().locator('.chat-card', { hasText: 'HR请求查看你的附件简历' });
      await card.waitFor();
      await card.getByText('同意', { exact: true }).click();
      await seeker.frame().locator('.chat-bubble-mine', { hasText: '已同意分享附件简历' }).waitFor();
    });
    await hr.step('HR下载附件简历', async () => {
      const download = hr.page.locator('.chat-card-download', { hasText: '韩梅梅-简历.pdf' });
      await download.waitFor();
      const [file] = await Promise.all([hr.page.waitForEvent('download'), download.click()]);
      expect(file.suggestedFilename()).toBe('韩梅梅-简历.pdf');
      expect(fs.readFileSync((await file.path())!)).toEqual(RESUME_PDF);
    });
  });

  it('delivers what the HR sends while the seeker is offline once they are back, then shows 已读', async () => {
    await seeker.setOffline(true);
    await seeker.step('求职者离线', async () => {
      await seeker.frame().locator('.chat-connection', { hasText: '网络不可用' }).waitFor();
    });
    await hr.step('求职者离线时HR发送：已发送', async () => {
      await hrTypes('面试地址：西湖区文三路90号，到了给我打电话');
      await hrLine('文三路90号').locator('.chat-state', { hasText: '已发送' }).waitFor();
    });
    expect(await seeker.frame().locator('.chat-line', { hasText: '文三路90号' }).count()).toBe(0);
    await seeker.setOffline(false);
    await seeker.step('求职者恢复网络：收到离线期间的消息', async () => {
      await seekerLine('文三路90号').waitFor({ timeout: 20_000 });
      expect(await seeker.frame().locator('.chat-line', { hasText: '文三路90号' }).count()).toBe(1);
    });
    await hr.step('HR看到已读', async () => {
      await hrLine('文三路90号').locator('.chat-state', { hasText: '已读' }).waitFor();
    });
    expect((await storedTexts()).filter((text) => text.includes('文三路90号'))).toHaveLength(1);
  });

  it('misses and doubles nothing across a mock restart: the console catches up once its socket is back', async () => {
    await stack.mock.restart(async () => {
      await hr.step('服务重启：HR端重连中', async () => {
        await hr.page.getByText('连接断开，正在重连…').waitFor();
      });
      await seeker.step('服务重启时求职者发送：发送中', async () => {
        await seekerTypes('好的，我会准时到。');
        await seekerLine('我会准时到').locator('.chat-state-line', { hasText: '发送中' }).waitFor();
      });
    });
    await hr.step('服务恢复：HR收到重启期间的消息', async () => {
      await hr.page.getByText('实时连接正常').waitFor({ timeout: 20_000 });
      await hrLine('我会准时到').waitFor({ timeout: 20_000 });
    });
    await seeker.step('服务恢复：求职者看到已读', async () => {
      await seekerLine('我会准时到').locator('.chat-state-line', { hasText: '已读' }).waitFor({ timeout: 20_000 });
    });
    expect(await hr.page.locator('.chat-line', { hasText: '我会准时到' }).count()).toBe(1);
    expect((await storedTexts()).filter((text) => text === '好的，我会准时到。')).toHaveLength(1);
  });

  it('goes from the thread to the application in 投递管理 and back with 发消息', async () => {
    await hr.step('查看投递', async () => {
      await hr.page.locator('.conversation-open-application').click();
      await hr.page.locator('.candidate-name', { hasText: NAME }).waitFor();
      // The 视频面试 pane settles on the job's questions (or its error), never a lasting skeleton.
      await hr.page.locator('[data-pane="recorded-interview"] .ant-skeleton').waitFor({ state: 'detached' });
    });
    await hr.step('发消息回到会话', async () => {
      await hr.page.locator('.candidate-open-chat').click();
      await hr.page.locator('.conversation-candidate', { hasText: NAME }).waitFor();
      await hrLine('文三路90号').waitFor();
    });
  });

  it('shows a new application’s conversation live, and pages older history in front as the HR scrolls up', async () => {
    // A second seeker applies from another device, straight to the backend.
    const login = await api<{ accessToken: string }>('POST', '/auth/login', {
      body: { authCode: `u_${USER}-2.setup${Date.now().toString(36)}` },
    });
    const token = login.body.accessToken;
    await api('PUT', '/resume/basic', {
      token,
      body: { name: '李雷', gender: 'male', birthYear: 1996, cityCode: '330100', status: 'employed' },
    });
    const payload = await api<{ response: string }>('POST', '/__admin/phone-payload', {
      body: { mobile: '13700002222' },
    });
    await api('POST', '/resume/phone', { token, body: { response: payload.body.response } });
    const applied = await fetch(`${stack.mock.url}/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': `${USER}-apply-second`,
      },
      body: JSON.stringify({ jobId: job.id }),
    });
    const second = (await applied.json()) as ApplicationDetail;
    expect([applied.status, second]).toEqual([201, expect.objectContaining({ conversationId: expect.any(String) })]);
    await hr.step('新投递的会话实时出现', async () => {
      await hr.navigate('消息');
      await hr.page.locator('.conversation-row', { hasText: '李雷' }).waitFor();
    });
    // A long history, as if they had talked for weeks.
    const { db, context } = stack.mock;
    const start = context.clock.now();
    db.transaction(() => {
      for (let i = 1; i <= 80; i++) {
        context.applications.conversations.append(Number(second.conversationId), {
          sender: i % 2 ? 'seeker' : 'hr',
          text: `历史消息${i}`,
          at: start + i * 1000,
        });
      }
    })();
    const lines = hr.page.locator('.chat-messages .chat-line');
    await hr.step('长会话：先显示最近一页', async () => {
      await hr.page.locator('.conversation-row', { hasText: '李雷' }).click();
      await hrLine('历史消息80').waitFor();
      expect(await lines.count()).toBe(30);
    });
    await hr.step('滚到顶部：更早的消息加在前面，位置不变', async () => {
      await hr.page.locator('.chat-messages').evaluate((list) => list.scrollTo({ top: 0 }));
      await hrLine('历史消息21').waitFor();
      expect(await lines.count()).toBe(60);
      // What the HR was reading (the oldest line before) is still on screen; the older page is above it.
      const list = (await hr.page.locator('.chat-messages').boundingBox())!;
      const kept = (await hrLine('历史消息51').boundingBox())!;
      const older = (await hrLine('历史消息21').boundingBox())!;
      expect(kept.y).toBeGreaterThanOrEqual(list.y - 1);
      expect(kept.y).toBeLessThan(list.y + list.height);
      expect(older.y + older.height).toBeLessThanOrEqual(list.y + 1);
    });
  });

  it('shows a flood refused with 429 as 发送失败 with 重发, and a block by the seeker plainly', async () => {
    const row = hr.page.locator('.conversation-row', { hasText: NAME });
    await row.click();
    await hr.page.locator('.conversation-candidate', { hasText: NAME }).waitFor();
    await hr.step('发送太频繁：发送失败，可重发', async () => {
      // Six at once are allowed, refilled at one a second: twelve in a row cannot all pass.
      for (let i = 1; i <= 12; i++) await hrTypes(`第${i}条提醒`);
      const failed = hr.page.locator('.chat-line', { has: hr.page.locator('.chat-state-failed') }).first();
      await failed.locator('.chat-failure', { hasText: '发送太频繁，请稍后再试' }).waitFor();
      expect(await failed.locator('.chat-state').count()).toBe(1); // the reason alone, not beside 发送失败
    });
    const failedLines = hr.page.locator('.chat-line', { has: hr.page.locator('.chat-state-failed') });
    const failedText = await failedLines.first().locator('.ant-bubble-content').innerText();
    const failedCount = await failedLines.count();
    await hr.step('刷新页面：未发送的消息仍在，可重发', async () => {
      await hr.page.reload();
      await hr.navigate('消息');
      await row.click();
      await hrLine(failedText).locator('.chat-resend').waitFor();
      expect(await failedLines.count()).toBe(failedCount);
    });
    await hr.step('稍后重发：已送达', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await hrLine(failedText).locator('.chat-resend').click();
      await hrLine(failedText)
        .locator('.chat-state', { hasText: /已发送|已读/ })
        .waitFor();
    });
    expect((await storedTexts()).filter((text) => text === failedText)).toHaveLength(1);

    await api('PUT', `/conversations/${conversationId}/block`, { token: seekerToken });
    await hr.step('求职者屏蔽后：发送失败并提示', async () => {
      await hrTypes('还在考虑吗？');
      await hrLine('还在考虑吗').locator('.chat-failure', { hasText: '求职者已屏蔽你' }).waitFor();
      await hr.page.locator('.chat-blocked', { hasText: '求职者已屏蔽你，无法继续发送消息' }).waitFor();
      expect(await hr.page.locator('.chat-ask-phone').isDisabled()).toBe(true);
      expect(await hrSender().isDisabled()).toBe(true);
      // Nothing can be sent now, so nothing offers to send again.
      expect(await hr.page.locator('.chat-resend').count()).toBe(0);
    });
  });

  it('met no error on either side', async () => {
    // Chromium logs each reconnect attempt refused while the mock was down; those are expected.
    const refusedWhileDown = /^WebSocket connection to .* failed: .*ERR_CONNECTION_REFUSED/;
    expect(hr.consoleErrors.filter((error) => !refusedWhileDown.test(error))).toEqual([]);
    expect(await seeker.simulatorErrors()).toEqual([]);
  });
});
