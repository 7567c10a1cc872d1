import os from 'node:os';
import { isLoopbackAddress } from '../../mock/http/loopback';
import { startTestBackend, type TestBackend } from './mock-fixture';

/** A non-loopback IPv4 address of this machine, to call the server as if from the network. */
function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;
}

describe('mock backend loopback-only tools', () => {
  it('tells loopback addresses from others', () => {
    for (const address of ['127.0.0.1', '127.0.1.1', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address)).toBe(true);
    }
    for (const address of ['10.0.0.5', '192.168.1.20', '::ffff:192.168.1.20', 'fe80::1', '', undefined]) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });

  const lan = lanAddress();
  (lan ? it : it.skip)('refuses the admin and employer APIs to a caller on the network with 403', async () => {
    const backend: TestBackend = await startTestBackend({ host: '0.0.0.0', seed: { jobs: 20 } });
    try {
      const viaLan = `http://${lan}:${backend.server.port}`;
      const admin = await fetch(`${viaLan}/__admin/faults`);
      expect(admin.status).toBe(403);
      expect(await admin.json()).toMatchObject({ error: { code: 'forbidden' } });
      const employer = await fetch(`${viaLan}/employer/applications`, { headers: { 'x-hr-id': '1' } });
      expect(employer.status).toBe(403);
      // The public API still answers on the network.
      expect((await fetch(`${viaLan}/jobs?limit=1`)).status).toBe(200);
      // And loopback callers still get the admin API.
      expect((await fetch(`http://127.0.0.1:${backend.server.port}/__admin/faults`)).status).toBe(200);
    } finally {
      await backend.close();
    }
  });
});
