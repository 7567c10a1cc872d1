/** The employer API, one function per endpoint, typed by services/contracts. */
import type {
  EmployerApplicationListQuery,
  EmployerHr,
  EmployerHrOptionList,
  EmployerJob,
  EmployerJobList,
  EmployerSession,
} from '../../../services/contracts/employer';
import type { JobStatus } from '../../../services/contracts/jobs';
import type { CursorPage } from '../../../services/contracts/page';
import type { EmployerApplicationWithResume } from '../../../services/contracts/employer';
import { apiRequest, downloadFile } from './client';

export type EmployerApplication = EmployerApplicationWithResume;

export const listHrOptions = (keyword: string) =>
  apiRequest<EmployerHrOptionList>('GET', '/employer/hrs', { query: { keyword } });

export const signIn = (hrId: string) => apiRequest<EmployerSession>('POST', '/employer/session', { body: { hrId } });

export const signOut = () => apiRequest<void>('DELETE', '/employer/session');

export const fetchMe = () => apiRequest<EmployerHr>('GET', '/employer/me');

export const setAutopilot = (enabled: boolean) =>
  apiRequest<EmployerHr>('PUT', '/employer/autopilot', { body: { enabled } });

export const listJobs = () => apiRequest<EmployerJobList>('GET', '/employer/jobs');

export const setJobStatus = (jobId: string, status: JobStatus) =>
  apiRequest<EmployerJob>('PUT', `/employer/jobs/${jobId}/status`, { body: { status } });

export const listApplications = (query: EmployerApplicationListQuery) =>
  apiRequest<CursorPage<EmployerApplication>>('GET', '/employer/applications', {
    query: { ...query },
  });

export const fetchApplication = (id: string) => apiRequest<EmployerApplication>('GET', `/employer/applications/${id}`);

export const viewApplication = (id: string) =>
  apiRequest<EmployerApplication>('POST', `/employer/applications/${id}/view`);

export const rejectApplication = (id: string, reason: string) =>
  apiRequest<EmployerApplication>('POST', `/employer/applications/${id}/reject`, { body: { reason } });

export const inviteApplication = (id: string, note: string) =>
  apiRequest<EmployerApplication>('POST', `/employer/applications/${id}/invite`, { body: { note } });

export const offerApplication = (id: string, note: string | undefined) =>
  apiRequest<EmployerApplication>('POST', `/employer/applications/${id}/offer`, { body: note ? { note } : {} });

export const hireApplication = (id: string) =>
  apiRequest<EmployerApplication>('POST', `/employer/applications/${id}/hire`);

export const downloadAttachment = (id: string, fileName: string) =>
  downloadFile(`/employer/applications/${id}/attachment`, fileName);
