/**
 * Both sides at once, in one browser: the HR signs in to the console (a second page), the seeker applies in
 * the simulator, and the application arrives in the console without a reload; the HR opens the resume
 * (phone masked) and rejects it with a reason, which the seeker reads on the timeline. Then the HR pauses
 * and closes another job, which a third seeker had applied to: that application closes with it (the third
 * seeker reads why in 我的投递), and the seeker finds the job closed, with applying refused and the reason.
 * Screenshots of every console page and the seeker's side: artifacts/e2e/console-journey/ and
 * artifacts/e2e/console-journey-seeker/.
 */
import type { TokenPair } from '../../services/contracts/auth';
import { makeReadyToApply } from '../support/mock-server';
import { ConsoleApp } from './support/console-app';
import { publishJobsIn, SimApp, startStack, type PublishedJob, type Stack } from './support/stack';

const SEEKER = 'e2e-console-seeker';
const SEEKER_NAME = '李雷';
const REASON = '岗位需要3年以上React经验，暂不匹配';

let stack: Stack;
let hr: ConsoleApp;
let seeker: SimApp;
let job: PublishedJob;
let hrInfo: { id: number; name: string; company: string; companyId: number };
/** Another open job of the same company, which the HR pauses and then closes. */
let otherJob: { id: number; title: string };
/** The third seeker, whose application to the other job is still waiting when the job closes. */
const THIRD_SEEKER = 'e2e-console-third';

