/**
 * Offer to 已入职 and a paid 日结 shift, both sides at once: the HR sends the offer in the console, the seeker
 * sees it arrive as a card in the chat, reads it and accepts it on the card, passes real-name and signs, the HR countersigns; the seeker uploads the
 * documents, the HR approves them; on the first day the seeker checks in (refused from 上海 with the
 * distance, accepted at the place) and the console shows 已入职 live; a shift is clocked, approved and paid
 * exactly once. Screenshots: artifacts/e2e/onboarding-journey/ and artifacts/e2e/onboarding-journey-seeker/.
 */
import type { TokenPair } from '../../services/contracts/auth';
import { chinaDayStart, type Onboarding } from '../../services/contracts/onboarding';
import { sampleInvitation } from '../support/interview-invitation';
import { makeReadyToApply } from '../support/mock-server';
import { ConsoleApp } from './support/console-app';
import { publishJobsIn, SimApp, startStack, type PublishedJob, type Stack } from './support/stack';

const SEEKER = 'e2e-onboarding-seeker';
const SEEKER_NAME = '韩梅梅';
/** The simulator's default position (杭州): the first-day place is here. */
const PLACE = { latitude: 30.274084, longitude: 120.15507 };
/** A valid ID number for the real-name step. */
const ID_NUMBER = '11010519491231002X';

let stack: Stack;
let hr: ConsoleApp;
let seeker: SimApp;
let job: PublishedJob;
let hrInfo: { id: number; name: string; company: string };
let token: string;
let applicationId: string;
let conversationId: string;

async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.mock.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T;
}

/** Today in China by the device's clock, as the console's form checks it. */
const deviceToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

const onboarding = () =>
  api<Onboarding>('GET', `/applications/${applicationId}/onboarding`, undefined, { authorization: `Bearer ${token}` });

beforeAll(async () => {
  stack = await startStack();
  [job] = publishJobsIn(stack.mock, {
    titleLike: '分拣',
    cityCode: '330100',
    district: '上城区',
    salaries: [[6000, 8000]],
  });
  hrInfo = stack.mock.db
    .prepare(
      `SELECT h.id, h.name, co.name AS company FROM jobs j JOIN hrs h ON h.id = j.hr_id
       JOIN companies co ON co.id = j.company_id WHERE j.id = ?`,
    )
    .get(Number(job.id)) as typeof hrInfo;

  const login = await api<TokenPair>('POST', '/auth/login', {
    authCode: `u_${SEEKER}.setup${Date.now().toString(36)}`,
  });
  token = login.accessToken;
  await makeReadyToApply(stack.mock, token, { name: SEEKER_NAME, gender: 'female' });
  const applied = await api<{ id: string; conversationId: string }>(
    'POST',
    '/applications',
    { jobId: job.id },
    {
      authorization: `Bearer ${token}`,
      'idempotency-key': `e2e-onboarding-${Date.now()}`,
    },
  );
  applicationId = applied.id;
  conversationId = applied.conversationId;
  await api('POST', `/employer/applications/${applicationId}/invite`, sampleInvitation(), {
    'x-hr-id': String(hrInfo.id),
  });

  hr = await ConsoleApp.open(stack, 'onboarding-journey');
  seeker = await SimApp.open(stack, 'onboarding-journey-seeker', {
    authUser: SEEKER,
    launch: `subpackages/chat/pages/conversation/index?id=${conversationId}`,
  });
});

afterAll(async () => {
  await hr?.close();
  await seeker?.close();
  await stack?.stop();
});

