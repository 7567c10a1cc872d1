import { authorizedRequest, authorizedUpload } from './api';
import {
  ANSWER_DURATION_FIELD,
  ANSWER_VIDEO_FIELD,
  type RecordedInterview,
  type RecordedInterviewList,
  type RecordedTake,
} from './contracts/recorded-interviews';

/** The recorded video interviews employers sent the seeker. */
export function listRecordedInterviews(): Promise<RecordedInterviewList> {
  return authorizedRequest<RecordedInterviewList>({ method: 'GET', path: '/recorded-interviews' });
}

export function getRecordedInterview(id: string): Promise<RecordedInterview> {
  return authorizedRequest<RecordedInterview>({ method: 'GET', path: `/recorded-interviews/${id}` });
}

const takesPath = (interviewId: string, questionId: string) =>
  `/recorded-interviews/${interviewId}/questions/${questionId}/takes`;

/** Before recording: counts a take (409 past the retakes allowed, after the deadline, once answered). */
export function startTake(interviewId: string, questionId: string): Promise<RecordedTake> {
  return authorizedRequest<RecordedTake>({ method: 'POST', path: takesPath(interviewId, questionId) });
}

/** The camera stopped because the app left the foreground: the take is given back. */
export function interruptTake(interviewId: string, questionId: string, take: number): Promise<RecordedTake> {
  return authorizedRequest<RecordedTake>({
    method: 'POST',
    path: `${takesPath(interviewId, questionId)}/${take}/interrupted`,
  });
}

/** A 3-minute answer can be large: the upload gets the platform's longest wait. */
const ANSWER_UPLOAD_TIMEOUT_MS = 10 * 60_000;

export interface AnswerUpload {
  interviewId: string;
  questionId: string;
  take: number;
  filePath: string;
  durationMs: number;
}

/** Uploads a take's video (my.uploadFile, field `file`) and answers the interview as it now stands. */
export function uploadAnswer(answer: AnswerUpload, onProgress: (percent: number) => void): Promise<RecordedInterview> {
  return authorizedUpload<RecordedInterview>({
    path: `${takesPath(answer.interviewId, answer.questionId)}/${answer.take}/video`,
    filePath: answer.filePath,
    fieldName: ANSWER_VIDEO_FIELD,
    formData: { [ANSWER_DURATION_FIELD]: String(answer.durationMs) },
    timeoutMs: ANSWER_UPLOAD_TIMEOUT_MS,
    onProgress,
  });
}