beforeAll(async () => {
  stack = await startStack();
  [job] = publishJobsIn(stack.mock, {
    titleLike: '前端',
    cityCode: '330100',
    district: '西湖区',
    salaries: [[13_000, 18_000]],
  });
  const db = stack.mock.db;
  hrInfo = db
    .prepare(
      `SELECT h.id, h.name, co.name AS company, co.id AS companyId FROM jobs j
       JOIN hrs h ON h.id = j.hr_id JOIN companies co ON co.id = j.company_id WHERE j.id = ?`,
    )
    .get(Number(job.id)) as typeof hrInfo;
  otherJob = db
    .prepare("SELECT id, title FROM jobs WHERE company_id = ? AND id != ? AND status = 'open' ORDER BY id LIMIT 1")
    .get(hrInfo.companyId, Number(job.id)) as typeof otherJob;

  const login = await fetch(`${stack.mock.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authCode: `u_${SEEKER}.setup${Date.now().toString(36)}` }),
  });
  const { accessToken } = (await login.json()) as TokenPair;
  await makeReadyToApply(stack.mock, accessToken);

  hr = await ConsoleApp.open(stack, 'console-journey');
  seeker = await SimApp.open(stack, 'console-journey-seeker', {
    authUser: SEEKER,
    launch: `subpackages/job/pages/detail/index?id=${job.id}`,
  });
});

/** A second seeker applies to the same job through the API (as the app would). */
async function backend2Seeker(): Promise<{ token: string; applicationId: string }> {
  const login = await fetch(`${stack.mock.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authCode: `u_e2e-console-second.setup${Date.now().toString(36)}` }),
  });
  const { accessToken } = (await login.json()) as TokenPair;
  await makeReadyToApply(stack.mock, accessToken, { name: '王芳', gender: 'female' });
  const applied = await fetch(`${stack.mock.url}/applications`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${accessToken}`,
      'idempotency-key': `e2e-console-second-${Date.now()}`,
    },
    body: JSON.stringify({ jobId: job.id }),
  });
  expect(applied.status).toBe(201);
  return { token: accessToken, applicationId: ((await applied.json()) as { id: string }).id };
}

afterAll(async () => {
  await hr?.close();
  await seeker?.close();
  await stack?.stop();
});

describe('the HR console beside the simulator', () => {
  it('signs QA in as the HR of the job, with the autopilot off', async () => {
    await hr.step('招聘端登录', async () => {
      await hr.page.locator('.sign-in-card').waitFor();
      await hr.page.locator('.hr-select').click();
      await hr.page.locator('.ant-select-item-option').first().waitFor();
    });
    await hr.step('投递管理（空）', async () => {
      await hr.signIn(hrInfo.name, hrInfo.company);
      expect(await hr.page.locator('.console-company').innerText()).toBe(hrInfo.company);
      expect(await hr.page.locator('.autopilot-switch').getAttribute('aria-checked')).toBe('false');
      await hr.page.getByText('实时连接正常').waitFor();
      await hr.page.getByText('暂无符合条件的投递').waitFor();
    });
    const autopilot = stack.mock.db.prepare('SELECT autopilot FROM hrs WHERE id = ?').pluck().get(hrInfo.id);
    expect(autopilot).toBe(0);
  });

  it('shows the application the seeker sends in the simulator, without a reload', async () => {
    // Marks this document: a reload would lose it.
    await hr.page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
    await seeker.step('职位详情', async () => {
      await seeker.waitForRoute('subpackages/job/pages/detail/index');
      await seeker.frame().locator('.detail-title', { hasText: job.title }).waitFor();
    });
    await seeker.step('投递', async () => {
      await seeker.frame().locator('.action-apply', { hasText: '立即投递' }).click();
      await seeker.waitForRoute('subpackages/applications/pages/apply/index');
      await seeker.frame().locator('.resume-option-selected').waitFor();
      await seeker.frame().locator('.submit-bar').getByText('确认投递').click();
      await seeker.page.locator('.sim-sheet-item', { hasText: '允许' }).click();
      await seeker.waitForRoute('subpackages/applications/pages/detail/index');
      await seeker.frame().locator('.status-text', { hasText: '已投递' }).waitFor();
    });
    await hr.step('新投递实时到达', async () => {
      const row = hr.page.locator('.application-row', { hasText: SEEKER_NAME });
      await row.waitFor({ timeout: 10_000 });
      expect(await row.innerText()).toContain('未读');
      expect(await row.innerText()).toContain(job.title);
      expect(await hr.page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    });
  });

  it('opens the resume as the employer may see it: phone masked until shared', async () => {
    await hr.step('查看简历', async () => {
      await hr.page.locator('.application-row', { hasText: SEEKER_NAME }).click();
      await hr.page.locator('.candidate-name', { hasText: SEEKER_NAME }).waitFor();
      await hr.page.locator('.candidate-head .status-tag', { hasText: '被查看' }).waitFor();
      expect(await hr.page.locator('.resume-phone').innerText()).toBe('139****5678');
      expect(await hr.page.locator('.candidate-match').innerText()).toContain('匹配度');
      await hr.page.locator('.candidate-timeline', { hasText: '被查看' }).waitFor();
      // Opening it cleared the unread mark in the list.
      await hr.page
        .locator('.application-row', { hasText: SEEKER_NAME })
        .locator('.ant-tag', { hasText: '未读' })
        .waitFor({ state: 'detached' });
    });
  });

  it('rejects with a reason; an empty reason gets the shared rule’s message next to the field', async () => {
    await hr.step('不合适：原因必填', async () => {
      await hr.page.locator('.decision-actions').getByRole('button', { name: '不合适' }).click();
      const dialog = hr.page.locator('.decision-dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: '确认不合适' }).click();
      await dialog.locator('.ant-form-item-explain-error', { hasText: '请填写不合适的原因' }).waitFor();
    });
    await hr.step('不合适：填写原因', async () => {
      await hr.page.locator('.decision-dialog textarea').fill(REASON);
    });
    await hr.step('已标记不合适', async () => {
      await hr.page.locator('.decision-dialog').getByRole('button', { name: '确认不合适' }).click();
      await hr.page.locator('.candidate-head .status-tag', { hasText: '不合适' }).waitFor();
      await hr.page.locator('.candidate-timeline', { hasText: REASON }).waitFor();
      await hr.page.locator('.decision-actions', { hasText: '该投递已结束' }).waitFor();
    });
  });

  it('the seeker reads the reason on the timeline', async () => {
    await seeker.step('时间线显示不合适原因', async () => {
      await seeker.page.locator('.sim-toast').waitFor({ state: 'detached' });
      await seeker.backgroundAndReturn();
      const rejected = seeker.frame().locator('.ant-steps-item', { hasText: '不合适' });
      await rejected.locator('.timeline-note', { hasText: REASON }).waitFor();
    });
  });

  it('filters the inbox by status', async () => {
    await hr.step('筛选：不合适', async () => {
      await hr.page.locator('.filter-status').click();
      await hr.page.locator('.ant-select-item-option', { hasText: '不合适' }).click();
      const rows = hr.page.locator('.application-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain(SEEKER_NAME);
    });
    await hr.page.locator('.filter-status .ant-select-clear').click({ force: true });
  });

  it('shows a refused decision as a message: the seeker withdrew while the HR was typing', async () => {
    const second = await backend2Seeker();
    await hr.step('第二份投递实时到达', async () => {
      await hr.page.locator('.application-row', { hasText: '王芳' }).waitFor({ timeout: 10_000 });
    });
    await hr.step('邀请面试：填写安排', async () => {
      await hr.page.locator('.application-row', { hasText: '王芳' }).click();
      await hr.page.locator('.candidate-name', { hasText: '王芳' }).waitFor();
      await hr.page.locator('.decision-actions').getByRole('button', { name: '邀请面试' }).click();
      await hr.page.locator('.invite-dialog textarea').fill('请带上作品集');
    });
    const withdrawn = await fetch(`${stack.mock.url}/applications/${second.applicationId}/withdraw`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.token}` },
    });
    expect(withdrawn.status).toBe(200);
    await hr.step('求职者已撤回：操作被拒并提示', async () => {
      await hr.page.locator('.invite-dialog').getByRole('button', { name: '发送邀请' }).click();
      await hr.page.locator('.ant-message-error', { hasText: '无法邀请面试' }).waitFor();
      await hr.page.locator('.candidate-head .status-tag', { hasText: '已撤回' }).waitFor();
      await hr.page.locator('.invite-dialog').waitFor({ state: 'hidden' });
    });
  });

  it('lists the company’s jobs with counts, and pauses then closes one', async () => {
    // A third seeker applied to the other job: still waiting when the job closes.
    const login = await fetch(`${stack.mock.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authCode: `u_${THIRD_SEEKER}.setup${Date.now().toString(36)}` }),
    });
    const { accessToken } = (await login.json()) as TokenPair;
    await makeReadyToApply(stack.mock, accessToken, { name: '韩梅梅', gender: 'female' });
    const applied = await fetch(`${stack.mock.url}/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
        'idempotency-key': `e2e-console-third-${Date.now()}`,
      },
      body: JSON.stringify({ jobId: String(otherJob.id) }),
    });
    expect(applied.status).toBe(201);
    await hr.step('职位管理', async () => {
      await hr.navigate('职位管理');
      const row = hr.page.locator('.jobs-table tr', { hasText: job.title }).first();
      await row.waitFor();
      // 不合适 1, 总计 1
      expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['1']));
      // Place, salary and owner never break inside (each one line tall); the header stays on top.
      const wrapped = await hr.page.locator('.jobs-table .job-meta > span').evaluateAll((parts) => {
        const style = (globalThis as unknown as { getComputedStyle(node: unknown): { fontSize: string } })
          .getComputedStyle;
        return parts
          .filter((part) => part.getBoundingClientRect().height > 2 * parseFloat(style(part).fontSize))
          .map((part) => part.textContent);
      });
      expect(wrapped).toEqual([]);
      await hr.page.locator('.jobs-table .ant-table-sticky-holder').waitFor();
    });
    const row = hr.page.locator(`.jobs-table tr[data-row-key="${otherJob.id}"]`);
    await hr.step('暂停招聘', async () => {
      await row.locator('.job-paused').click();
      await hr.page.locator('.ant-popconfirm').getByRole('button', { name: '确 定' }).click();
      await row.locator('.ant-tag', { hasText: '暂停招聘' }).waitFor();
      await row.locator('.job-open', { hasText: '恢复招聘' }).waitFor();
    });
    await hr.step('关闭职位：说明待处理的投递会随之关闭', async () => {
      await row.locator('.job-count-new', { hasText: '1' }).waitFor();
      await row.locator('.job-closed').click();
      const confirm = hr.page.locator('.ant-popconfirm:visible .job-change-confirm', {
        hasText: '1份待处理的投递会随之关闭，并通知求职者',
      });
      await confirm.waitFor();
      await confirm.scrollIntoViewIfNeeded();
      // The whole confirmation is inside the window (not cut at the right edge).
      const box = (await hr.page.locator('.ant-popconfirm:visible .ant-popover-inner').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(hr.page.viewportSize()!.width);
      expect(await confirm.innerText()).toContain('确定关闭这个职位？');
    });
    await hr.step('关闭职位', async () => {
      await hr.page.locator('.ant-popconfirm:visible').getByRole('button', { name: '确 定' }).click();
      await row.locator('.ant-tag', { hasText: '已关闭' }).waitFor();
      expect(await row.locator('button').allInnerTexts()).toEqual(['查看投递']);
      await row.locator('.job-count-ended', { hasText: '1' }).waitFor();
      expect(await row.locator('.job-count-new').innerText()).toBe('0');
    });
  });

  it('the seeker finds the closed job closed, and applying is refused with the reason', async () => {
    const closed = await SimApp.open(stack, 'console-journey-seeker-closed', {
      authUser: SEEKER,
      launch: `subpackages/job/pages/detail/index?id=${otherJob.id}`,
    });
    try {
      await closed.step('已关闭的职位', async () => {
        await closed.waitForRoute('subpackages/job/pages/detail/index');
        await closed.frame().locator('.closed-banner', { hasText: '该职位已关闭，不再接受投递' }).waitFor();
        expect(await closed.frame().locator('.action-apply').innerText()).toBe('已关闭');
      });
      await closed.step('投递被拒并说明原因', async () => {
        await closed.frame().locator('.action-apply').click();
        await closed.page.locator('.sim-toast', { hasText: '该职位已关闭，不再接受投递' }).waitFor();
        expect(await closed.route()).toBe('subpackages/job/pages/detail/index');
      });
      expect(await closed.simulatorErrors()).toEqual([]);
    } finally {
      await closed.close();
    }
    const applications = await SimApp.open(stack, 'console-journey-third-seeker', {
      authUser: THIRD_SEEKER,
      launch: 'subpackages/applications/pages/list/index',
    });
    try {
      await applications.step('我的投递：职位关闭，投递随之关闭', async () => {
        const closedRow = applications.frame().locator('.application-row', { hasText: otherJob.title });
        await closedRow.locator('.application-status', { hasText: '已关闭' }).waitFor();
        await closedRow.locator('.application-due', { hasText: '职位已停止招聘' }).waitFor();
      });
      expect(await applications.simulatorErrors()).toEqual([]);
    } finally {
      await applications.close();
    }
  });

  it('met no error on either side', async () => {
    expect(hr.consoleErrors).toEqual([]);
    expect(await seeker.simulatorErrors()).toEqual([]);
  });
});