describe('offer → e-contract → 入职 → 日结, both sides', () => {
  it('the HR sends an offer; every field is checked by the shared rules', async () => {
    await hr.step('录用表单', async () => {
      await hr.signIn(hrInfo.name, hrInfo.company);
      await hr.page.locator('.application-row', { hasText: SEEKER_NAME }).click();
      await hr.page
        .locator('.decision-actions')
        .getByRole('button', { name: /发放录用/ })
        .click();
      await hr.page.locator('.offer-form').waitFor();
    });
    await hr.step('录用表单：字段错误', async () => {
      await hr.page.getByLabel('联系人手机').fill('12345');
      await hr.page.getByRole('button', { name: '发送录用通知' }).click();
      await hr.page
        .locator('.ant-form-item-explain-error', { hasText: '请填写薪资金额（元，最多两位小数）' })
        .waitFor();
      await hr.page.locator('.ant-form-item-explain-error', { hasText: '请填写11位联系人手机号' }).waitFor();
      // A past start date and a wage with extra zeros are named; the first error is scrolled into view.
      const startDate = hr.page.getByLabel('入职日期');
      const today = await startDate.inputValue();
      await startDate.fill(deviceToday());
      await hr.page.getByRole('button', { name: '发送录用通知' }).click();
      await hr.page
        .locator('.ant-form-item-explain-error', { hasText: '入职日期最早为明天：求职者需要在入职前确认录用通知' })
        .waitFor();
      await startDate.fill('2020-01-02');
      await hr.page.getByLabel('金额（元）').fill('2000000');
      await hr.page.getByRole('button', { name: '发送录用通知' }).click();
      await hr.page.locator('.ant-form-item-explain-error', { hasText: '入职日期不能早于今天' }).waitFor();
      await hr.page.locator('.ant-form-item-explain-error', { hasText: '月薪不能超过100万元，请核对金额' }).waitFor();
      const payBox = await hr.page.getByLabel('金额（元）').boundingBox();
      expect(payBox!.y).toBeGreaterThanOrEqual(0);
      expect(payBox!.y).toBeLessThan(hr.page.viewportSize()!.height);
      await startDate.fill(today);
      // A corrected field loses its error (waited out, so the screenshot shows the corrected form).
      await hr.page
        .locator('.ant-form-item-explain-error', { hasText: '入职日期不能早于今天' })
        .waitFor({ state: 'detached' });
    });
    await hr.step('录用通知已发送', async () => {
      await hr.page.getByLabel('日结').check();
      await hr.page.getByLabel('金额（元）').fill('230.50');
      await hr.page.getByLabel('纬度').fill(String(PLACE.latitude));
      await hr.page.getByLabel('经度').fill(String(PLACE.longitude));
      await hr.page.getByLabel('报到联系人').fill('王经理');
      await hr.page.getByLabel('联系人手机').fill('13800138000');
      await hr.page.getByRole('button', { name: '发送录用通知' }).click();
      await hr.page.locator('.onboarding-offer', { hasText: '待确认' }).waitFor();
      await hr.page.locator('.candidate-head .status-tag', { hasText: '录用' }).waitFor();
    });
  });

  it('the seeker gets the offer as a card in the chat, reads it and accepts it on the card', async () => {
    const card = () => seeker.frame().locator('.chat-card-offer').last();
    await seeker.step('聊天中的录用通知卡片', async () => {
      // Pushed while the chat is open: no reload.
      await card().locator('.chat-card-state', { hasText: '待确认' }).waitFor();
      await card().locator('.chat-card-line', { hasText: '薪资：日结 ¥230.50/天' }).waitFor();
      await card().scrollIntoViewIfNeeded();
    });
    await seeker.step('录用通知', async () => {
      await card().locator('.ant-button', { hasText: '查看并答复' }).click();
      await seeker.waitForRoute('subpackages/onboarding/pages/offer/index');
      await seeker.frame().locator('.offer-pay', { hasText: '日结 ¥230.50/天' }).waitFor();
    });
    await seeker.back();
    await seeker.step('在聊天卡片上接受录用', async () => {
      await card().locator('.ant-button', { hasText: '接受' }).click();
      await seeker.page.locator('.sim-dialog button', { hasText: '接受' }).click();
      await card().locator('.chat-card-state', { hasText: '已接受' }).waitFor();
      await seeker.page.locator('.sim-toast').waitFor({ state: 'detached' });
      await card().scrollIntoViewIfNeeded();
    });
    await seeker.step('接受录用：下一步', async () => {
      await card().locator('.ant-button', { hasText: '继续入职' }).click();
      await seeker.waitForRoute('subpackages/onboarding/pages/offer/index');
      await seeker.frame().locator('.step', { hasText: '实名认证并签署电子合同' }).waitFor();
    });
    await hr.step('求职者已接受', async () => {
      await hr.page.locator('.onboarding-offer', { hasText: '已接受' }).waitFor({ timeout: 10_000 });
      await hr.page.locator('.onboarding-contract', { hasText: '等待求职者实名认证并签署' }).waitFor();
    });
  });

  it('real-name (Alipay’s face check) and a signature drawn on the canvas, then the HR countersigns', async () => {
    await seeker.step('签署合同：需先实名', async () => {
      await seeker.frame().locator('.step', { hasText: '实名认证并签署电子合同' }).click();
      await seeker.waitForRoute('subpackages/onboarding/pages/sign/index');
      await seeker.frame().getByText('签署前需要先完成实名认证').waitFor();
    });
    await seeker.step('实名认证：填写', async () => {
      await seeker.frame().getByText('去实名认证').click();
      await seeker.waitForRoute('subpackages/onboarding/pages/real-name/index');
      const inputs = seeker.frame().locator('input');
      await inputs.nth(0).fill(SEEKER_NAME);
      await inputs.nth(1).fill(ID_NUMBER);
    });
    await seeker.step('刷脸认证（模拟）', async () => {
      await seeker.frame().getByText('开始刷脸认证').click();
      await seeker.page.locator('.sim-dialog', { hasText: '支付宝刷脸认证' }).waitFor();
    });
    await seeker.step('手写签名', async () => {
      await seeker.page.locator('.sim-dialog button', { hasText: '认证通过' }).click();
      await seeker.waitForRoute('subpackages/onboarding/pages/sign/index');
      await seeker.frame().getByText(`已实名：${SEEKER_NAME}`).waitFor();
      const canvas = seeker.frame().locator('canvas#signature');
      await canvas.waitFor();
      const box = (await canvas.boundingBox())!;
      const mouse = seeker.page.mouse;
      await mouse.move(box.x + 20, box.y + box.height * 0.6);
      await mouse.down();
      for (let step = 1; step <= 12; step += 1) {
        await mouse.move(box.x + 20 + step * 18, box.y + box.height * (0.6 - 0.3 * Math.sin(step / 2)));
      }
      await mouse.up();
      await seeker.frame().getByText('签好后点“确认签署”').waitFor();
    });
    await seeker.step('已签署，等待企业会签', async () => {
      await seeker.frame().locator('.bottom-bar').getByText('确认签署').click();
      await seeker.waitForRoute('subpackages/onboarding/pages/offer/index');
      await seeker.frame().locator('.step', { hasText: '等待企业会签' }).waitFor();
    });
    const { contract } = await onboarding();
    expect(contract?.signers[0]).toMatchObject({ name: SEEKER_NAME, status: 'signed' });
    await hr.step('企业会签', async () => {
      await hr.page.getByRole('button', { name: '企业会签' }).click({ timeout: 10_000 });
      await hr.page.getByRole('button', { name: '确认会签' }).click();
      await hr.page.locator('.onboarding-contract', { hasText: '已签署' }).waitFor();
      // 甲方 names the HR signed in (who countersigned), not the offer's contact.
      const hrName = (await hr.page.locator('.console-hr').innerText()).split(/\s*·\s*/)[0].trim();
      await hr.page.locator('.onboarding-contract', { hasText: `（${hrName}）` }).waitFor();
      await hr.page.getByRole('button', { name: '校验存证' }).click();
      await hr.page.locator('.onboarding-contract', { hasText: '校验通过' }).waitFor();
    });
    await seeker.step('合同已签署', async () => {
      await seeker.page.locator('.sim-toast').waitFor({ state: 'detached' });
      await seeker.backgroundAndReturn();
      await seeker.frame().locator('.step', { hasText: '双方已签署' }).waitFor();
    });
  });

  it('the seeker uploads the documents, the HR approves them', async () => {
    await seeker.step('入职材料', async () => {
      await seeker.frame().locator('.step', { hasText: '上传入职材料' }).click();
      await seeker.waitForRoute('subpackages/onboarding/pages/checklist/index');
      await seeker.frame().getByText('还差3项材料').waitFor();
    });
    for (const label of ['身份证人像面', '身份证国徽面', '健康证']) {
      await seeker.step(`上传${label}`, async () => {
        await seeker.frame().locator('.document', { hasText: label }).getByText('上传', { exact: true }).click();
        await seeker.page.locator('.sim-sheet input[type="checkbox"]').first().check();
        await seeker.page.locator('.sim-sheet-item', { hasText: '完成' }).click();
        await seeker.frame().locator('.document', { hasText: label }).getByText('待审核').waitFor();
      });
    }
    await hr.step('查看身份证（打码）', async () => {
      const documents = hr.page.locator('.onboarding-documents');
      await documents.getByText('待审核').nth(2).waitFor({ timeout: 10_000 });
      await documents
        .locator('button', { hasText: /查\s*看/ })
        .first()
        .click();
      // The picture itself is the mock's masked rendition (number band covered, company watermark).
      await hr.page.locator('.document-image img').waitFor();
      await hr.page.waitForFunction(() => {
        type Image = { complete: boolean; naturalWidth: number };
        const page = globalThis as unknown as { document: { querySelector(selector: string): Image | null } };
        const image = page.document.querySelector('.document-image img');
        return !!image && image.complete && image.naturalWidth > 0;
      });
      // The dialog zooms in: the screenshot waits for it to finish.
      await hr.page
        .locator('.ant-modal')
        .evaluate((el) =>
          Promise.all(
            (el as unknown as { getAnimations(o: object): { finished: Promise<unknown> }[] })
              .getAnimations({ subtree: true })
              .map((animation) => animation.finished),
          ),
        );
      await hr.page.waitForTimeout(300);
    });
    await hr.page.keyboard.press('Escape');
    await hr.step('退回材料需写明原因', async () => {
      const documents = hr.page.locator('.onboarding-documents');
      await documents
        .locator('button', { hasText: /退\s*回/ })
        .first()
        .click();
      const dialog = hr.page.locator('.reason-dialog');
      await dialog.locator('button', { hasText: /退\s*回/ }).click();
      await dialog.locator('.ant-form-item-explain-error', { hasText: '请写明退回原因，方便求职者重新上传' }).waitFor();
      await dialog.locator('button', { hasText: /取\s*消/ }).click();
      await dialog.waitFor({ state: 'hidden' });
    });
    await hr.step('审核入职材料', async () => {
      const documents = hr.page.locator('.onboarding-documents');
      for (let index = 0; index < 3; index += 1) {
        await documents
          .locator('button', { hasText: /通\s*过/ })
          .first()
          .click();
        await hr.page.waitForTimeout(300);
      }
      await documents.getByText('已通过').nth(2).waitFor();
      // Each toast names its document (the last one reviewed is still on screen).
      await hr.page.locator('.ant-message-notice', { hasText: '健康证已通过' }).waitFor();
    });
    await seeker.step('材料已全部通过', async () => {
      await seeker.backgroundAndReturn();
      await seeker.frame().getByText('材料已全部审核通过').waitFor();
    });
  });

  it('on the first day: refused from 上海 with the distance, 已入职 at the place, live in the console', async () => {
    // The form starts the job a week ahead (the offer is answered before the day): the mock's clock goes
    // to 08:30 that morning.
    const { startDate } = (await onboarding()).offer!;
    const clock = stack.mock.context.clock;
    clock.advance(chinaDayStart(startDate) + 8.5 * 3600 * 1000 - clock.now());
    await seeker.back();
    await seeker.step('报到', async () => {
      await seeker.frame().locator('.step', { hasText: '报到签到' }).click();
      await seeker.waitForRoute('subpackages/onboarding/pages/first-day/index');
      await seeker.frame().getByText('到岗签到').waitFor();
    });
    await seeker.step('报到：距离太远', async () => {
      await seeker.page.locator('#sim-city').selectOption({ label: '上海' });
      await seeker.frame().getByText('到岗签到').click();
      await seeker.frame().locator('.error-text', { hasText: '需在500米内签到' }).waitFor();
    });
    await seeker.step('报到签到成功', async () => {
      await seeker.page.locator('#sim-city').selectOption({ label: '杭州' });
      await seeker.frame().getByText('到岗签到').click();
      await seeker.frame().locator('.checked-in', { hasText: '已入职' }).waitFor();
    });
    await hr.step('已入职（实时）', async () => {
      await hr.page.locator('.candidate-head .status-tag', { hasText: '已入职' }).waitFor({ timeout: 10_000 });
      await hr.page.locator('.onboarding-first-day', { hasText: '已入职' }).waitFor();
    });
  });

  it('a 日结 shift is clocked, approved and paid exactly once', async () => {
    await seeker.back();
    await seeker.step('日结打卡', async () => {
      await seeker.frame().locator('.step', { hasText: '日结打卡与工资' }).click();
      await seeker.waitForRoute('subpackages/onboarding/pages/shifts/index');
      await seeker.frame().locator('.bottom-bar').getByText('上班打卡').click();
      await seeker.frame().locator('.shift', { hasText: '上班中' }).waitFor();
    });
    await api('POST', '/__admin/autopilot/tick', { minutes: 480 });
    await seeker.step('下班打卡', async () => {
      await seeker.frame().locator('.bottom-bar').getByText('下班打卡').click();
      await seeker.frame().locator('.shift', { hasText: '待审核' }).waitFor();
      // The bar tells the shift is over instead of offering a plain 上班打卡 again.
      await seeker.frame().locator('.bottom-bar .clock-state', { hasText: '已下班 · 工作' }).waitFor();
    });
    await hr.step('核定工时并发薪', async () => {
      const shifts = hr.page.locator('.onboarding-shifts');
      await shifts.getByRole('button', { name: '核定并发薪' }).click({ timeout: 10_000 });
      // Minutes out of range are named and kept as typed (no silent change to the limit).
      const minutes = hr.page.getByRole('spinbutton', { name: '核定工时' });
      const worked = await minutes.inputValue();
      await minutes.fill('0');
      await hr.page.getByText(`核定工时为1到${worked}分钟`).waitFor();
      expect(await minutes.inputValue()).toBe('0');
      await minutes.fill(worked);
      await hr.page.getByRole('button', { name: '确认并发薪' }).click();
      await shifts.getByText('已发薪').waitFor();
    });
    const transfers = stack.mock.db
      .prepare(
        `SELECT t.amount_fen FROM fund_transfers t JOIN shifts s ON s.out_biz_no = t.out_biz_no
         WHERE s.application_id = ?`,
      )
      .all(Number(applicationId));
    expect(transfers).toEqual([{ amount_fen: 23050 }]);
    await seeker.step('工资到账', async () => {
      await seeker.page.locator('.sim-toast').waitFor({ state: 'detached' });
      await seeker.pullDownRefresh();
      await seeker.frame().locator('.income-total', { hasText: '¥230.50' }).waitFor();
      await seeker.frame().locator('.shift', { hasText: '已发薪' }).first().waitFor();
    });
    expect(hr.consoleErrors).toEqual([]);
    expect(await seeker.simulatorErrors()).toEqual([]);
  });
});
