import type { ApplicationDetail } from '../../services/contracts/applications';
import type { Onboarding } from '../../services/contracts/onboarding';
import type { Runtime } from '../../runtime/harness/runtime';
import { startMockServer } from '../support/mock-server';
import type {
  DocumentItemView,
  OfferView,
  OnboardingStepView,
  ShiftView,
  ClockStateView,
  IncomeView,
} from '../../view-models/onboarding-view';
import { call, type TestServer } from './applications-support';
import { PLACE, PNG_BYTES, seekerWithOffer, signedContract, TEST_ID_NUMBER } from './onboarding-support';

const OFFER = 'subpackages/onboarding/pages/offer/index';
const CHECKLIST = 'subpackages/onboarding/pages/checklist/index';
const REAL_NAME = 'subpackages/onboarding/pages/real-name/index';
const SIGN = 'subpackages/onboarding/pages/sign/index';
const FIRST_DAY = 'subpackages/onboarding/pages/first-day/index';
const SHIFTS = 'subpackages/onboarding/pages/shifts/index';

interface OfferData {
  status: string;
  offer: OfferView | null;
  steps: OnboardingStepView[];
  declining: boolean;
  declineReason: string;
  declineError: string;
  errorMessage: string;
}

interface ChecklistData {
  documents: DocumentItemView[];
  leftText: string;
}

interface FirstDayData {
  checkedInText: string;
  checkInError: string;
}

interface ShiftsData {
  checkedIn: boolean;
  shifts: ShiftView[];
  clockState: ClockStateView;
  workingShiftId: string;
  income: IncomeView | null;
  clockError: string;
}

let server: TestServer;
let rt: Runtime;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 200, seed: 'onboarding-page-tests' } });
});
afterAll(() => server.stop());
afterEach(() => rt?.dispose());

