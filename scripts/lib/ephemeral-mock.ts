/**
 * The real mock backend for one test file or benchmark run: an ephemeral port on 127.0.0.1, its own
 * database file in a temporary folder, no autopilot timer, no logs. `stop()` closes it and deletes the
 * folder; `setFaults()` flips its fault switches (/__admin/faults).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockServer, type MockServer, type MockServerOptions } from '../../mock/server';

export interface EphemeralMock extends MockServer {
  setFaults(faults: Record<string, number>): Promise<void>;
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

export async function startEphemeralMock(options: MockServerOptions = {}): Promise<EphemeralMock> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-'));
  const server = await createMockServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: path.join(dir, 'mock.db'),
    autopilotIntervalMs: 0,
    logLevel: 'silent',
    ...options,
  });
  return Object.assign(server, {
    setFaults: (faults: Record<string, number>) => setMockFaults(server.url, faults),
    async stop() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
