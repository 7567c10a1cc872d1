import { sampleInvitation } from '../support/interview-invitation';
import zlib from 'node:zlib';
import sharp from 'sharp';
import type { ApplicationDetail } from '../../services/contracts/applications';
import { chinaDayStart, type Onboarding, type OfferInput } from '../../services/contracts/onboarding';
import type { TestBackend } from './mock-fixture';
import { loginReadyToApply, type OpenJob } from './mock-resume-helpers';

/** A valid 18-digit ID number (check digit per GB 11643) for tests. */
export const TEST_ID_NUMBER = '11010519491231002X';

/** A real 2×2 PNG (a signature stand-in): the mock checks the PNG signature and embeds it in the PDF. */
export function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0]);
  const pixels = Buffer.from([0, 0, 0, 0, 255, 255, 0, 255, 255, 255, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A photo of an ID card's portrait side, as a seeker takes it (856×540 JPEG): the name and address above,
 * TEST_ID_NUMBER in black on the number's line at the bottom right.
 */
export function fakeIdCardPicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540">
    <rect width="856" height="540" rx="24" fill="#eef3f8"/>
    <text x="60" y="90" font-size="30" fill="#333">姓名 张三</text>
    <text x="60" y="150" font-size="26" fill="#333">性别 男 民族 汉</text>
    <text x="60" y="210" font-size="26" fill="#333">出生 1949年12月31日</text>
    <text x="60" y="280" font-size="26" fill="#333">住址 北京市朝阳区某某路1号</text>
    <rect x="600" y="60" width="200" height="250" fill="#c9d6e3"/>
    <text x="60" y="460" font-size="24" fill="#333">公民身份号码</text>
    <text x="270" y="462" font-size="40" font-family="monospace" fill="#000">${TEST_ID_NUMBER}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer();
}

export const PLACE = { latitude: 30.2741, longitude: 120.1551 };

/** China day of simulated `now`, shifted by `days`. */
export function chinaDayOf(time: number, days = 0): string {
  return new Date(time + 8 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
}

export function offerInput(backend: TestBackend, overrides: Partial<OfferInput> = {}): OfferInput {
  const now = backend.server.context.clock.now();
  return {
    position: '仓库分拣员',
    payKind: 'daily',
    payYuan: '220.50',
    // Tomorrow, answered by its start (the shared rule): tests move the clock a day on to check in.
    startDate: chinaDayOf(now, 1),
    reportTime: '09:00',
    address: '杭州市上城区解放路100号',
    ...PLACE,
    probationMonths: 0,
    workingHours: '09:00-18:00',
    dayHours: 8,
    bring: '身份证原件、一寸照片两张',
    documents: ['idCardFront', 'idCardBack', 'health'],
    contactName: '王经理',
    contactPhone: '13800138000',
    expiresAt: new Date(chinaDayStart(chinaDayOf(now, 1))).toISOString(),
    ...overrides,
  };
}

let keys = 0;

/** A seeker applied to `job`, and the HR invited them: ready for an offer. */
export async function interviewedApplication(backend: TestBackend, userKey: string, job: OpenJob) {
  const { accessToken } = await loginReadyToApply(backend, userKey);
  const created = await backend.request<ApplicationDetail>('POST', '/applications', {
    token: accessToken,
    headers: { 'idempotency-key': `onboarding-${process.pid}-${++keys}` },
    body: { jobId: job.id },
  });
  if (created.status !== 201) throw new Error(`apply failed: ${JSON.stringify(created.body)}`);
  const hr = (method: string, path: string, body?: unknown) =>
    backend.request<Onboarding>(method, path, { headers: { 'x-hr-id': String(job.hrId) }, body });
  // Slots ahead of the backend's clock, which tests move on.
  const invited = await hr(
    'POST',
    `/employer/applications/${created.body.id}/invite`,
    sampleInvitation(backend.server.context.clock.now()),
  );
  if (invited.status !== 200) throw new Error(`invite failed: ${JSON.stringify(invited.body)}`);
  return { accessToken, applicationId: created.body.id, hr };
}

/** Real-name check as the app does it: initialize, Alipay's face check (the admin hook), query. */
export async function passRealName(backend: TestBackend, token: string): Promise<string> {
  const started = await backend.request<{ certifyId: string }>('POST', '/certify/initialize', {
    token,
    body: { certName: '张三', certNo: TEST_ID_NUMBER },
  });
  await backend.request('POST', `/__admin/certify/${started.body.certifyId}/complete`, { body: { passed: true } });
  return started.body.certifyId;
}

/** Multipart upload the way my.uploadFile sends it. */
export async function uploadDocument(
  backend: TestBackend,
  token: string,
  applicationId: string,
  kind: string,
  bytes: Buffer,
  name = 'photo.png',
) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await fetch(`${backend.url}/applications/${applicationId}/documents/${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Onboarding & { error?: { message: string } } };
}

/** Moves the backend's clock a day on: to the first day of an offer sent with `offerInput`'s dates. */
export function toFirstDay(backend: TestBackend): void {
  backend.server.context.clock.advance(86400 * 1000);
}

/** The whole way from a sent offer to 已入职: accept, real-name, sign, countersign, check in at the place. */
export async function hireThroughOnboarding(backend: TestBackend, token: string, applicationId: string, hrId: string) {
  const hr = { 'x-hr-id': hrId };
  const state = await backend.request<Onboarding>('GET', `/applications/${applicationId}/onboarding`, { token });
  await backend.request('POST', `/offers/${state.body.offer!.id}/accept`, { token });
  const certifyId = await passRealName(backend, token);
  const { flowId } = (await backend.request<Onboarding>('GET', `/applications/${applicationId}/onboarding`, { token }))
    .body.contract!;
  await backend.request('POST', `/contracts/${flowId}/sign`, {
    token,
    body: { signaturePng: tinyPng().toString('base64'), certifyId },
  });
  await backend.request('POST', `/employer/contracts/${flowId}/countersign`, { headers: hr });
  toFirstDay(backend);
  const checkedIn = await backend.request<Onboarding>('POST', `/applications/${applicationId}/check-in`, {
    token,
    body: PLACE,
  });
  if (checkedIn.status !== 200) throw new Error(`check-in failed: ${JSON.stringify(checkedIn.body)}`);
}
