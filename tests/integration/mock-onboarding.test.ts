import type { ApplicationDetail } from '../../services/contracts/applications';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type {
  CertifyResult,
  ContractProof,
  MonthlyIncome,
  Onboarding,
  Shift,
} from '../../services/contracts/onboarding';
import { verifyContractProof } from '../../services/contracts/onboarding';
import sharp from 'sharp';
import { sha256HexAsync } from '../../mock/onboarding/contract-chain';
import { numberBandOf } from '../../mock/onboarding/id-card-mask';
import { startTestBackend, type TestBackend } from './mock-fixture';
import { openJobs } from './mock-resume-helpers';
import {
  chinaDayOf,
  toFirstDay,
  fakeIdCardPicture,
  interviewedApplication,
  offerInput,
  passRealName,
  PLACE,
  TEST_ID_NUMBER,
  tinyPng,
  uploadDocument,
} from './onboarding-support';

type Conflict = ApiErrorBody & { error: { distanceM?: number } };

/** Changes every byte of the proof as sent, one at a time: each change either breaks the JSON or the chain. */
async function expectEveryChangedByteDetected(proof: ContractProof): Promise<void> {
  const text = JSON.stringify(proof);
  let checked = 0;
  for (let index = 0; index < text.length; index += 1) {
    const original = text[index];
    const replacement = /[0-9a-f]/.test(original) ? (original === '0' ? '1' : '0') : original === 'x' ? 'y' : 'x';
    const changed = text.slice(0, index) + replacement + text.slice(index + 1);
    let parsed: ContractProof;
    try {
      parsed = JSON.parse(changed) as ContractProof;
    } catch {
      continue;
    }
    checked += 1;
    if ((await verifyContractProof(parsed, sha256HexAsync)).valid)
      throw new Error(`a change at byte ${index} (${original} → ${replacement}) went unnoticed`);
  }
  expect(checked).toBeGreaterThan(text.length / 2);
}

