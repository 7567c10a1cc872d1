import type { Database } from 'better-sqlite3';
import type { ApplicationService } from './applications/application-service';
import type { EmployerActions } from './applications/employer-actions';
import type { IdempotencyStore } from './applications/idempotency-store';
import type { TokenService } from './auth/token-service';
import type { EmployerAutopilot } from './autopilot/employer-autopilot';
import type { ChatService } from './chat/chat-service';
import type { SimulatedClock } from './clock';
import type { FaultSwitches } from './http/faults';
import type { RealtimeHub } from './realtime/hub';

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
}