describe('录用通知', () => {
  it('shows the terms, asks for a reason before declining, and accepting opens the steps to 已入职', async () => {
    const seeker = await seekerWithOffer(server, 0);
    rt = seeker.rt;
    const page = rt.mountPage<OfferData>(OFFER, { applicationId: seeker.applicationId });
    await rt.flush();
    expect(page.data.offer).toMatchObject({
      position: '仓库分拣员',
      payText: '日结 ¥220/天',
      startText: expect.stringMatching(/^\d{1,2}月\d{1,2}日 周[一二三四五六日] 09:00$/),
      documentsText: '身份证人像面、健康证',
      statusText: '待确认',
      pending: true,
    });
    expect(page.data.steps).toEqual([]);

    // Declining without a reason sends nothing and says why, next to the box.
    page.tap('onDecline');
    page.tap('onConfirmDecline');
    await rt.flush();
    expect(page.data.declineError).toBe('请告诉HR拒绝的原因');
    expect(rt.fake.requests.filter((request) => request.url.endsWith('/decline'))).toHaveLength(0);
    // Changing one's mind keeps what was typed.
    page.fire('onReasonInput', { detail: { value: '再考虑一下' } });
    page.tap('onCancelDecline');
    expect(page.data.declineReason).toBe('再考虑一下');

    // A double tap asks once and accepts once.
    rt.fake.answerConfirm(true);
    page.tap('onAccept');
    page.tap('onAccept');
    await rt.flush();
    expect(rt.fake.ui.filter((entry) => entry.api === 'confirm')).toHaveLength(1);
    expect(rt.fake.requests.filter((request) => request.url.endsWith('/accept'))).toHaveLength(1);
    expect(rt.fake.lastToast()).toMatchObject({ content: '已接受录用，请签署电子合同' });
    expect(page.data.offer).toMatchObject({ statusText: '已接受', pending: false });
    expect(page.data.steps.map((step) => [step.key, step.done])).toEqual([
      ['sign', false],
      ['documents', false],
      ['first-day', false],
      ['shifts', false],
    ]);
    page.tap('onStepTap', { dataset: { key: 'documents' } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({
      api: 'navigateTo',
      url: `/${CHECKLIST}?applicationId=${seeker.applicationId}`,
    });
  });

  it('declines with the reason the HR then reads, and the application ends', async () => {
    const seeker = await seekerWithOffer(server, 3);
    rt = seeker.rt;
    const page = rt.mountPage<OfferData>(OFFER, { applicationId: seeker.applicationId });
    await rt.flush();
    page.tap('onDecline');
    page.fire('onReasonInput', { detail: { value: '已接受其他公司的录用' } });
    page.tap('onConfirmDecline');
    await rt.flush();
    expect(page.data.offer).toMatchObject({ statusText: '已拒绝', declineReason: '已接受其他公司的录用' });
    const seen = await seeker.hr('GET', `/employer/applications/${seeker.applicationId}/onboarding`);
    expect(seen.body.offer?.declineReason).toBe('已接受其他公司的录用');
  });

  it('keeps the offer shown and offers a retry when a reload fails', async () => {
    const seeker = await seekerWithOffer(server, 6);
    rt = seeker.rt;
    const page = rt.mountPage<OfferData>(OFFER, { applicationId: seeker.applicationId });
    await rt.flush();
    rt.fake.setOffline(true);
    page.hide();
    page.show();
    await rt.flush();
    expect(page.data.offer?.position).toBe('仓库分拣员');
    expect(page.data.errorMessage).not.toBe('');
    rt.fake.setOffline(false);
    page.tap('onRetry');
    await rt.flush();
    expect(page.data.errorMessage).toBe('');
  });
});

interface RealNameData {
  certNameError: string;
  certNoError: string;
  errorMessage: string;
}

interface SignData {
  certifiedText: string;
  hasStrokes: boolean;
  signError: string;
  contract: { seekerSigned: boolean; signers: { role: string; text: string }[] } | null;
}

describe('实名认证 and 签署', () => {
  it('checks the ID number on the phone, opens Alipay’s face check, then signs on the canvas', async () => {
    const seeker = await seekerWithOffer(server, 18);
    rt = seeker.rt;
    rt.fake.answerCertify({ resultStatus: '9000', mockUrl: server.url });
    await call(server, 'POST', `/offers/${seeker.offerId}/accept`, { token: seeker.token });

    const sign = rt.mountPage<SignData>(SIGN, { applicationId: seeker.applicationId });
    await rt.flush();
    expect(sign.data.certifiedText).toBe('');
    expect(sign.data.contract?.seekerSigned).toBe(false);
    sign.tap('onCertify');
    expect(rt.fake.navigation.at(-1)).toMatchObject({ url: `/${REAL_NAME}?applicationId=${seeker.applicationId}` });

    const realName = rt.mountPage<RealNameData>(REAL_NAME, { applicationId: seeker.applicationId });
    realName.fire('onNameInput', { detail: { value: '张三' } });
    realName.fire('onNumberInput', { detail: { value: '110105194912310021' } });
    realName.tap('onSubmit');
    await rt.flush();
    expect(realName.data.certNoError).toBe('身份证号不正确，请核对后重新输入');
    const faceChecks = () => rt.fake.ui.filter((entry) => entry.api === ('startBizService' as never));
    expect(faceChecks()).toHaveLength(0);
    expect(rt.fake.requests.filter((request) => request.url.includes('/certify'))).toHaveLength(0);

    realName.fire('onNumberInput', { detail: { value: TEST_ID_NUMBER.toLowerCase() } });
    realName.tap('onSubmit');
    await rt.flush();
    expect(faceChecks()[0]).toMatchObject({
      name: 'open-certify',
      certifyId: expect.stringMatching(/^[0-9a-f]{32}$/),
      url: expect.stringContaining('certify_id='),
    });
    expect(rt.fake.lastToast()).toMatchObject({ content: '实名认证通过' });
    expect(rt.fake.navigation.at(-1)).toMatchObject({ api: 'navigateBack' });

    await rt.flush();
    expect(sign.data.certifiedText).toBe('已实名：张三 1101**********002X');
    sign.tap('onSign');
    await rt.flush();
    expect(sign.data.signError).toBe('请先在签名框内手写签名');

    sign.fire('onTouchStart', { extra: { touches: [{ x: 20, y: 40 }] } });
    sign.fire('onTouchMove', { extra: { touches: [{ x: 60, y: 80 }] } });
    sign.fire('onTouchMove', { extra: { touches: [{ x: 120, y: 60 }] } });
    expect(
      rt.fake
        .canvasOps('signature')
        .filter(([method]) => method === 'lineTo')
        .map(([, args]) => args),
    ).toEqual([
      [60, 80],
      [120, 60],
    ]);
    sign.tap('onSign');
    await rt.flush();
    expect(rt.fake.lastToast()).toMatchObject({ content: '签署成功，等待企业会签' });
    expect(sign.data.contract?.seekerSigned).toBe(true);
    expect(sign.data.contract?.signers[0].text).toMatch(/^张三 · 今天 \d{2}:\d{2}签署$/);
  });

  it('says so when the seeker backs out of the face check, and signs nothing', async () => {
    const seeker = await seekerWithOffer(server, 21);
    rt = seeker.rt;
    rt.fake.answerCertify({ resultStatus: '6001' });
    await call(server, 'POST', `/offers/${seeker.offerId}/accept`, { token: seeker.token });
    const realName = rt.mountPage<RealNameData>(REAL_NAME, { applicationId: seeker.applicationId });
    realName.fire('onNameInput', { detail: { value: '张三' } });
    realName.fire('onNumberInput', { detail: { value: TEST_ID_NUMBER } });
    realName.tap('onSubmit');
    await rt.flush();
    expect(realName.data.errorMessage).toBe('你已退出刷脸认证');
    expect(rt.fake.navigation.filter((entry) => entry.api === 'navigateBack')).toHaveLength(0);
  });

  it('opens the signed contract as a PDF: downloaded with the session, then my.openDocument', async () => {
    const seeker = await seekerWithOffer(server, 24);
    rt = seeker.rt;
    await signedContract(server, seeker);
    const page = rt.mountPage<OfferData & { contractSigned: boolean }>(OFFER, { applicationId: seeker.applicationId });
    await rt.flush();
    expect(page.data.contractSigned).toBe(true);
    page.tap('onOpenContract');
    await rt.flush();
    expect(rt.fake.downloads).toHaveLength(1);
    const [download] = rt.fake.downloads;
    expect(download.url).toMatch(/\/contracts\/FLOW\w+\/file$/);
    expect(download.header.authorization).toMatch(/^Bearer /);
    expect(Buffer.from(download.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(rt.fake.ui.filter((entry) => entry.api === 'openDocument')).toMatchObject([
      { filePath: download.path, fileType: 'pdf' },
    ]);
  });
});

describe('入职材料', () => {
  it('uploads each item with progress, shows a refused file and the HR’s reason, and what is left', async () => {
    const seeker = await seekerWithOffer(server, 9);
    rt = seeker.rt;
    await call(server, 'POST', `/offers/${seeker.offerId}/accept`, { token: seeker.token });
    const page = rt.mountPage<ChecklistData>(CHECKLIST, { applicationId: seeker.applicationId });
    await rt.flush();
    expect(page.data.leftText).toBe('还差2项材料');
    expect(page.data.documents.map((item) => [item.label, item.statusText, item.buttonText])).toEqual([
      ['身份证人像面', '待上传', '上传'],
      ['健康证', '待上传', '上传'],
    ]);

    // A file that is no picture: the server's words, on the item.
    rt.fake.answerChooseImage([rt.fake.addFile({ bytes: 'not an image', imageType: 'png' })]);
    page.tap('onUpload', { dataset: { kind: 'health' } });
    await rt.flush();
    expect(page.data.documents[1]).toMatchObject({ detail: '只支持JPG、PNG图片或PDF文件', canUpload: true });

    rt.fake.answerChooseImage([rt.fake.addFile({ bytes: PNG_BYTES, imageType: 'png' })]);
    page.clearSetDataCalls();
    page.tap('onUpload', { dataset: { kind: 'idCardFront' } });
    await rt.flush();
    const progress = page.setDataCalls.flatMap((call) =>
      Object.entries(call.payload)
        .filter(([key]) => key.startsWith('documents'))
        .map(([, value]) => JSON.stringify(value)),
    );
    expect(progress.some((value) => value.includes('上传中 50%'))).toBe(true);
    expect(page.data.documents[0]).toMatchObject({ statusText: '待审核', detail: 'HR审核中', buttonText: '重新上传' });
    // An uploaded item waits for the HR: it no longer counts as missing.
    expect(page.data.leftText).toBe('还差1项材料，1项待HR审核');
    expect(rt.fake.uploads.at(-1)).toMatchObject({ name: 'file' });

    const state = await call<Onboarding>(server, 'GET', `/applications/${seeker.applicationId}/onboarding`, {
      token: seeker.token,
    });
    const documentId = state.body.documents[0].id!;
    await seeker.hr('POST', `/employer/documents/${documentId}/review`, { decision: 'rejected', reason: '照片模糊' });
    page.hide();
    page.show();
    await rt.flush();
    expect(page.data.documents[0]).toMatchObject({ statusText: '需重传', detail: '退回原因：照片模糊' });
    expect(page.data.leftText).toBe('还差2项材料');
  });
});

describe('报到 and 日结', () => {
  it('refuses a check-in far from the place with the distance, and checks in on the spot as 已入职', async () => {
    const seeker = await seekerWithOffer(server, 12);
    rt = seeker.rt;
    await signedContract(server, seeker);
    const page = rt.mountPage<FirstDayData>(FIRST_DAY, { applicationId: seeker.applicationId });
    await rt.flush();
    page.tap('onOpenMap');
    page.tap('onCall');
    await rt.flush();
    expect(rt.fake.ui.find((entry) => entry.api === 'openLocation')).toMatchObject({
      latitude: String(PLACE.latitude),
      longitude: String(PLACE.longitude),
      address: '杭州市上城区解放路100号',
    });
    expect(rt.fake.ui.find((entry) => entry.api === 'makePhoneCall')).toMatchObject({ number: '13800138000' });

    rt.fake.setLocation({ latitude: PLACE.latitude + 0.02, longitude: PLACE.longitude });
    page.tap('onCheckIn');
    await rt.flush();
    expect(page.data.checkInError).toBe('你距离报到地点2.2公里，需在500米内签到');

    rt.fake.setLocation({ latitude: PLACE.latitude, longitude: PLACE.longitude + 0.001 });
    page.tap('onCheckIn');
    await rt.flush();
    // The backend clock is on the first day, ahead of the device: the day may read as a date.
    expect(page.data.checkedInText).toMatch(/^已入职 · (今天|\d+月\d+日) \d{2}:\d{2}签到（距报到地点96米）$/);
    const application = await call<ApplicationDetail>(server, 'GET', `/applications/${seeker.applicationId}`, {
      token: seeker.token,
    });
    expect(application.body.status).toBe('hired');
  });

  it('clocks in and out at the place; once the HR approves and pays, the month shows the income', async () => {
    const seeker = await seekerWithOffer(server, 15);
    rt = seeker.rt;
    await signedContract(server, seeker);
    // Before the first-day check-in the button waits, saying why.
    const early = rt.mountPage<ShiftsData>(SHIFTS, { applicationId: seeker.applicationId });
    await rt.flush();
    expect(early.data.checkedIn).toBe(false);
    await call(server, 'POST', `/applications/${seeker.applicationId}/check-in`, { token: seeker.token, body: PLACE });
    rt.fake.setLocation(PLACE);
    const page = rt.mountPage<ShiftsData>(SHIFTS, { applicationId: seeker.applicationId });
    await rt.flush();
    expect(page.data.checkedIn).toBe(true);
    expect(page.data.income).toMatchObject({ totalText: '¥0.00', slips: [] });

    page.tap('onClockIn');
    await rt.flush();
    expect(page.data.shifts[0]).toMatchObject({ statusText: '上班中' });
    expect(page.data.workingShiftId).toBe(page.data.shifts[0].id);

    server.context.clock.advance(8 * 3600 * 1000);
    rt.fake.setLocation({ latitude: PLACE.latitude + 0.01, longitude: PLACE.longitude });
    page.tap('onClockOut');
    await rt.flush();
    expect(page.data.clockError).toBe('你距离工作地点1.1公里，需在500米内下班打卡');
    rt.fake.setLocation(PLACE);
    page.tap('onClockOut');
    await rt.flush();
    expect(page.data.shifts[0]).toMatchObject({ statusText: '待审核', hoursText: '8小时' });
    // The bar says the shift is over rather than offering 上班打卡 as if the day had not started.
    expect(page.data.clockState.text).toMatch(/已下班 · 工作8小时$/);
    expect(page.data.workingShiftId).toBe('');

    const shiftId = page.data.shifts[0].id;
    await seeker.hr('POST', `/employer/shifts/${shiftId}/review`, { decision: 'approved' });
    await seeker.hr('POST', `/employer/shifts/${shiftId}/pay`);
    page.hide();
    page.show();
    await rt.flush();
    expect(page.data.shifts[0]).toMatchObject({ statusText: '已发薪', payText: '¥220.00' });
    expect(page.data.income?.totalText).toBe('¥220.00');
  });
});