describe('mock backend: offer, e-contract, onboarding and 日结 pay', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend.close());

  it('takes the seeker from offer to 已入职 only through an accepted offer, a signed contract and the check-in', async () => {
    const [job, otherCompanyJob] = openJobs(backend, 40).filter(
      (job, index, all) => index === 0 || job.companyId !== all[0].companyId,
    );
    const { accessToken: token, applicationId, hr } = await interviewedApplication(backend, 'onb-journey', job);
    const seeker = <T>(method: string, path: string, body?: unknown) =>
      backend.request<T>(method, path, { token, body });

    // Bad input names each field and stores nothing.
    const bad = await hr(
      'POST',
      `/employer/applications/${applicationId}/offer`,
      offerInput(backend, { payYuan: '12.345', contactPhone: '123', documents: [] }),
    );
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ApiErrorBody).error.fields?.map((field) => field.path).sort()).toEqual([
      'contactPhone',
      'documents',
      'payYuan',
    ]);
    // A start date already past or not on the calendar, and a wage with extra zeros, are named too.
    const now = backend.server.context.clock.now();
    for (const [overrides, path, message] of [
      [{ startDate: chinaDayOf(now, -1) }, 'startDate', '入职日期不能早于今天'],
      [{ startDate: chinaDayOf(now) }, 'startDate', '入职日期最早为明天：求职者需要在入职前确认录用通知'],
      // The offer must be answered by the start of the first day, not after the seeker should have come.
      [
        { startDate: chinaDayOf(now, 1), expiresAt: new Date(now + 3 * 86400 * 1000).toISOString() },
        'expiresAt',
        '有效期不能晚于入职日期当天0点，请缩短有效期或推后入职日期',
      ],
      [{ startDate: '2031-02-30' }, 'startDate', '请填写入职日期（YYYY-MM-DD）'],
      [{ payYuan: '-5' }, 'payYuan', '薪资金额必须大于0'],
      [{ payYuan: '23000' }, 'payYuan', '日薪不能超过10000元，请核对金额'],
      [{ payKind: 'monthly', payYuan: '2000000' }, 'payYuan', '月薪不能超过100万元，请核对金额'],
    ] as const) {
      const refused = await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(backend, overrides));
      expect(refused.status).toBe(400);
      expect((refused.body as unknown as ApiErrorBody).error.fields).toEqual([{ path, message }]);
    }
    expect((await seeker<Onboarding>('GET', `/applications/${applicationId}/onboarding`)).body.offer).toBeNull();

    // The HR cannot declare 已入职 any more.
    const early = await hr('POST', `/employer/applications/${applicationId}/hire`);
    expect(early.status).toBe(404);

    const sent = await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(backend));
    expect(sent.status).toBe(200);
    expect(sent.body.offer).toMatchObject({
      status: 'pending',
      payKind: 'daily',
      payFen: 22050,
      position: '仓库分拣员',
    });
    const application = await seeker<ApplicationDetail>('GET', `/applications/${applicationId}`);
    expect(application.body.status).toBe('offer');

    // Another company's HR and another seeker see nothing.
    const stranger = await backend.request('GET', `/employer/applications/${applicationId}/onboarding`, {
      headers: { 'x-hr-id': String(otherCompanyJob.hrId) },
    });
    expect(stranger.status).toBe(404);
    const other = await backend.login('onb-stranger');
    const offerId = sent.body.offer!.id;
    expect((await backend.request('POST', `/offers/${offerId}/accept`, { token: other.accessToken })).status).toBe(404);

    const accepted = await seeker<Onboarding>('POST', `/offers/${offerId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.offer!.status).toBe('accepted');
    const contract = accepted.body.contract!;
    expect(contract).toMatchObject({ status: 'signing', title: '灵活用工协议（日结）' });
    expect(contract.flowId).toMatch(/^FLOW\d{8}[0-9A-F]{12}$/);
    expect(contract.terms).toEqual(expect.arrayContaining([{ label: '日结', value: '¥220.50/天（按班次结算）' }]));
    expect(accepted.body.remaining[0]).toBe('实名认证并签署电子合同');

    // The contract exists only for its two parties.
    const strangerHr = { 'x-hr-id': String(otherCompanyJob.hrId) };
    for (const path of [
      `/contracts/${contract.flowId}`,
      `/contracts/${contract.flowId}/proof`,
      `/contracts/${contract.flowId}/file`,
    ]) {
      expect((await backend.request('GET', path, { token: other.accessToken })).status).toBe(404);
    }
    const strangerSigns = await backend.request('POST', `/contracts/${contract.flowId}/sign`, {
      token: other.accessToken,
      body: { signaturePng: tinyPng().toString('base64'), certifyId: await passRealName(backend, other.accessToken) },
    });
    expect(strangerSigns.status).toBe(404);
    const strangerCountersigns = await backend.request('POST', `/employer/contracts/${contract.flowId}/countersign`, {
      headers: strangerHr,
    });
    expect(strangerCountersigns.status).toBe(404);

    // Signing needs a passed real-name check.
    const signature = tinyPng().toString('base64');
    const pending = await seeker<{ certifyId: string }>('POST', '/certify/initialize', {
      certName: '张三',
      certNo: TEST_ID_NUMBER,
    });
    const notYet = await seeker<ApiErrorBody>('POST', `/contracts/${contract.flowId}/sign`, {
      signaturePng: signature,
      certifyId: pending.body.certifyId,
    });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.message).toBe('请先通过实名认证再签署');
    const wrongId = await seeker<ApiErrorBody>('POST', '/certify/initialize', {
      certName: '张三',
      certNo: '110105194912310021',
    });
    expect(wrongId.body.error.fields?.[0]).toEqual({ path: 'certNo', message: '身份证号不正确，请核对后重新输入' });

    const certifyId = await passRealName(backend, token);
    const result = await seeker<CertifyResult>('GET', `/certify/${certifyId}`);
    expect(result.body).toEqual({ certifyId, passed: 'T', certName: '张三', certNoMasked: '1101**********002X' });
    expect(JSON.stringify(result.body)).not.toContain(TEST_ID_NUMBER);

    expect((await seeker('GET', `/contracts/${contract.flowId}`)).status).toBe(200);
    const signed = await seeker<Onboarding>('POST', `/contracts/${contract.flowId}/sign`, {
      signaturePng: signature,
      certifyId,
    });
    expect(signed.status).toBe(200);
    expect(signed.body.contract!.signers[0]).toMatchObject({ role: 'seeker', name: '张三', status: 'signed' });

    // Checking in before the first day is refused with the day; on it, before the HR countersigned, with
    // what is missing.
    const beforeTheDay = await seeker<Conflict>('POST', `/applications/${applicationId}/check-in`, PLACE);
    expect(beforeTheDay.body.error.message).toBe(`报到日是${chinaDayOf(now, 1)}，请在当天到达后签到`);
    toFirstDay(backend);
    const tooSoon = await seeker<Conflict>('POST', `/applications/${applicationId}/check-in`, PLACE);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.error.message).toBe('还不能入职：企业会签电子合同');

    const countersigned = await hr('POST', `/employer/contracts/${contract.flowId}/countersign`);
    expect(countersigned.body.contract!.status).toBe('signed');
    // The company's signer is the HR who countersigned, not a name typed in (nor the offer's contact).
    const signingHr = backend.server.db.prepare('SELECT name FROM hrs WHERE id = ?').get(Number(job.hrId)) as {
      name: string;
    };
    expect(countersigned.body.contract!.signers[1].name).toContain(`（${signingHr.name}）`);

    const proof = await seeker<ContractProof>('GET', `/contracts/${contract.flowId}/proof`);
    expect(proof.body.events.map((event) => event.type)).toEqual(['created', 'viewed', 'signed', 'countersigned']);
    expect(await verifyContractProof(proof.body, sha256HexAsync)).toEqual({ valid: true });
    await expectEveryChangedByteDetected(proof.body);
    // A row changed in the database behind the chain's back shows in the next proof.
    backend.server.db
      .prepare(
        "UPDATE contract_events SET actor = '李四' WHERE seq = 3 AND contract_id = (SELECT id FROM contracts WHERE flow_id = ?)",
      )
      .run(contract.flowId);
    const tampered = await seeker<ContractProof>('GET', `/contracts/${contract.flowId}/proof`);
    expect(await verifyContractProof(tampered.body, sha256HexAsync)).toEqual({
      valid: false,
      seq: 3,
      problem: 'content changed',
    });
    backend.server.db
      .prepare(
        "UPDATE contract_events SET actor = '张三' WHERE seq = 3 AND contract_id = (SELECT id FROM contracts WHERE flow_id = ?)",
      )
      .run(contract.flowId);

    const pdf = await fetch(`${backend.url}/contracts/${contract.flowId}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfBytes.toString('latin1')).toContain('/Subtype /Image');

    // Documents: uploaded, rejected with a reason, uploaded again, accepted; the ID card never shows its name.
    const png = tinyPng();
    const front = await uploadDocument(
      backend,
      token,
      applicationId,
      'idCardFront',
      png,
      `身份证${TEST_ID_NUMBER}.png`,
    );
    expect(front.status).toBe(200);
    expect(JSON.stringify(front.body)).not.toContain(TEST_ID_NUMBER);
    expect(front.body.documents.find((doc) => doc.kind === 'idCardFront')).toMatchObject({
      status: 'uploaded',
      fileName: '身份证人像面（已打码）',
    });
    const notImage = await uploadDocument(backend, token, applicationId, 'health', Buffer.from('hello'), 'a.png');
    expect(notImage.status).toBe(400);
    expect(notImage.body.error!.message).toBe('只支持JPG、PNG图片或PDF文件');
    const notAsked = await uploadDocument(backend, token, applicationId, 'education', png);
    expect(notAsked.status).toBe(409);

    const frontId = front.body.documents.find((doc) => doc.kind === 'idCardFront')!.id!;
    const noReason = await hr('POST', `/employer/documents/${frontId}/review`, { decision: 'rejected' });
    expect((noReason.body as unknown as ApiErrorBody).error.fields?.[0].path).toBe('reason');
    const rejected = await hr('POST', `/employer/documents/${frontId}/review`, {
      decision: 'rejected',
      reason: '照片模糊',
    });
    expect(rejected.body.documents[0]).toMatchObject({ status: 'rejected', rejectReason: '照片模糊' });
    const again = await uploadDocument(backend, token, applicationId, 'idCardFront', png);
    const againId = again.body.documents[0].id!;
    expect(
      (await hr('POST', `/employer/documents/${againId}/review`, { decision: 'accepted' })).body.documents[0].status,
    ).toBe('accepted');
    const strangerReview = await backend.request('POST', `/employer/documents/${againId}/review`, {
      headers: { 'x-hr-id': String(otherCompanyJob.hrId) },
      body: { decision: 'accepted' },
    });
    expect(strangerReview.status).toBe(404);

    // First day: far away is refused with the distance; at the place it makes the application 已入职.
    const far = await seeker<Conflict>('POST', `/applications/${applicationId}/check-in`, {
      latitude: PLACE.latitude + 0.01,
      longitude: PLACE.longitude,
    });
    expect(far.status).toBe(409);
    expect(far.body.error.distanceM).toBe(1112);
    expect(far.body.error.message).toBe('你距离报到地点1.1公里，需在500米内签到');
    const checkedIn = await seeker<Onboarding>('POST', `/applications/${applicationId}/check-in`, {
      latitude: PLACE.latitude + 0.001,
      longitude: PLACE.longitude,
    });
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.checkIn).toMatchObject({ distanceM: 111 });
    expect((await seeker<ApplicationDetail>('GET', `/applications/${applicationId}`)).body.status).toBe('hired');

    // 日结: clock in and out at the place, the HR approves fewer minutes, one transfer pays it.
    const clockIn = await seeker<Shift>('POST', `/applications/${applicationId}/shifts`, PLACE);
    expect(clockIn.status).toBe(201);
    const strangerClocksOut = await backend.request('POST', `/shifts/${clockIn.body.id}/clock-out`, {
      token: other.accessToken,
      body: PLACE,
    });
    expect(strangerClocksOut.status).toBe(404);
    backend.server.context.clock.advance(5 * 3600 * 1000);
    const clockOut = await seeker<Shift>('POST', `/shifts/${clockIn.body.id}/clock-out`, PLACE);
    expect(clockOut.body).toMatchObject({ status: 'submitted', workedMinutes: 300 });
    const tooMany = await hr('POST', `/employer/shifts/${clockIn.body.id}/review`, {
      decision: 'approved',
      minutes: 400,
    });
    expect(tooMany.status).toBe(409);
    const approved = await hr('POST', `/employer/shifts/${clockIn.body.id}/review`, {
      decision: 'approved',
      minutes: 240,
    });
    // 22050 fen a day of 8 hours, 4 hours approved: 11025 fen.
    expect(approved.body).toMatchObject({ status: 'approved', approvedMinutes: 240, payFen: 11025 });
    const strangerPays = await backend.request('POST', `/employer/shifts/${clockIn.body.id}/pay`, {
      headers: strangerHr,
    });
    expect(strangerPays.status).toBe(404);
    const paid = await hr('POST', `/employer/shifts/${clockIn.body.id}/pay`);
    const paidAgain = await hr('POST', `/employer/shifts/${clockIn.body.id}/pay`);
    expect(paid.body).toMatchObject({ status: 'paid', orderId: expect.any(String) });
    expect((paidAgain.body as unknown as Shift).orderId).toBe((paid.body as unknown as Shift).orderId);
    const transfers = backend.server.db.prepare('SELECT amount_fen FROM fund_transfers').all();
    expect(transfers).toEqual([{ amount_fen: 11025 }]);

    const month = chinaDayOf(backend.server.context.clock.now()).slice(0, 7);
    const income = await seeker<MonthlyIncome>('GET', `/income?month=${month}`);
    expect(income.body.totalFen).toBe(11025);
    expect(income.body.slips[0]).toMatchObject({ payFen: 11025, dayRateFen: 22050, approvedMinutes: 240 });
    expect((await seeker<ApiErrorBody>('GET', '/income?month=2025-13')).body.error.fields?.[0].path).toBe(
      'query.month',
    );
  });

  it('revokes a flow not yet signed by both: the chain ends with the revocation, a new flow replaces it', async () => {
    const [job] = openJobs(backend, 1, 120);
    const { accessToken: token, applicationId, hr } = await interviewedApplication(backend, 'onb-revoke', job);
    const sent = await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(backend));
    const accepted = await backend.request<Onboarding>('POST', `/offers/${sent.body.offer!.id}/accept`, { token });
    const first = accepted.body.contract!.flowId;
    const certifyId = await passRealName(backend, token);
    const signature = tinyPng().toString('base64');
    await backend.request('POST', `/contracts/${first}/sign`, { token, body: { signaturePng: signature, certifyId } });

    const noReason = await hr('POST', `/employer/contracts/${first}/revoke`, { reason: '' });
    expect((noReason.body as unknown as ApiErrorBody).error.fields?.[0]).toEqual({
      path: 'reason',
      message: '请写明撤销原因，求职者会看到',
    });
    const revoked = await hr('POST', `/employer/contracts/${first}/revoke`, { reason: '岗位名称写错' });
    expect(revoked.status).toBe(200);
    const second = revoked.body.contract!;
    expect(second.flowId).not.toBe(first);
    expect(second).toMatchObject({ status: 'signing', signers: [{ status: 'waiting' }, { status: 'waiting' }] });

    const oldProof = await backend.request<ContractProof>('GET', `/contracts/${first}/proof`, { token });
    expect(oldProof.body.events.map((event) => event.type)).toEqual(['created', 'signed', 'revoked']);
    expect(oldProof.body.events[2].detail).toEqual({ reason: '岗位名称写错' });
    expect(await verifyContractProof(oldProof.body, sha256HexAsync)).toEqual({ valid: true });
    const signOld = await backend.request<ApiErrorBody>('POST', `/contracts/${first}/sign`, {
      token,
      body: { signaturePng: signature, certifyId },
    });
    expect(signOld.status).toBe(409);
    expect((await hr('POST', `/employer/contracts/${second.flowId}/countersign`)).status).toBe(409);
    const signNew = await backend.request<Onboarding>('POST', `/contracts/${second.flowId}/sign`, {
      token,
      body: { signaturePng: signature, certifyId },
    });
    expect(signNew.body.contract!.signers[0].status).toBe('signed');
  });

  it('refuses an expired offer and lets the seeker decline with a reason the HR sees', async () => {
    const [, , job] = openJobs(backend, 3, 60);
    const first = await interviewedApplication(backend, 'onb-expired', job);
    const sent = await first.hr('POST', `/employer/applications/${first.applicationId}/offer`, offerInput(backend));
    backend.server.context.clock.advance(4 * 86400 * 1000);
    const late = await backend.request<ApiErrorBody>('POST', `/offers/${sent.body.offer!.id}/accept`, {
      token: first.accessToken,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('录用通知已过期，无法接受，请联系HR重新发送');

    const [other] = openJobs(backend, 1, 80);
    const second = await interviewedApplication(backend, 'onb-decline', other);
    const offer = await second.hr(
      'POST',
      `/employer/applications/${second.applicationId}/offer`,
      offerInput(backend, { payKind: 'monthly', payYuan: '6500' }),
    );
    const empty = await backend.request<ApiErrorBody>('POST', `/offers/${offer.body.offer!.id}/decline`, {
      token: second.accessToken,
      body: { reason: ' ' },
    });
    expect(empty.body.error.fields?.[0]).toEqual({ path: 'reason', message: '请告诉HR拒绝的原因' });
    const declined = await backend.request<Onboarding>('POST', `/offers/${offer.body.offer!.id}/decline`, {
      token: second.accessToken,
      body: { reason: '已接受其他公司的录用' },
    });
    expect(declined.body.offer).toMatchObject({ status: 'declined', declineReason: '已接受其他公司的录用' });
    const seen = await second.hr('GET', `/employer/applications/${second.applicationId}/onboarding`);
    expect(seen.body.offer!.declineReason).toBe('已接受其他公司的录用');
    const application = await backend.request<ApplicationDetail>('GET', `/applications/${second.applicationId}`, {
      token: second.accessToken,
    });
    expect(application.body).toMatchObject({ status: 'withdrawn', reason: '你已拒绝录用：已接受其他公司的录用' });
  });
});

