import type { RealNameRequest, StudentRequest, TrustStatus } from './contracts/trust';
import { authorizedRequest } from './api';

/** Real-name, trusted work ID and student checks of the signed-in seeker, each with its state. */
export function getTrust(): Promise<TrustStatus> {
  return authorizedRequest<TrustStatus>({ method: 'GET', path: '/trust' });
}

export function submitRealName(input: RealNameRequest): Promise<TrustStatus> {
  return authorizedRequest<TrustStatus>({ method: 'POST', path: '/trust/real-name', body: input });
}

/** No body: Alipay issues the work ID from the verified identity. */
export function submitWorkId(): Promise<TrustStatus> {
  return authorizedRequest<TrustStatus>({ method: 'POST', path: '/trust/work-id', body: {} });
}

export function submitStudent(input: StudentRequest): Promise<TrustStatus> {
  return authorizedRequest<TrustStatus>({ method: 'POST', path: '/trust/student', body: input });
}
