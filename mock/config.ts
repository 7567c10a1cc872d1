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
} as const;