describe('ID card pictures: only ever served masked', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend.close());

  /** Mean and standard deviation of the grey level inside the number band of a picture. */
  async function bandStats(bytes: Buffer) {
    const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
    const band = numberBandOf(info.width, info.height);
    const values: number[] = [];
    for (let y = band.top; y < band.top + band.height; y += 1)
      for (let x = band.left; x < band.left + band.width; x += 1) values.push(data[y * info.width + x]);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const deviation = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    return { deviation, pixels: values, size: [info.width, info.height] };
  }

  it('keeps and serves the ID card only with its number band covered, to the HR and to the seeker', async () => {
    const [job] = openJobs(backend, 1, 120);
    const { accessToken: token, applicationId, hr } = await interviewedApplication(backend, 'onb-mask', job);
    const sent = await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(backend));
    await backend.request('POST', `/offers/${sent.body.offer!.id}/accept`, { token });

    const pdf = await uploadDocument(backend, token, applicationId, 'idCardFront', Buffer.from('%PDF-1.4\n'), 'a.pdf');
    expect(pdf.body.error).toMatchObject({ message: '身份证请上传JPG或PNG照片' });
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);
    const unreadable = await uploadDocument(backend, token, applicationId, 'idCardFront', broken, 'a.jpg');
    expect(unreadable.body.error).toMatchObject({ message: '照片无法读取，请重新拍摄后上传' });

    const original = await fakeIdCardPicture();
    const uploaded = await uploadDocument(backend, token, applicationId, 'idCardFront', original, 'id.jpg');
    expect(uploaded.status).toBe(200);
    const documentId = uploaded.body.documents.find((doc) => doc.kind === 'idCardFront')!.id!;
    const asHr = await fetch(`${backend.url}/employer/documents/${documentId}/file`, {
      headers: { 'x-hr-id': String(job.hrId) },
    });
    const asSeeker = await fetch(`${backend.url}/documents/${documentId}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asHr.headers.get('content-type')).toBe('image/jpeg');
    const served = Buffer.from(await asHr.arrayBuffer());
    expect(Buffer.from(await asSeeker.arrayBuffer()).equals(served)).toBe(true);
    // Only the masked rendition is kept: the original bytes are nowhere in the database.
    const kept = backend.server.db.prepare('SELECT content FROM onboarding_documents WHERE id = ?').get(documentId) as {
      content: Buffer;
    };
    expect(kept.content.equals(served)).toBe(true);

    const before = await bandStats(original);
    const after = await bandStats(served);
    expect(after.size).toEqual(before.size);
    // The digits were sharp black on white; the band now is flat grey blocks under a label.
    expect(before.deviation).toBeGreaterThan(40);
    expect(after.deviation).toBeLessThan(before.deviation / 2);
    const changed = after.pixels.filter((value, index) => Math.abs(value - before.pixels[index]) > 24).length;
    expect(changed / after.pixels.length).toBeGreaterThan(0.5);

    const stranger = await fetch(`${backend.url}/employer/documents/${documentId}/file`, {
      headers: { 'x-hr-id': String(openJobs(backend, 40).find((other) => other.companyId !== job.companyId)!.hrId) },
    });
    expect(stranger.status).toBe(404);
  });
  it('masks the number band on either side, and refuses a picture claiming too many pixels before decoding it', async () => {
    const [job] = openJobs(backend, 1, 150);
    const { accessToken: token, applicationId, hr } = await interviewedApplication(backend, 'onb-mask-back', job);
    const sent = await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(backend));
    await backend.request('POST', `/offers/${sent.body.offer!.id}/accept`, { token });
    // The portrait side put in the 国徽面 slot: its number is covered all the same.
    const original = await fakeIdCardPicture();
    const uploaded = await uploadDocument(backend, token, applicationId, 'idCardBack', original, 'back.jpg');
    const documentId = uploaded.body.documents.find((doc) => doc.kind === 'idCardBack')!.id!;
    const served = await fetch(`${backend.url}/documents/${documentId}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const before = await bandStats(original);
    expect((await bandStats(Buffer.from(await served.arrayBuffer()))).deviation).toBeLessThan(before.deviation / 2);

    // 8000×8000 of one colour: a few hundred KB of PNG that would decode to 256 MB.
    const bomb = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const refused = await uploadDocument(backend, token, applicationId, 'idCardFront', bomb, 'big.png');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ message: '照片尺寸过大（超过4000万像素），请压缩后重新上传' });
  });

  it('masks ID cards stored before masking existed when the mock starts; one it cannot mask goes back to the seeker', async () => {
    const [job] = openJobs(backend, 1, 130);
    const { accessToken: token, applicationId, hr } = await interviewedApplication(backend, 'onb-old-rows', job);
    const sent = await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(backend));
    await backend.request('POST', `/offers/${sent.body.offer!.id}/accept`, { token });
    const original = await fakeIdCardPicture();
    await uploadDocument(backend, token, applicationId, 'idCardFront', original, 'id.jpg');
    const back = await uploadDocument(backend, token, applicationId, 'idCardBack', original, 'back.jpg');
    const idOf = (kind: string) => back.body.documents.find((doc) => doc.kind === kind)!.id!;
    expect(back.status).toBe(200);
    // As rows were stored before masking existed: the original picture, and an old PDF, under the ID number.
    const store = backend.server.db.prepare(
      'UPDATE onboarding_documents SET file_name = ?, mime = ?, content = ?, masked = 0 WHERE id = ?',
    );
    store.run(`${TEST_ID_NUMBER}.jpg`, 'image/jpeg', original, idOf('idCardFront'));
    store.run(
      `${TEST_ID_NUMBER}.pdf`,
      'application/pdf',
      Buffer.from(`%PDF-1.4 ${TEST_ID_NUMBER}`),
      idOf('idCardBack'),
    );

    expect(await backend.restart()).toBe(true);
    const rows = backend.server.db
      .prepare(
        'SELECT kind, file_name, content, masked, status, reject_reason FROM onboarding_documents WHERE id IN (?, ?)',
      )
      .all(idOf('idCardFront'), idOf('idCardBack')) as {
      kind: string;
      file_name: string;
      content: Buffer;
      masked: number;
      status: string;
      reject_reason: string | null;
    }[];
    const byKind = Object.fromEntries(rows.map((row) => [row.kind, row]));
    expect(byKind.idCardFront).toMatchObject({ file_name: '身份证人像面.jpg', masked: 1, status: 'uploaded' });
    expect((await bandStats(byKind.idCardFront.content)).deviation).toBeLessThan(
      (await bandStats(original)).deviation / 2,
    );
    expect(byKind.idCardBack).toMatchObject({
      file_name: '',
      masked: 1,
      status: 'rejected',
      reject_reason: '请重新上传身份证照片',
    });
    expect(byKind.idCardBack.content.length).toBe(0);
    for (const row of rows) expect(row.content.includes(TEST_ID_NUMBER)).toBe(false);

    // Served masked as stored; the emptied one has nothing to download, and the seeker can upload again.
    const served = await fetch(`${backend.url}/documents/${idOf('idCardFront')}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(Buffer.from(await served.arrayBuffer()).equals(byKind.idCardFront.content)).toBe(true);
    const emptied = await fetch(`${backend.url}/employer/documents/${idOf('idCardBack')}/file`, {
      headers: { 'x-hr-id': String(job.hrId) },
    });
    expect(emptied.status).toBe(404);
    const state = await backend.request<Onboarding>('GET', `/applications/${applicationId}/onboarding`, { token });
    expect(state.body.documents.find((doc) => doc.kind === 'idCardBack')).toMatchObject({
      status: 'rejected',
      rejectReason: '请重新上传身份证照片',
    });
    const again = await uploadDocument(backend, token, applicationId, 'idCardBack', original, 'back.jpg');
    expect(again.status).toBe(200);
    const replaced = again.body.documents.find((doc) => doc.kind === 'idCardBack')!;
    expect(replaced.status).toBe('uploaded');
    const file = await fetch(`${backend.url}/documents/${replaced.id}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // The list tells the size of the file as stored (masked), not as sent.
    expect(replaced.size).toBe((await file.arrayBuffer()).byteLength);
    expect(replaced.size).not.toBe(original.length);
  });

  it('refuses an upload whose application ended while the picture was being masked', async () => {
    const [job] = openJobs(backend, 1, 140);
    const { accessToken: token, applicationId, hr } = await interviewedApplication(backend, 'onb-mask-race', job);
    const sent = await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(backend));
    await backend.request('POST', `/offers/${sent.body.offer!.id}/accept`, { token });
    const { onboarding } = backend.server.context;
    const userId = backend.server.db
      .prepare('SELECT user_id FROM applications WHERE id = ?')
      .pluck()
      .get(applicationId) as string;
    const picture = { name: 'id.jpg', mime: 'image/jpeg', bytes: await fakeIdCardPicture() };
    const uploading = onboarding.upload(userId, Number(applicationId), 'idCardFront', picture);
    // While sharp works, the seeker withdraws (as from another phone).
    backend.server.db.prepare("UPDATE applications SET status = 'withdrawn' WHERE id = ?").run(applicationId);
    await expect(uploading).rejects.toMatchObject({ status: 409, message: '投递已结束，无需再上传入职材料' });
    expect(
      backend.server.db
        .prepare('SELECT count(*) FROM onboarding_documents WHERE application_id = ?')
        .pluck()
        .get(applicationId),
    ).toBe(0);
  });
});

