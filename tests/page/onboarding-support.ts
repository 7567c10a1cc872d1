/** Shared set-up for the onboarding page tests: a seeker with an offer sent by the HR, and backend steps. */
import type { Onboarding, OfferInput } from '../../services/contracts/onboarding';
import type { Runtime } from '../../runtime/harness/runtime';
import { makeReadyToApply } from '../support/mock-server';
import { applyDirect, call, employerAct, launchSeeker, openJobs, type TestServer } from './applications-support';

export const PLACE = { latitude: 30.2741, longitude: 120.1551 };

/** A valid 18-digit ID number for tests. */
export const TEST_ID_NUMBER = '11010519491231002X';

/** A real 1×1 PNG, as a photo of a document or a signature. */
export const PNG_BYTES = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

export function offerFor(server: TestServer, overrides: Partial<OfferInput> = {}): OfferInput {
  const now = server.context.clock.now();
  return {
    position: '仓库分拣员',
    payKind: 'daily',
    payYuan: '220',
    startDate: new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10),
    reportTime: '09:00',
    address: '杭州市上城区解放路100号',
    ...PLACE,
    probationMonths: 0,
    workingHours: '09:00-18:00',
    dayHours: 8,
    bring: '身份证原件',
    documents: ['idCardFront', 'health'],
    contactName: '王经理',
    contactPhone: '13800138000',
    expiresAt: new Date(now + 3 * 86400 * 1000).toISOString(),
    ...overrides,
  };
}

/** A signed-in seeker whose application got an offer from the HR. */
export async function seekerWithOffer(server: TestServer, skip: number, overrides: Partial<OfferInput> = {}) {
  const seeker = await launchSeeker(server);
  await makeReadyToApply(server, seeker.token);
  const [job] = await openJobs(server, 1, skip);
  const application = await applyDirect(server, seeker.token, job.id);
  await employerAct(server, application, 'invite', { note: '明天上午面试' });
  const hr = <T = Onboarding>(method: string, path: string, body?: unknown) =>
    call<T>(server, method, path, { headers: { 'x-hr-id': job.hr.id }, body });
  const sent = await hr('POST', `/employer/applications/${application.id}/offer`, offerFor(server, overrides));
  if (sent.status !== 200) throw new Error(`offer failed: ${JSON.stringify(sent.body)}`);
  return { ...seeker, applicationId: application.id, offerId: sent.body.offer!.id, hr };
}

/** Accepts, passes real-name and signs through the backend, and the HR countersigns: ready for the first day. */
export async function signedContract(
  server: TestServer,
  seeker: Awaited<ReturnType<typeof seekerWithOffer>>,
): Promise<void> {
  const as = <T = Onboarding>(method: string, path: string, body?: unknown) =>
    call<T>(server, method, path, { token: seeker.token, body });
  const accepted = await as('POST', `/offers/${seeker.offerId}/accept`);
  const flowId = accepted.body.contract!.flowId;
  const started = await as<{ certifyId: string }>('POST', '/certify/initialize', {
    certName: '张三',
    certNo: TEST_ID_NUMBER,
  });
  await call(server, 'POST', `/__admin/certify/${started.body.certifyId}/complete`, { body: { passed: true } });
  await as('POST', `/contracts/${flowId}/sign`, {
    certifyId: started.body.certifyId,
    signaturePng: Buffer.from(PNG_BYTES).toString('base64'),
  });
  const countersigned = await seeker.hr('POST', `/employer/contracts/${flowId}/countersign`, { signerName: '王经理' });
  if (countersigned.body.contract?.status !== 'signed') throw new Error('countersign failed');
}

/**
 * Stand-ins for the platform APIs the jest harness does not model yet (`my.call('startBizService')`,
 * `my.createCanvasContext`, `my.downloadFile`, `my.openDocument`), answering later as the platform does.
 * `certify` plays Alipay's face check: '9000' tells the mock it passed, '6001' is the seeker backing out.
 */
export function standInPlatform(rt: Runtime, server: TestServer, options: { certify: '9000' | '6001' | '6002' }) {
  const record = {
    bizServices: [] as { name: string; param: { certifyId: string; url: string } }[],
    strokes: [] as [number, number][],
    downloads: [] as { url: string; header: Record<string, string>; bytes: Buffer }[],
    opened: [] as { filePath: string; fileType?: string }[],
  };
  const later = (run: () => void) => setTimeout(run, 0);
  rt.fake.define('call', ((
    api: string,
    params: { name: string; param: string },
    callback: (result: unknown) => void,
  ) => {
    if (api !== 'startBizService' || params.name !== 'open-certify') throw new Error(`my.call(${api}) is not modelled`);
    const param = JSON.parse(params.param) as { certifyId: string; url: string };
    record.bizServices.push({ name: params.name, param });
    void (async () => {
      if (options.certify === '9000') {
        await call(server, 'POST', `/__admin/certify/${param.certifyId}/complete`, { body: { passed: true } });
      }
      later(() => callback({ resultStatus: options.certify }));
    })();
  }) as never);
  rt.fake.define('createCanvasContext', (() => ({
    setStrokeStyle: () => undefined,
    setLineWidth: () => undefined,
    setLineCap: () => undefined,
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: (x: number, y: number) => record.strokes.push([x, y]),
    stroke: () => undefined,
    draw: () => undefined,
    clearRect: () => (record.strokes.length = 0),
    toDataURL: () =>
      new Promise((resolve) =>
        later(() => resolve(`data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`)),
      ),
  })) as never);
  rt.fake.define('downloadFile', ((request: {
    url: string;
    header: Record<string, string>;
    success(result: { tempFilePath: string; apFilePath: string }): void;
    fail(failure: { error: number; errorMessage: string }): void;
  }) => {
    void fetch(request.url, { headers: request.header }).then(async (response) => {
      if (!response.ok) return later(() => request.fail({ error: 12, errorMessage: '下载失败' }));
      const path = `temp://download-${record.downloads.length + 1}.pdf`;
      record.downloads.push({
        url: request.url,
        header: request.header,
        bytes: Buffer.from(await response.arrayBuffer()),
      });
      later(() => request.success({ tempFilePath: path, apFilePath: path }));
    });
  }) as never);
  rt.fake.define('openDocument', ((request: { filePath: string; fileType?: string; success(): void }) => {
    record.opened.push({ filePath: request.filePath, fileType: request.fileType });
    later(() => request.success());
  }) as never);
  return record;
}
