import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { DAILY_APPLICATION_CAP } from '../services/contracts/applications';
import type { EmployerServerEvent } from '../services/contracts/realtime';
import { ApplicationService } from './applications/application-service';
import { EmployerActions } from './applications/employer-actions';
import { IdempotencyStore } from './applications/idempotency-store';
import { HrSessions } from './auth/hr-sessions';
import { TokenService } from './auth/token-service';
import { ChatService } from './chat/chat-service';
import type { ChatRate } from './chat/flood-guard';
import { EmployerAutopilot } from './autopilot/employer-autopilot';
import { SimulatedClock } from './clock';
import { mockDefaults } from './config';
import type { MockContext } from './context';
import { deleteDatabaseFiles, openDatabase, readMeta, type Database } from './db/database';
import { registerCors } from './http/cors';
import { registerErrorHandling } from './http/error-handler';
import { FaultSwitches, registerFaultInjection, type Faults } from './http/faults';
import { registerJsonBodyParser } from './http/json-body';
import { loggerOptions, RequestLineLogController } from './http/request-log';
import { InterviewRooms } from './interviews/interview-rooms';
import { InterviewService } from './interviews/interview-service';
import { RtcSignalling } from './interviews/rtc-signalling';
import { RtcSigner } from './interviews/rtc-signature';
import { EmployerJobs } from './jobs/employer-jobs';
import { feedEmployers } from './realtime/employer-feed';
import { RealtimeHub } from './realtime/hub';
import { attachRealtimeServer } from './realtime/socket-server';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerApplicationRoutes } from './routes/application-routes';
import { registerAuthRoutes } from './routes/auth-routes';
import { registerConversationRoutes } from './routes/conversation-routes';
import { registerConsoleRoutes } from './routes/console-routes';
import { registerEmployerJobRoutes } from './routes/employer-job-routes';
import { registerEmployerOnboardingRoutes } from './routes/employer-onboarding-routes';
import { registerOnboardingRoutes } from './routes/onboarding-routes';
import { FundTransferGateway } from './onboarding/fund-transfer';
import { OnboardingService } from './onboarding/onboarding-service';
import { ShiftService } from './onboarding/shift-service';
import { feedOnboarding } from './realtime/onboarding-feed';
import { registerEmployerRoutes } from './routes/employer-routes';
import { registerEmployerSessionRoutes } from './routes/employer-session-routes';
import { registerEmployerResumeRoutes } from './routes/employer-resume-routes';
import { registerEmployerInterviewRoutes } from './routes/employer-interview-routes';
import { registerInterviewRoutes } from './routes/interview-routes';
import { registerJobRoutes } from './routes/job-routes';
import { RecordedInterviews } from './recorded-interviews/recorded-interviews';
import { registerRecordedInterviewRoutes } from './routes/recorded-interview-routes';
import { registerPrivacyRoutes } from './routes/privacy-routes';
import { registerResumeRoutes } from './routes/resume-routes';
import { registerSubscriptionRoutes } from './routes/subscription-routes';
import { registerTrustRoutes } from './routes/trust-routes';
import { SubscriptionService } from './subscriptions/subscription-service';
import { seedDatabase, startOfUtcDay, type SeedReport } from './seed/seed-database';
import { answerClientError, answerFrameworkError } from './http/raw-errors';

export interface MockServerOptions {
  /** 0 picks a free port. Default 3780 (env MOCK_PORT). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** SQLite file; created with its folder. Default .data/mock.db. */
  dbPath?: string;
  /** Delete the database first, then reseed. */
  reset?: boolean;
  /** Used only when the database is new (or reset). */
  seed?: { jobs?: number; seed?: string; referenceTime?: number };
  /** Simulated time runs this many times faster than real time (autopilot, application times). */
  timeScale?: number;
  /** Real ms between autopilot ticks; 0 = no timer (tests tick through the admin API). */
  autopilotIntervalMs?: number;
  /** Token lifetimes; tests shorten them to a second. */
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** The wall clock tokens are issued and expire by (default Date.now); tests move it instead of sleeping. */
  tokenClock?: () => number;
  hrSessionTtlSeconds?: number;
  /** Room tickets (the signalling token); tests shorten them. */
  roomTicketTtlSeconds?: number;
  /** How long a dropped side of a call keeps its place (default 60 s). */
  rejoinWindowMs?: number;
  /** The built HR console served at /console (default console/dist). */
  consoleDir?: string;
  /** Employer's response window in hours (default 72). */
  respondByHours?: number;
  /** Applications a seeker may send per China day (default 50). */
  dailyApplicationCap?: number;
  faults?: Partial<Faults>;
  /** How fast one sender may post chat messages (default 20 at once, then 2 a second). */
  chatRate?: ChatRate;
  /** Pino level; 'silent' turns logging off (tests). Default 'info'. */
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Where log lines go (default stdout); tests read what would be logged. */
  logStream?: { write(line: string): void };
}

export interface MockServer {
  app: FastifyInstance;
  url: string;
  port: number;
  db: Database;
  dbPath: string;
  /** Set when this start seeded the database. */
  seedReport: SeedReport | null;
  context: MockContext;
  close(): Promise<void>;
}

