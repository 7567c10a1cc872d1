import type { MockServer, MockServerOptions } from '../../mock/server';
import { setMockFaults, startEphemeralMock, type EphemeralMock } from '../../scripts/lib/ephemeral-mock';

/** The real mock backend on an ephemeral port with its own database file, for one test file. */
export function startMockServer(options: MockServerOptions = {}): Promise<EphemeralMock> {
  return startEphemeralMock({ seed: { jobs: 120, seed: 'page-tests' }, ...options });
}

export function setFaults(server: MockServer, faults: Record<string, number>): Promise<void> {
  return setMockFaults(server.url, faults);
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
