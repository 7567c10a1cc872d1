import path from 'node:path';
import { parseArgs } from 'node:util';
import { mockDefaults } from './config';
import { CONSOLE_PATH } from './routes/console-routes';
import { createMockServer, type MockServerOptions } from './server';

const USAGE = `npm run mock -- [options]
  --port N            port (default ${mockDefaults.port}, env MOCK_PORT)
  --db PATH           SQLite file (default .data/mock.db)
  --reset             delete the database and seed it again
  --jobs N            jobs to seed in a new database (default ${mockDefaults.jobs})
  --seed S            seed of the generator (default ${mockDefaults.seed})
  --time-scale X      simulated time runs X times faster (default 1)
  --latency MS        add MS milliseconds to every answer
  --error-rate R      answer this share of requests with 503 (0..1)
  --drop-sockets R    drop realtime connections at this rate (0..1)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

function numberFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max)
    fail(`--${name} must be a number from ${min} to ${max}`);
  return parsed;
}

function optionsFromArgs(argv: string[]): MockServerOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        reset: { type: 'boolean' },
        jobs: { type: 'string' },
        seed: { type: 'string' },
        'time-scale': { type: 'string' },
        latency: { type: 'string' },
        'error-rate': { type: 'string' },
        'drop-sockets': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    port: numberFlag('port', parsed.port, 0, 65535),
    dbPath: parsed.db ? path.resolve(parsed.db) : undefined,
    reset: parsed.reset,
    seed: { jobs: numberFlag('jobs', parsed.jobs, 0, 5_000_000), seed: parsed.seed },
    timeScale: numberFlag('time-scale', parsed['time-scale'], 0, 1_000_000),
    faults: {
      latencyMs: numberFlag('latency', parsed.latency, 0, 60_000),
      errorRate: numberFlag('error-rate', parsed['error-rate'], 0, 1),
      dropSocketRate: numberFlag('drop-sockets', parsed['drop-sockets'], 0, 1),
    },
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function main(): Promise<void> {
  const options = optionsFromArgs(process.argv.slice(2));
  options.faults = withoutUndefined(options.faults ?? {});
  const server = await createMockServer(options);
  if (server.seedReport) {
    const report = server.seedReport;
    console.log(
      `Seeded ${report.jobs} jobs, ${report.companies} companies, ${report.hrs} HRs in ${report.cities} cities ` +
        `(seed "${report.seed}") in ${(report.ms / 1000).toFixed(2)} s`,
    );
  } else if (options.seed?.jobs !== undefined || options.seed?.seed !== undefined) {
    console.log('The database is already seeded: --jobs and --seed apply with --reset.');
  }
  console.log(`Mock backend listening on ${server.url}`);
  console.log(`WebSocket: ${server.url.replace(/^http/, 'ws')}/ws?token=ACCESS_TOKEN`);
  console.log(
    `HR console (招聘端): ${server.url}${CONSOLE_PATH}/ (open it in a browser; built by npm run build:console)`,
  );
  console.log(`Database: ${server.dbPath}`);
  const faults = server.context.faults.get();
  if (faults.latencyMs || faults.errorRate || faults.dropSocketRate) console.log('Faults:', faults);

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