describe('what the mock logs about real-name and documents', () => {
  it('never logs an ID number, a name from the ID card or a signature, even when a request fails', async () => {
    const lines: string[] = [];
    const logged = await startTestBackend({ logLevel: 'debug', logStream: { write: (line) => lines.push(line) } });
    try {
      const [job] = openJobs(logged, 1, 100);
      const { accessToken: token, applicationId, hr } = await interviewedApplication(logged, 'onb-logs', job);
      const sent = await hr('POST', `/employer/applications/${applicationId}/offer`, offerInput(logged));
      await logged.request('POST', `/offers/${sent.body.offer!.id}/accept`, { token });
      // A bad one is refused (400) and a good one accepted: neither shows up in the log.
      await logged.request('POST', '/certify/initialize', {
        token,
        body: { certName: '张三', certNo: '110105194912310021' },
      });
      const certifyId = await passRealName(logged, token);
      const { contract } = (
        await logged.request<Onboarding>('GET', `/applications/${applicationId}/onboarding`, { token })
      ).body;
      const signature = tinyPng().toString('base64');
      await logged.request('POST', `/contracts/${contract!.flowId}/sign`, {
        token,
        body: { signaturePng: signature, certifyId },
      });
      const picture = await fakeIdCardPicture();
      await uploadDocument(logged, token, applicationId, 'idCardFront', picture, `身份证${TEST_ID_NUMBER}.jpg`);
      const documentId = (
        await logged.request<Onboarding>('GET', `/applications/${applicationId}/onboarding`, { token })
      ).body.documents.find((doc) => doc.kind === 'idCardFront')!.id!;
      const served = Buffer.from(
        await (
          await fetch(`${logged.url}/documents/${documentId}/file`, { headers: { authorization: `Bearer ${token}` } })
        ).arrayBuffer(),
      );
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(5);
      expect(log).toContain('/certify/initialize');
      expect(log).toContain('/documents/:id/file');
      for (const secret of [TEST_ID_NUMBER, '110105194912310021', '张三', signature]) expect(log).not.toContain(secret);
      // Neither picture, in any encoding a logger would use.
      for (const bytes of [picture, served])
        for (const encoded of [bytes.toString('base64'), bytes.toString('hex'), bytes.toString('latin1')])
          expect(log).not.toContain(encoded.slice(40, 120));
    } finally {
      await logged.close();
    }
  });
});
