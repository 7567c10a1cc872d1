import type {
  CertifyResult,
  CertifyStart,
  Contract,
  DocumentKind,
  GeoPoint,
  MonthlyIncome,
  Onboarding,
  Shift,
} from './contracts/onboarding';
import { DOCUMENT_FIELD } from './contracts/onboarding';
import { authorizedRequest, authorizedUpload } from './api';
import { config } from './config';
import { downloadFile } from './platform/document';
import type { ChosenFile } from './platform/media';
import { renewTokens, validTokens } from './session-tokens';

const id = (value: string) => encodeURIComponent(value);

/** Everything after the offer, for one application: offer, contract, checklist, first day, shifts. */
export function getOnboarding(applicationId: string): Promise<Onboarding> {
  return authorizedRequest<Onboarding>({ method: 'GET', path: `/applications/${id(applicationId)}/onboarding` });
}

export function acceptOffer(offerId: string): Promise<Onboarding> {
  return authorizedRequest<Onboarding>({ method: 'POST', path: `/offers/${id(offerId)}/accept` });
}

export function declineOffer(offerId: string, reason: string): Promise<Onboarding> {
  return authorizedRequest<Onboarding>({ method: 'POST', path: `/offers/${id(offerId)}/decline`, body: { reason } });
}

/** alipay.user.certify.open.initialize + certify on the server: the id and the URL to open. */
export function initializeCertify(certName: string, certNo: string): Promise<CertifyStart> {
  return authorizedRequest<CertifyStart>({ method: 'POST', path: '/certify/initialize', body: { certName, certNo } });
}

/** alipay.user.certify.open.query on the server: whether Alipay says the face check passed. */
export function queryCertify(certifyId: string): Promise<CertifyResult> {
  return authorizedRequest<CertifyResult>({ method: 'GET', path: `/certify/${id(certifyId)}` });
}

/** Reading the contract is on its record (the first view). */
export function viewContract(flowId: string): Promise<Contract> {
  return authorizedRequest<Contract>({ method: 'GET', path: `/contracts/${id(flowId)}` });
}

export function signContract(flowId: string, certifyId: string, signaturePng: string): Promise<Onboarding> {
  return authorizedRequest<Onboarding>({
    method: 'POST',
    path: `/contracts/${id(flowId)}/sign`,
    body: { certifyId, signaturePng },
  });
}

/** The contract PDF on the device (my.downloadFile with the session header), ready for my.openDocument. */
export async function downloadContract(flowId: string): Promise<string> {
  const url = `${config.apiBaseUrl}/contracts/${id(flowId)}/file`;
  const tokens = await validTokens();
  try {
    return await downloadFile(url, { authorization: `Bearer ${tokens.accessToken}` });
  } catch {
    // An expired token is the likely reason a download fails right after a long pause: renew once.
    const renewed = await renewTokens(tokens.accessToken);
    return downloadFile(url, { authorization: `Bearer ${renewed.accessToken}` });
  }
}

export function uploadDocument(
  applicationId: string,
  kind: DocumentKind,
  file: ChosenFile,
  onProgress: (percent: number) => void,
): Promise<Onboarding> {
  return authorizedUpload<Onboarding>({
    path: `/applications/${id(applicationId)}/documents/${kind}`,
    filePath: file.path,
    fieldName: DOCUMENT_FIELD,
    onProgress,
  });
}

export function checkIn(applicationId: string, position: GeoPoint): Promise<Onboarding> {
  return authorizedRequest<Onboarding>({
    method: 'POST',
    path: `/applications/${id(applicationId)}/check-in`,
    body: position,
  });
}

export function clockIn(applicationId: string, position: GeoPoint): Promise<Shift> {
  return authorizedRequest<Shift>({
    method: 'POST',
    path: `/applications/${id(applicationId)}/shifts`,
    body: position,
  });
}

export function clockOut(shiftId: string, position: GeoPoint): Promise<Shift> {
  return authorizedRequest<Shift>({ method: 'POST', path: `/shifts/${id(shiftId)}/clock-out`, body: position });
}

export function getIncome(month: string): Promise<MonthlyIncome> {
  return authorizedRequest<MonthlyIncome>({ method: 'GET', path: '/income', query: { month } });
}
