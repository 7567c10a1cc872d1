/** Shared set-up for the onboarding page tests: a seeker with an offer sent by the HR, and backend steps. */
import { sampleInvitation } from '../support/interview-invitation';
import { chinaDayStart, type Onboarding, type OfferInput } from '../../services/contracts/onboarding';
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
  const tomorrow = new Date(now + 8 * 3600 * 1000 + 86400 * 1000).toISOString().slice(0, 10);
  return {
    position: '仓库分拣员',
    payKind: 'daily',
    payYuan: '220',
    // Tomorrow, answered by its start (the shared rule): `signedContract` moves the clock on to that day.
    startDate: tomorrow,
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
    expiresAt: new Date(chinaDayStart(tomorrow)).toISOString(),
    ...overrides,
  };
}

/** A signed-in seeker whose application got an offer from the HR. */
export async function seekerWithOffer(server: TestServer, skip: number, overrides: Partial<OfferInput> = {}) {
  const seeker = await launchSeeker(server);
  await makeReadyToApply(server, seeker.token);
  const [job] = await openJobs(server, 1, skip);
  const application = await applyDirect(server, seeker.token, job.id);
  // Slots ahead of the backend's clock, which `signedContract` moves on.
  await employerAct(server, application, 'invite', sampleInvitation(server.context.clock.now()));
  const hr = <T = Onboarding>(method: string, path: string, body?: unknown) =>
    call<T>(server, method, path, { headers: { 'x-hr-id': job.hr.id }, body });
  const sent = await hr('POST', `/employer/applications/${application.id}/offer`, offerFor(server, overrides));
  if (sent.status !== 200) throw new Error(`offer failed: ${JSON.stringify(sent.body)}`);
  return { ...seeker, applicationId: application.id, offerId: sent.body.offer!.id, hr };
}

/**
 * Accepts, passes real-name and signs through the backend, and the HR countersigns; then the backend's clock
 * moves a day on, to the first day of an offer sent by `offerFor`.
 */
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
  const countersigned = await seeker.hr('POST', `/employer/contracts/${flowId}/countersign`);
  if (countersigned.body.contract?.status !== 'signed') throw new Error('countersign failed');
  server.context.clock.advance(86400 * 1000);
}
