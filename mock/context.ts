import type { Database } from 'better-sqlite3';
import type { ApplicationService } from './applications/application-service';
import type { EmployerActions } from './applications/employer-actions';
import type { IdempotencyStore } from './applications/idempotency-store';
import type { HrSessions } from './auth/hr-sessions';
import type { TokenService } from './auth/token-service';
import type { EmployerAutopilot } from './autopilot/employer-autopilot';
import type { ChatService } from './chat/chat-service';
import type { SimulatedClock } from './clock';
import type { FaultSwitches } from './http/faults';
import type { EmployerJobs } from './jobs/employer-jobs';
import type { InterviewRooms } from './interviews/interview-rooms';
import type { InterviewService } from './interviews/interview-service';
import type { RtcSignalling } from './interviews/rtc-signalling';
import type { OnboardingService } from './onboarding/onboarding-service';
import type { ShiftService } from './onboarding/shift-service';
import type { RealtimeHub } from './realtime/hub';
import type { RecordedInterviews } from './recorded-interviews/recorded-interviews';

/** Everything route handlers work with, built once per server. */
export interface MockContext {
  db: Database;
  seed: string;
  clock: SimulatedClock;
  tokens: TokenService;
  applications: ApplicationService;
  employer: EmployerActions;
  chat: ChatService;
  autopilot: EmployerAutopilot;
  idempotency: IdempotencyStore;
  faults: FaultSwitches;
  hub: RealtimeHub;
  /** The HR console: its sessions, the company's jobs, and its realtime channel (keyed by company id). */
  hrSessions: HrSessions;
  employerJobs: EmployerJobs;
  employerHub: RealtimeHub;
  /** Interviews, their room tickets, and the room's signalling. */
  interviews: InterviewService;
  rooms: InterviewRooms;
  signalling: RtcSignalling;
  /** Offer, e-contract, checklist, first day; 日结 shifts and their payouts. */
  onboarding: OnboardingService;
  shifts: ShiftService;
  recordedInterviews: RecordedInterviews;
}
