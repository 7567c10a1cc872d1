import type { ApiErrorBody } from '../../services/contracts/errors';
import type { Faults } from '../../mock/http/faults';
import { FaultSwitches, isFaultExempt } from '../../mock/http/faults';
import { startTestBackend, type TestBackend } from './mock-fixture';

describe('mock backend fault switches', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ seed: { jobs: 30 }, faults: { errorRate: 1 } });
  });
  afterAll(() => backend.close());

  const setFaults = (changes: Partial<Faults>) => backend.request<Faults>('POST', '/__admin/faults', { body: changes });

  it('answers 503 unavailable at error rate 1, but never on the admin API', async () => {
    const failed = await backend.request<ApiErrorBody>('GET', '/jobs', {
      headers: { origin: 'http://127.0.0.1:5173' },
    });
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('unavailable');
    expect(failed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');

    const faults = await backend.request<Faults>('GET', '/__admin/faults');
    expect(faults.status).toBe(200);
    expect(faults.body).toEqual({ latencyMs: 0, errorRate: 1, dropSocketRate: 0 });

    expect((await setFaults({ errorRate: 0 })).body.errorRate).toBe(0);
    expect((await backend.request('GET', '/jobs')).status).toBe(200);
  });

  it('adds latency when asked', async () => {
    await setFaults({ latencyMs: 150 });
    const started = Date.now();
    expect((await backend.request('GET', '/jobs?limit=1')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await setFaults({ latencyMs: 0 });
  });

  it('validates fault settings', async () => {
    const response = await backend.request<ApiErrorBody>('POST', '/__admin/faults', {
      body: { errorRate: 2, latencyMs: 'slow' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields?.map((f) => f.path).sort()).toEqual(['errorRate', 'latencyMs']);
  });

  it('fails about the requested share of requests, reproducibly for a seed', () => {
    const draws = (seed: string) => {
      const switches = new FaultSwitches({ errorRate: 0.3 }, seed);
      return Array.from({ length: 1000 }, () => switches.shouldFailRequest());
    };
    const failures = draws('s').filter(Boolean).length;
    expect(failures).toBeGreaterThan(250);
    expect(failures).toBeLessThan(350);
    expect(draws('s')).toEqual(draws('s'));
    expect(isFaultExempt('GET', '/__admin/faults')).toBe(true);
    expect(isFaultExempt('OPTIONS', '/jobs')).toBe(true);
    expect(isFaultExempt('GET', '/jobs')).toBe(false);
  });
});
