/**
 * `tsx simulator/serve.ts`: serves the browser simulator of the built mini-program (dist/).
 *
 *   SIM_PORT      port of the simulator (default 3790)
 *   SIM_MOCK_URL  the mock backend (default http://127.0.0.1:$MOCK_PORT, MOCK_PORT default 3780)
 *   API_BASE_URL  the API base the build baked in (default: read from dist/services/config.js); the
 *                 simulator sends requests for it to SIM_MOCK_URL
 *   SIM_DEV=1     rebuild the simulator's own browser code on every load
 */
import { createSimulatorServer } from './server/server';

async function main(): Promise<void> {
  const mockPort = process.env.MOCK_PORT ?? '3780';
  const defaultMock = `http://127.0.0.1:${mockPort}`;
  const server = await createSimulatorServer({
    port: Number(process.env.SIM_PORT ?? 3790),
    mockUrl: process.env.SIM_MOCK_URL ?? defaultMock,
    appApiBase: process.env.API_BASE_URL,
    dev: process.env.SIM_DEV === '1',
  });
  console.log(`simulator: ${server.url} (mock backend ${server.mockUrl}; open it in a browser)`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
