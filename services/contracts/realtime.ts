import type { ApplicationDetail } from './applications';
import type { ChatMessage } from './conversations';
import type { EmployerApplicationWithResume } from './employer';
import type { EmployerInterview, Interview } from './interviews';
import type { WaitingSeeker } from './rtc';
import type { Onboarding } from './onboarding';
import type { EmployerRecordedInterview, RecordedInterview } from './recorded-interviews';

/** Connect to `${REALTIME_PATH}?token=ACCESS_TOKEN` on the backend host (ws:// or wss://). */
export const REALTIME_PATH = '/ws';

/** Close codes the server uses when it refuses a connection; the app refreshes the token on 4402. */
export const REALTIME_CLOSE_CODES = {
  unauthorized: 4401,
  tokenExpired: 4402,
} as const;

/** A client frame larger than this closes that connection (1009) and no other. */
export const REALTIME_MAX_FRAME_BYTES = 16 * 1024;

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

/** A new message in one of this side's conversations (including this side's own, sent elsewhere). */
export interface MessageEvent {
  type: 'message';
  conversationId: string;
  message: ChatMessage;
}

/** The server stored (or had already stored) the message the client sent with `clientId`. */
export interface MessageAckEvent {
  type: 'message.ack';
  conversationId: string;
  clientId: string;
  message: ChatMessage;
}

/** The server refused a message; `code` `rate_limited` means try again later, others mean never. */
export interface MessageRejectedEvent {
  type: 'message.rejected';
  conversationId: string;
  clientId: string;
  code: 'invalid_input' | 'not_found' | 'rate_limited' | 'forbidden';
  message: string;
}

/** The other side (`by`) has read the conversation up to `seq`. */
export interface ReadEvent {
  type: 'read';
  conversationId: string;
  by: 'seeker' | 'hr';
  seq: number;
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

/** A recorded interview of the seeker's was sent or answered (the seeker's view of it). */
export interface RecordedInterviewUpdatedEvent {
  type: 'recorded-interview.updated';
  interview: RecordedInterview;
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
  | MessageAckEvent
  | MessageRejectedEvent
  | ReadEvent
  | OnboardingUpdatedEvent
  | RecordedInterviewUpdatedEvent
  | RealtimeErrorEvent;

/** Heartbeat the client sends; the server answers with `pong`. */
export interface PingEvent {
  type: 'ping';
}

/** Send a text message; the answer is `message.ack` or `message.rejected` with the same clientId. */
export interface SendMessageEvent {
  type: 'message.send';
  conversationId: string;
  clientId: string;
  text: string;
}

/** This side has read the conversation up to `seq`. */
export interface MarkReadEvent {
  type: 'read';
  conversationId: string;
  seq: number;
}

export type ClientEvent = PingEvent | SendMessageEvent | MarkReadEvent;

// ---------------------------------------------------------------------------------------------------------
// The employer channel: the HR console connects to `${EMPLOYER_REALTIME_PATH}?token=HR_SESSION_TOKEN`
// (loopback only) and hears about its company's applications and chats; it sends the same client frames.

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

/** An interview of the company's was created or changed, as the console sees it. */
export interface EmployerInterviewUpdatedEvent {
  type: 'interview.updated';
  interview: EmployerInterview;
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
  | EmployerInterviewUpdatedEvent
  | EmployerWaitingRoomEvent
  | MessageEvent
  | MessageAckEvent
  | MessageRejectedEvent
  | ReadEvent
  | EmployerRecordedInterviewUpdatedEvent
  | RealtimeErrorEvent;
