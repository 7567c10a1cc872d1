/**
 * The real mock backend for one test file or benchmark run: an ephemeral port on 127.0.0.1, its own
 * database file in a temporary folder, no autopilot timer, no logs. `stop()` closes it and deletes the
 * folder; `setFaults()` flips its fault switches (/__admin/faults); `restart()` stops it and starts it again
 * on the same port and database, as a deploy would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockServer, type MockServer, type MockServerOptions } from '../../mock/server';

export interface EphemeralMock extends MockServer {
  setFaults(faults: Record<string, number>): Promise<void>;
  /**
   * Closes the server, runs `whileDown` (what clients do meanwhile), then starts it again on the same port
   * and database file; this handle then points at the new server. True when nothing was reseeded.
   */
  restart(whileDown?: () => Promise<void>): Promise<boolean>;
  stop(): Promise<void>;
}

export async function setMockFaults(mockUrl: string, faults: Record<string, number>): Promise<void> {
  const response = await fetch(`${mockUrl}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`setting faults failed: HTTP ${response.status}`);
}

let warnedAboutGc = false;

export async function startEphemeralMock(options: MockServerOptions = {}): Promise<EphemeralMock> {
  // The mock runs in this process: a long upload frees its spent buffers only when node started with
  // --expose-gc (the npm test and bench scripts pass it; V8 flags cannot be set safely once running).
  if (typeof globalThis.gc !== 'function' && !warnedAboutGc) {
    warnedAboutGc = true;
    process.emitWarning('the in-process mock needs node --expose-gc to keep upload memory bounded');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-'));
  const serverOptions: MockServerOptions = {
    port: 0,
    host: '127.0.0.1',
    dbPath: path.join(dir, 'mock.db'),
    autopilotIntervalMs: 0,
    logLevel: 'silent',
    ...options,
  };
  const mock: EphemeralMock = Object.assign(await createMockServer(serverOptions), {
    setFaults: (faults: Record<string, number>) => setMockFaults(mock.url, faults),
    async restart(whileDown?: () => Promise<void>) {
      const { port } = mock;
      await mock.close();
      // Lets fetch's pool see its kept-alive connections closed before the next request.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await whileDown?.();
      Object.assign(mock, await createMockServer({ ...serverOptions, port }));
      return mock.seedReport === null;
    },
    async stop() {
      await mock.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
  return mock;
}
