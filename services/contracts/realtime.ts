import type { ApplicationDetail } from './applications';
import type { ChatMessage } from './conversations';
import type { EmployerApplicationWithResume } from './employer';
import type { Interview } from './interviews';
import type { WaitingSeeker } from './rtc';
import type { Onboarding } from './onboarding';
import type { EmployerRecordedInterview } from './recorded-interviews';

/** Connect to `${REALTIME_PATH}?token=ACCESS_TOKEN` on the backend host (ws:// or wss://). */
export const REALTIME_PATH = '/ws';

/** Close codes the server uses when it refuses a connection; the app refreshes the token on 4402. */
export const REALTIME_CLOSE_CODES = {
  unauthorized: 4401,
  tokenExpired: 4402,
} as const;

/** First frame after a successful connection. */
export interface HelloEvent {
  type: 'hello';
  userId: string;
}

export interface PongEvent {
  type: 'pong';
}

/** An application changed status (employer or autopilot acted). */
export interface ApplicationUpdatedEvent {
  type: 'application.updated';
  application: ApplicationDetail;
}

/** A new message in one of the seeker's conversations. */
export interface MessageEvent {
  type: 'message';
  conversationId: string;
  message: ChatMessage;
}

/** The server could not understand a client frame. */
export interface RealtimeErrorEvent {
  type: 'error';
  message: string;
}

/** An interview of the seeker's was created or changed (by either side). */
export interface InterviewUpdatedEvent {
  type: 'interview.updated';
  interview: Interview;
}

/** Something after the offer changed (offer, contract, documents, check-in, shifts): read it again. */
export interface OnboardingUpdatedEvent {
  type: 'onboarding.updated';
  onboarding: Onboarding;
}

export type ServerEvent =
  | HelloEvent
  | PongEvent
  | ApplicationUpdatedEvent
  | MessageEvent
  | InterviewUpdatedEvent
  | OnboardingUpdatedEvent
  | RealtimeErrorEvent;

/** Heartbeat the client sends; the server answers with `pong`. */
export interface PingEvent {
  type: 'ping';
}

export type ClientEvent = PingEvent;

// ---------------------------------------------------------------------------------------------------------
// The employer channel: the HR console connects to `${EMPLOYER_REALTIME_PATH}?token=HR_SESSION_TOKEN`
// (loopback only) and hears about its company's applications.

export const EMPLOYER_REALTIME_PATH = '/ws/employer';

export interface EmployerHelloEvent {
  type: 'hello';
  hrId: string;
  companyId: string;
}

/** A seeker applied to one of the company's jobs. */
export interface EmployerApplicationCreatedEvent {
  type: 'application.created';
  application: EmployerApplicationWithResume;
}

/** One of the company's applications changed (status, phone shared), by anyone. */
export interface EmployerApplicationUpdatedEvent {
  type: 'application.updated';
  application: EmployerApplicationWithResume;
}

/** Who waits in the company's interview rooms (候场), sent whenever it changes. */
export interface EmployerWaitingRoomEvent {
  type: 'room.waiting';
  waiting: WaitingSeeker[];
}

/** An applicant answered a question of a recorded interview (the last answer completes it). */
export interface EmployerRecordedInterviewUpdatedEvent {
  type: 'recorded-interview.updated';
  applicationId: string;
  interview: EmployerRecordedInterview;
}

export type EmployerServerEvent =
  | OnboardingUpdatedEvent
  | EmployerHelloEvent
  | PongEvent
  | EmployerApplicationCreatedEvent
  | EmployerApplicationUpdatedEvent
  | InterviewUpdatedEvent
  | EmployerWaitingRoomEvent
  | EmployerRecordedInterviewUpdatedEvent
  | RealtimeErrorEvent;
