import type {
  ApplicationDetail,
  ApplicationStatus,
  ApplicationSummary,
  CreateApplicationRequest,
} from './contracts/applications';
import type { CursorPage } from './contracts/page';
import { authorizedRequest } from './api';

/**
 * Sends an application. `idempotencyKey` stays the same for every try of one submit attempt, so a retry
 * or a double tap gets the first answer back instead of a second application.
 */
export function createApplication(
  request: CreateApplicationRequest,
  idempotencyKey: string,
): Promise<ApplicationDetail> {
  return authorizedRequest<ApplicationDetail>({ method: 'POST', path: '/applications', body: request, idempotencyKey });
}

export function listApplications(
  filter: { statuses?: ApplicationStatus[]; jobId?: string; limit?: number },
  cursor?: string,
): Promise<CursorPage<ApplicationSummary>> {
  return authorizedRequest<CursorPage<ApplicationSummary>>({
    method: 'GET',
    path: '/applications',
    query: { status: filter.statuses?.join(','), jobId: filter.jobId, limit: filter.limit, cursor },
  });
}

export function getApplication(id: string): Promise<ApplicationDetail> {
  return authorizedRequest<ApplicationDetail>({ method: 'GET', path: `/applications/${encodeURIComponent(id)}` });
}

export function withdrawApplication(id: string): Promise<ApplicationDetail> {
  return authorizedRequest<ApplicationDetail>({
    method: 'POST',
    path: `/applications/${encodeURIComponent(id)}/withdraw`,
  });
}

/** The seeker's consent: from now on the employer sees the phone number in full. */
export function sharePhoneWithEmployer(id: string): Promise<ApplicationDetail> {
  return authorizedRequest<ApplicationDetail>({
    method: 'POST',
    path: `/applications/${encodeURIComponent(id)}/share-phone`,
  });
}
