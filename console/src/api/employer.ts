/** The employer API, one function per endpoint, typed by services/contracts. */
import type {
  EmployerApplicationListQuery,
  EmployerHr,
  EmployerHrOptionList,
  EmployerJob,
  EmployerJobList,
  EmployerSession,
} from '../../../services/contracts/employer';
import type {
  ChatMessage,
  ConsentSubject,
  EmployerConversationSummary,
  MessagePage,
  SendMessageRequest,
  UnreadTotal,
} from '../../../services/contracts/conversations';
import type { EmployerInterview, InviteInterviewRequest } from '../../../services/contracts/interviews';
import type { JobStatus } from '../../../services/contracts/jobs';
import type { RoomTicket, WaitingSeeker } from '../../../services/contracts/rtc';
import type {
  ContractProof,
  DocumentReviewRequest,
  OfferInput,
  Onboarding,
  Shift,
  ShiftReviewRequest,
} from '../../../services/contracts/onboarding';
import type { CursorPage } from '../../../services/contracts/page';
import type { EmployerApplicationWithResume } from '../../../services/contracts/employer';
import type {
  EmployerRecordedInterview,
  RecordedQuestionSet,
  RecordedQuestionSetInput,
} from '../../../services/contracts/recorded-interviews';
import { apiRequest, downloadFile, fetchFile } from './client';

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

export const inviteApplication = (id: string, invitation: InviteInterviewRequest) =>
  apiRequest<EmployerApplication>('POST', `/employer/applications/${id}/invite`, { body: invitation });

/** The company's interviews, or one application's. */
export const listInterviews = (applicationId?: string) =>
  apiRequest<{ items: EmployerInterview[] }>('GET', '/employer/interviews', { query: { applicationId } });

export const listWaitingSeekers = () => apiRequest<{ items: WaitingSeeker[] }>('GET', '/employer/interviews/waiting');

export const confirmInterview = (id: string, slot: string) =>
  apiRequest<EmployerInterview>('POST', `/employer/interviews/${id}/confirm`, { body: { slot } });

export const refuseReschedule = (id: string, reason: string) =>
  apiRequest<EmployerInterview>('POST', `/employer/interviews/${id}/refuse`, { body: { reason } });

export const cancelInterview = (id: string, reason: string) =>
  apiRequest<EmployerInterview>('POST', `/employer/interviews/${id}/cancel`, { body: { reason } });

export const enterInterviewRoom = (id: string) => apiRequest<RoomTicket>('POST', `/employer/interviews/${id}/room`);

export const sendOffer = (id: string, offer: OfferInput) =>
  apiRequest<Onboarding>('POST', `/employer/applications/${id}/offer`, { body: offer });

export const fetchOnboarding = (id: string) => apiRequest<Onboarding>('GET', `/employer/applications/${id}/onboarding`);

export const countersign = (flowId: string) =>
  apiRequest<Onboarding>('POST', `/employer/contracts/${flowId}/countersign`);

/** Opening the contract: the employer's first view is on the chain. */
export const viewContract = (flowId: string) => apiRequest<unknown>('GET', `/employer/contracts/${flowId}`);

export const revokeContract = (flowId: string, reason: string) =>
  apiRequest<Onboarding>('POST', `/employer/contracts/${flowId}/revoke`, { body: { reason } });

export const fetchContractProof = (flowId: string) =>
  apiRequest<ContractProof>('GET', `/employer/contracts/${flowId}/proof`);

export const downloadContract = (flowId: string) => downloadFile(`/employer/contracts/${flowId}/file`, `${flowId}.pdf`);

export const reviewDocument = (id: string, review: DocumentReviewRequest) =>
  apiRequest<Onboarding>('POST', `/employer/documents/${id}/review`, { body: review });

export const fetchDocumentFile = (id: string) => fetchFile(`/employer/documents/${id}/file`);

export const reviewShift = (id: string, review: ShiftReviewRequest) =>
  apiRequest<Shift>('POST', `/employer/shifts/${id}/review`, { body: review });

export const payShift = (id: string) => apiRequest<Shift>('POST', `/employer/shifts/${id}/pay`);

export const downloadAttachment = (id: string, fileName: string) =>
  downloadFile(`/employer/applications/${id}/attachment`, fileName);

export const fetchQuestionSet = (jobId: string) =>
  apiRequest<RecordedQuestionSet>('GET', `/employer/jobs/${jobId}/recorded-interview`);

export const saveQuestionSet = (jobId: string, input: RecordedQuestionSetInput) =>
  apiRequest<RecordedQuestionSet>('PUT', `/employer/jobs/${jobId}/recorded-interview`, { body: input });

/** The application's recorded interview, or null when none was sent. */
export const fetchRecordedInterview = (applicationId: string) =>
  apiRequest<EmployerRecordedInterview | null>('GET', `/employer/applications/${applicationId}/recorded-interview`);

export const sendRecordedInterview = (applicationId: string, deadlineDays: number) =>
  apiRequest<EmployerRecordedInterview>('POST', `/employer/applications/${applicationId}/recorded-interview`, {
    body: { deadlineDays },
  });

export const rateAnswer = (interviewId: string, questionId: string, rating: number) =>
  apiRequest<EmployerRecordedInterview>(
    'PUT',
    `/employer/recorded-interviews/${interviewId}/questions/${questionId}/rating`,
    { body: { rating } },
  );

/** The company's conversations, newest activity first; `unreadOnly`: those with something unread. */
export const listConversations = (query: { unreadOnly: boolean; cursor?: string }) =>
  apiRequest<CursorPage<EmployerConversationSummary>>('GET', '/employer/conversations', {
    query: { unread: query.unreadOnly ? '1' : undefined, cursor: query.cursor },
  });

export const fetchConversation = (id: string) =>
  apiRequest<EmployerConversationSummary>('GET', `/employer/conversations/${id}`);

export const fetchUnreadTotal = () => apiRequest<UnreadTotal>('GET', '/employer/conversations/unread-count');

/** Oldest first: what came after `afterSeq`, or the newest `limit` before `beforeSeq` (or the end). */
export const listMessages = (id: string, query: { afterSeq?: number; beforeSeq?: number; limit: number }) =>
  apiRequest<MessagePage>('GET', `/employer/conversations/${id}/messages`, {
    query: {
      afterSeq: query.afterSeq === undefined ? undefined : String(query.afterSeq),
      beforeSeq: query.beforeSeq === undefined ? undefined : String(query.beforeSeq),
      limit: String(query.limit),
    },
  });

/** Stored once per `clientId`: sending it again answers the message already stored. */
export const sendMessage = (id: string, message: Required<SendMessageRequest>) =>
  apiRequest<ChatMessage>('POST', `/employer/conversations/${id}/messages`, { body: message });

export const markConversationRead = (id: string, seq: number) =>
  apiRequest<EmployerConversationSummary>('POST', `/employer/conversations/${id}/read`, { body: { seq } });

export const requestConsent = (id: string, subject: ConsentSubject) =>
  apiRequest<ChatMessage>('POST', `/employer/conversations/${id}/consent-requests`, { body: { subject } });

/** The attachment the seeker shared in the conversation (a consent card they agreed to). */
export const downloadSharedAttachment = (conversationId: string, attachmentId: string, fileName: string) =>
  downloadFile(`/employer/conversations/${conversationId}/attachments/${attachmentId}`, fileName);
