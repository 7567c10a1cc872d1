import type { FastifyInstance } from 'fastify';
import { createRandom, type Random } from '../seed/prng';
import { ApiError } from './api-error';

/** QA fault switches: slow answers, failing answers, dropped realtime connections. */
export interface Faults {
  /** Added to every answer, ms. */
  latencyMs: number;
  /** Share of requests answered 503 `unavailable`, 0..1. */
  errorRate: number;
  /** Chance, 0..1, that a realtime connection is dropped at each check (each frame and every few seconds). */
  dropSocketRate: number;
}

export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, dropSocketRate: 0 };

export class FaultSwitches {
  private current: Faults;
  private readonly random: Random;

  constructor(initial: Partial<Faults> = {}, seed = 'faults') {
    this.current = { ...NO_FAULTS, ...initial };
    // Seeded so a QA run with the same switches fails the same requests.
    this.random = createRandom(`${seed}:faults`);
  }

  get(): Faults {
    return { ...this.current };
  }

  set(changes: Partial<Faults>): Faults {
    this.current = { ...this.current, ...changes };
    return this.get();
  }

  shouldFailRequest(): boolean {
    return this.current.errorRate > 0 && this.random.next() < this.current.errorRate;
  }

  shouldDropSocket(): boolean {
    return this.current.dropSocketRate > 0 && this.random.next() < this.current.dropSocketRate;
  }
}

/** The admin API is how QA turns faults off again, so it is never slowed or failed. */
export function isFaultExempt(method: string, url: string): boolean {
  return method === 'OPTIONS' || url.startsWith('/__admin');
}

export function registerFaultInjection(app: FastifyInstance, faults: FaultSwitches): void {
  app.addHook('onRequest', async (request) => {
    if (isFaultExempt(request.method, request.url)) return;
    const { latencyMs } = faults.get();
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (faults.shouldFailRequest()) throw new ApiError(503, 'unavailable', '服务暂时不可用，请稍后重试');
  });
}
