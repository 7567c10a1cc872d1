/**
 * 职位沟通 in the simulator: the seeker chats with the HR (driven through the employer API, as the console's
 * chat pane will), the 消息 tab's unread count and badge, 已发送/已读, messages typed with the simulator's
 * offline switch on (they arrive once it is off), the mock restarted mid-conversation on the same database
 * (nothing lost, nothing doubled), a consent card and a scam warning reported in one tap. Screenshots:
 * artifacts/e2e/chat/.
 */
import type { ApplicationDetail } from '../../services/contracts/applications';
import type { ChatMessage, MessagePage } from '../../services/contracts/conversations';
import type { JobSummary } from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { SimApp, startStack, type Stack } from './support/stack';

const USER = 'e2e-chat';

let stack: Stack;
let app: SimApp;
let job: JobSummary;
let conversationId = '';

async function api<T>(
  method: string,
  path: string,
  options: { token?: string; hr?: boolean; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.hr) headers['x-hr-id'] = job.hr.id;
  const response = await fetch(`${stack.mock.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const hrSays = (text: string) =>
  api<ChatMessage>('POST', `/employer/conversations/${conversationId}/messages`, { hr: true, body: { text } });

/** Every message as stored, for the HR's view. */
async function storedTexts(): Promise<string[]> {
  const page = await api<MessagePage>('GET', `/employer/conversations/${conversationId}/messages?limit=100`, {
    hr: true,
  });
  return page.body.items.map((m) => m.text);
}

const line = (text: string) => app.frame().locator('.chat-line', { hasText: text }).last();

/** The line is on screen inside the message list (the list scrolled to it), not just in the DOM. */
async function expectOnScreen(text: string): Promise<void> {
  await app.waitUntil(async () => {
    const list = await app.frame().locator('.chat-messages').boundingBox();
    const box = await line(text).boundingBox();
    return !!list && !!box && box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1;
  }, `${text} scrolled into view`);
}

async function type(text: string): Promise<void> {
  const input = app.frame().locator('.ant-copilot-sender-input');
  await input.fill(text);
  await app.frame().locator('.ant-copilot-sender-content-button').click();
}

beforeAll(async () => {
  stack = await startStack();
  // The seeker applies from another device (straight to the backend): the conversation is waiting in 消息.
  const login = await api<{ accessToken: string }>('POST', '/auth/login', {
    body: { authCode: `u_${USER}.setup${Date.now().toString(36)}` },
  });
  const token = login.body.accessToken;
  await api('PUT', '/resume/basic', {
    token,
    body: { name: '韩梅梅', gender: 'female', birthYear: 1999, cityCode: '330100', status: 'unemployed' },
  });
  const payload = await api<{ response: string }>('POST', '/__admin/phone-payload', {
    body: { mobile: '13900001111' },
  });
  await api('POST', '/resume/phone', { token, body: { response: payload.body.response } });
  job = (await api<CursorPage<JobSummary>>('GET', '/jobs?limit=1')).body.items[0];
  const application = await api<ApplicationDetail>('POST', '/applications', {
    token,
    headers: { 'idempotency-key': 'e2e-chat-apply' },
    body: { jobId: job.id, greeting: '您好，我对这个职位很感兴趣。' },
  });
  if (application.status !== 201) throw new Error(`apply failed: ${JSON.stringify(application.body)}`);
  conversationId = application.body.conversationId;
  app = await SimApp.open(stack, 'chat', { authUser: USER });
});

afterAll(async () => {
  await app?.close();
  await stack?.stop();
});

describe('a seeker chatting with the HR', () => {
  it('sees the HR reply as unread on the 消息 tab, with the badge', async () => {
    await app.waitForRoute('pages/jobs/index');
    await app.tab('消息');
    await app.waitForRoute('pages/messages/index');
    await app.frame().locator('.conversation-row').first().waitFor();
    await hrSays('你好，看了你的简历，方便聊聊吗？');
    await app.step('消息：未读与角标', async () => {
      await app.frame().locator('.conversation-unread', { hasText: '1' }).waitFor();
      await app.page.locator('.sim-tab-badge', { hasText: '1' }).waitFor();
      expect(await app.frame().locator('.conversation-preview').first().innerText()).toContain('方便聊聊吗');
    });
    await app.step('消息：未读筛选', async () => {
      await app.frame().getByText(/^未读/).click();
      await app.frame().locator('.filter-active', { hasText: '未读' }).waitFor();
      expect(await app.frame().locator('.conversation-row').count()).toBe(1);
    });
  });

  it('opens the conversation: the job and the HR on top, the history below', async () => {
    await app.step('会话：职位与HR', async () => {
      await app.frame().locator('.conversation-row').first().click();
      await app.waitForRoute('subpackages/chat/pages/conversation/index');
      await app.frame().locator('.chat-job-title', { hasText: job.title }).waitFor();
      await line('方便聊聊吗').waitFor();
      expect(await app.frame().locator('.chat-hr').innerText()).toContain(job.hr.name);
      expect(await app.frame().locator('.chat-hr-activity').innerText()).toMatch(/回复率 \d+%/);
    });
    // Opening it read the HR's message: back on 消息, the count and the badge are gone.
    await app.back();
    await app.step('返回消息：已读，角标消失', async () => {
      await app.waitForRoute('pages/messages/index');
      await app.frame().getByText('全部', { exact: true }).click();
      await app.frame().locator('.conversation-row').first().waitFor();
      await app.waitUntil(async () => (await app.page.locator('.sim-tab-badge').count()) === 0, 'the badge to clear');
      expect(await app.frame().locator('.conversation-unread').count()).toBe(0);
    });
    await app.frame().locator('.conversation-row').first().click();
    await app.waitForRoute('subpackages/chat/pages/conversation/index');
  });

  it('sends a message: 已发送, then 已读 when the HR reads it', async () => {
    await app.step('会话：已发送', async () => {
      await type('您好，明天下午都方便。');
      await line('明天下午都方便').locator('.chat-state-line', { hasText: '已发送' }).waitFor();
    });
    await api('POST', `/employer/conversations/${conversationId}/read`, { hr: true, body: {} });
    await app.step('会话：已读', async () => {
      await line('明天下午都方便').locator('.chat-state-line', { hasText: '已读' }).waitFor();
    });
  });

  it('keeps what is typed offline and delivers it, once, when the network is back', async () => {
    await app.setOffline(true);
    await app.step('离线：发送中', async () => {
      await app.frame().locator('.chat-connection', { hasText: '网络不可用' }).waitFor();
      await type('我在地铁上，信号不好');
      await type('出站后马上回复您');
      await line('出站后马上回复您').locator('.chat-state-line', { hasText: '发送中' }).waitFor();
    });
    expect(await storedTexts()).not.toContain('我在地铁上，信号不好');
    await app.setOffline(false);
    await app.step('恢复网络：已发送', async () => {
      await line('出站后马上回复您').locator('.chat-state-line', { hasText: '已发送' }).waitFor();
      await line('我在地铁上，信号不好').locator('.chat-state-line', { hasText: '已发送' }).waitFor();
      expect(await app.frame().locator('.chat-connection').count()).toBe(0);
    });
    const texts = await storedTexts();
    expect(texts.filter((t) => t === '我在地铁上，信号不好')).toHaveLength(1);
    expect(texts.indexOf('我在地铁上，信号不好')).toBeLessThan(texts.indexOf('出站后马上回复您'));
  });

  it('loses and doubles nothing when the mock restarts mid-conversation', async () => {
    await stack.mock.restart(() =>
      app.step('服务重启中：发送中', async () => {
        await type('服务器重启时发的消息');
        await line('服务器重启时发的消息').locator('.chat-state-line', { hasText: '发送中' }).waitFor();
      }),
    );
    await app.step('服务恢复：已发送，HR回复到达', async () => {
      await line('服务器重启时发的消息')
        .locator('.chat-state-line', { hasText: '已发送' })
        .waitFor({ timeout: 20_000 });
      await hrSays('收到，我们明天下午三点见');
      await line('明天下午三点见').waitFor();
      await expectOnScreen('收到，我们明天下午三点见');
    });
    const texts = await storedTexts();
    for (const text of [
      '您好，明天下午都方便。',
      '出站后马上回复您',
      '服务器重启时发的消息',
      '收到，我们明天下午三点见',
    ]) {
      expect(texts.filter((t) => t === text)).toHaveLength(1);
    }
    expect(await app.frame().locator('.chat-line', { hasText: '服务器重启时发的消息' }).count()).toBe(1);
  });

  it('answers a consent card and reports a scam message in one tap', async () => {
    await api('POST', `/employer/conversations/${conversationId}/consent-requests`, {
      hr: true,
      body: { subject: 'phone' },
    });
    await app.step('授权卡片：HR请求手机号', async () => {
      await app.frame().locator('.chat-card', { hasText: 'HR请求查看你的手机号' }).waitFor();
    });
    await app.step('授权卡片：已同意', async () => {
      await app
        .frame()
        .locator('.chat-card', { hasText: 'HR请求查看你的手机号' })
        .getByText('同意', { exact: true })
        .click();
      // The request card keeps the answer; the answer itself is the seeker's own bubble.
      await app
        .frame()
        .locator('.chat-card', { hasText: 'HR请求查看你的手机号' })
        .locator('.chat-card-state', { hasText: '已同意' })
        .waitFor();
      await app.frame().locator('.chat-bubble-mine', { hasText: '已同意分享手机号' }).waitFor();
    });
    await hrSays('入职前需要交300元押金和培训费，加我微信详聊');
    await app.step('防骗提醒', async () => {
      await app.frame().locator('.chat-card-warning').waitFor();
      expect(await app.frame().locator('.chat-card-warning').innerText()).toContain('劳动合同法');
      // Scrolled to the end: the newest card's buttons sit whole above the input bar.
      const gap = async (): Promise<number> => {
        const buttons = await app.frame().locator('.chat-card-warning .chat-card-actions').boundingBox();
        const input = await app.frame().locator('.chat-input').boundingBox();
        return buttons && input ? input.y - (buttons.y + buttons.height) : -1;
      };
      for (let tries = 0; tries < 30 && (await gap()) < 0; tries++) await app.page.waitForTimeout(100);
      expect(await gap()).toBeGreaterThanOrEqual(0);
    });
    await app.step('一键举报', async () => {
      await app.frame().locator('.chat-card-warning').getByText('一键举报').click();
      await app.page.locator('.sim-toast', { hasText: '已举报' }).waitFor();
    });
    const reports = await api<{ items: Array<{ text: string }> }>('GET', '/__admin/chat-reports');
    expect(reports.body.items[0].text).toContain('押金');
    expect(await app.simulatorErrors()).toEqual([]);
  });
});