/** Starts the mock recruitment backend: HTTP + WebSocket on one port, over one SQLite file. */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const dbPath = options.dbPath ?? mockDefaults.dbPath;
  if (options.reset) deleteDatabaseFiles(dbPath);
  const db = openDatabase(dbPath);
  const seedReport = seedIfEmpty(db, options.seed);
  const seed = readMeta(db, 'seed') ?? mockDefaults.seed;

  const clock = new SimulatedClock(db, options.timeScale ?? mockDefaults.timeScale);
  const hub = new RealtimeHub();
  const employerHub = new RealtimeHub();
  const faults = new FaultSwitches(options.faults, seed);
  const tokens = new TokenService(
    db,
    {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? mockDefaults.accessTokenTtlSeconds,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? mockDefaults.refreshTokenTtlSeconds,
    },
    options.tokenClock,
  );
  const applications = new ApplicationService(db, clock, (userId, event) => hub.sendToUser(userId, event), {
    respondByHours: options.respondByHours ?? mockDefaults.respondByHours,
    dailyApplicationCap: options.dailyApplicationCap ?? DAILY_APPLICATION_CAP,
  });
  feedEmployers(applications, employerHub);
  const notifyCompany = (companyId: number, event: EmployerServerEvent) =>
    employerHub.sendToUser(String(companyId), event);
  const interviews = new InterviewService(
    db,
    clock,
    applications,
    new SubscriptionService(db, clock),
    (userId, event) => hub.sendToUser(userId, event),
    notifyCompany,
  );
  const rooms = new InterviewRooms(
    clock,
    new RtcSigner(),
    options.roomTicketTtlSeconds ?? mockDefaults.roomTicketTtlSeconds,
  );
  const signalling = new RtcSignalling(rooms, interviews.store, clock, notifyCompany, options.rejoinWindowMs);
  const onboarding = new OnboardingService(db, clock, applications);
  await onboarding.maskStoredIdCards();
  const shifts = new ShiftService(db, clock, onboarding, new FundTransferGateway(db, () => clock.now()));
  onboarding.attachShifts(shifts);
  feedOnboarding(onboarding, hub, employerHub);
  const hrSessions = new HrSessions(db, options.hrSessionTtlSeconds ?? mockDefaults.hrSessionTtlSeconds);
  const recordedInterviews = new RecordedInterviews(db, clock, applications, employerHub, hub);
  const context: MockContext = {
    db,
    seed,
    clock,
    tokens,
    applications,
    employer: new EmployerActions(applications, clock, interviews),
    chat: new ChatService(db, clock, applications, { seekers: hub, employers: employerHub }, options.chatRate),
    autopilot: new EmployerAutopilot(db, clock, applications, seed, interviews, recordedInterviews),
    idempotency: new IdempotencyStore(db, () => clock.now()),
    faults,
    hub,
    hrSessions,
    employerJobs: new EmployerJobs(db, () => clock.now(), applications),
    employerHub,
    interviews,
    rooms,
    signalling,
    onboarding,
    shifts,
    recordedInterviews,
  };

  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info', options.logStream),
    logController: new RequestLineLogController(),
    // WebSocket connections would otherwise keep close() waiting.
    forceCloseConnections: true,
    // Failures before a route runs answer in the documented error shape too.
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  });
  registerJsonBodyParser(app);
  registerErrorHandling(app);
  registerCors(app);
  registerFaultInjection(app, faults);
  registerAuthRoutes(app, context);
  registerJobRoutes(app, context);
  registerApplicationRoutes(app, context);
  registerConversationRoutes(app, context);
  registerEmployerRoutes(app, context);
  registerAdminRoutes(app, context);
  registerResumeRoutes(app, context);
  registerTrustRoutes(app, context);
  registerPrivacyRoutes(app, context);
  registerSubscriptionRoutes(app, context);
  registerEmployerResumeRoutes(app, context);
  registerEmployerSessionRoutes(app, context);
  registerEmployerJobRoutes(app, context);
  registerInterviewRoutes(app, context);
  registerEmployerInterviewRoutes(app, context);
  registerOnboardingRoutes(app, context);
  registerEmployerOnboardingRoutes(app, context);
  registerRecordedInterviewRoutes(app, context);
  registerConsoleRoutes(app, options.consoleDir ?? mockDefaults.consoleDir);

  const realtime = attachRealtimeServer(app.server, context, signalling);
  try {
    await app.listen({ port: options.port ?? mockDefaults.port, host: options.host ?? mockDefaults.host });
  } catch (error) {
    await realtime.close();
    db.close();
    throw error;
  }
  const { port, address } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  const intervalMs = options.autopilotIntervalMs ?? mockDefaults.autopilotIntervalMs;
  const autopilotTimer = intervalMs > 0 ? setInterval(() => runTick(context, app), intervalMs) : undefined;
  autopilotTimer?.unref();

  let closing: Promise<void> | undefined;
  return {
    app,
    url: `http://${host}:${port}`,
    port,
    db,
    dbPath,
    seedReport,
    context,
    close: () => {
      closing ??= (async () => {
        if (autopilotTimer) clearInterval(autopilotTimer);
        signalling.close();
        await realtime.close();
        await app.close();
        clock.save();
        db.close();
      })();
      return closing;
    },
  };
}

function seedIfEmpty(db: Database, seed: MockServerOptions['seed']): SeedReport | null {
  if (readMeta(db, 'seed') !== undefined) return null;
  const report = seedDatabase(db, {
    jobs: seed?.jobs ?? mockDefaults.jobs,
    seed: seed?.seed ?? mockDefaults.seed,
    referenceTime: seed?.referenceTime ?? startOfUtcDay(),
  });
  // Folds the seed out of the WAL file, which would otherwise stay as large as the data.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return report;
}

/** A failing tick is logged and the next one tries again; it must not take the server down. */
function runTick(context: MockContext, app: FastifyInstance): void {
  try {
    context.autopilot.tick();
  } catch (error) {
    app.log.error({ err: error }, 'autopilot tick failed');
  }
}
