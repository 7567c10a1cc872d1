import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockServer, type MockServer, type MockServerOptions } from '../../mock/server';

/** The real mock backend on an ephemeral port with its own database file, for one test file. */
export async function startMockServer(
  options: MockServerOptions = {},
): Promise<MockServer & { stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-mock-'));
  const server = await createMockServer({
    port: 0,
    dbPath: path.join(dir, 'mock.db'),
    seed: { jobs: 120, seed: 'page-tests' },
    autopilotIntervalMs: 0,
    logLevel: 'silent',
    ...options,
  });
  return Object.assign(server, {
    async stop() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

export async function setFaults(server: MockServer, faults: Record<string, number>): Promise<void> {
  const response = await fetch(`${server.url}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`setting faults failed: ${response.status}`);
}

/** Gives a seeker what an application needs: basic info and a phone verified through Alipay. */
export async function makeReadyToApply(
  server: MockServer,
  accessToken: string,
  basic: { name?: string; gender?: 'male' | 'female' } = {},
): Promise<void> {
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  await call('PUT', '/resume/basic', {
    name: basic.name ?? '李雷',
    gender: basic.gender ?? 'male',
    birthYear: 1998,
    cityCode: '330100',
    status: 'unemployed',
  });
  const { response } = (await call('POST', '/__admin/phone-payload', { mobile: '13912345678' })) as {
    response: string;
  };
  await call('POST', '/resume/phone', { response });
}
