import path from 'node:path';

/** Defaults of the mock backend; `npm run mock` flags and createMockServer options override them. */
export const mockDefaults = {
  host: '127.0.0.1',
  port: Number(process.env.MOCK_PORT) || 3780,
  dbPath: path.join(process.cwd(), '.data', 'mock.db'),
  /** The HR console's build (npm run build:console), served at /console. */
  consoleDir: path.join(__dirname, '..', 'console', 'dist'),
  jobs: 5000,
  seed: 'alipay-jobs',
  /** Alipay's oauth.token gives access tokens of 2 h and refresh tokens of 30 d. */
  accessTokenTtlSeconds: 2 * 60 * 60,
  refreshTokenTtlSeconds: 30 * 24 * 60 * 60,
  /** A console sign-in lasts a working day. */
  hrSessionTtlSeconds: 12 * 60 * 60,
  /** Employer's due time to first respond after an application is submitted. */
  respondByHours: 72,
  /** Real milliseconds between autopilot ticks; 0 turns the timer off (tick with the admin API). */
  autopilotIntervalMs: 1000,
  timeScale: 1,
  /** A room ticket (the signalling token) lasts this long, in real time. */
  roomTicketTtlSeconds: 2 * 60 * 60,
} as const;

/**
 * The mPaaS 实时音视频通话 settings, all in one place (see README: what a workspace needs). On a phone the
 * plugin checks the signature with the call application's key; the mock signs with `MPAAS_RTC_PRIVATE_KEY`
 * (PEM) or, without it, a key made at start (enough for the simulator, refused by the real service).
 */
export const mpaasRtcConfig = {
  bizName: process.env.MPAAS_RTC_BIZ_NAME ?? 'job_interview',
  /** The mPaaS app id, `subBiz` in the plugin's config. */
  subBiz: process.env.MPAAS_APP_ID ?? 'MOCK_MPAAS_APP',
  workspaceId: process.env.MPAAS_WORKSPACE_ID ?? 'default',
  privateKeyPem: process.env.MPAAS_RTC_PRIVATE_KEY,
  /** How long a signature is accepted (the plugin checks `expireTime`). */
  signatureTtlMs: 2 * 60 * 60 * 1000,
};
