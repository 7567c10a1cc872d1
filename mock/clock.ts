import type { Database } from 'better-sqlite3';
import { readMeta, writeMeta } from './db/database';

const SIMULATED_AT_KEY = 'clock.simulated_at';

/**
 * The backend's notion of "now" for applications, messages and the employer autopilot: simulated time
 * runs at `scale` × real time and can be pushed forward by the admin API. It never runs backwards, even
 * across restarts. Token expiry uses real time instead: security does not time-travel.
 */
export class SimulatedClock {
  private anchorReal: number;
  private anchorSimulated: number;

  constructor(
    private readonly db: Database,
    readonly scale: number,
    private readonly realNow: () => number = Date.now,
  ) {
    this.anchorReal = realNow();
    const saved = Number(readMeta(db, SIMULATED_AT_KEY) ?? 0);
    this.anchorSimulated = Math.max(this.anchorReal, saved);
  }

  now(): number {
    return Math.floor(this.anchorSimulated + (this.realNow() - this.anchorReal) * this.scale);
  }

  /** Moves simulated time forward by `ms`; returns the new now. */
  advance(ms: number): number {
    this.anchorSimulated = this.now() + Math.max(0, ms);
    this.anchorReal = this.realNow();
    this.save();
    return this.anchorSimulated;
  }

  save(): void {
    writeMeta(this.db, SIMULATED_AT_KEY, String(this.now()));
  }
}

export function iso(time: number): string {
  return new Date(time).toISOString();
}

export function isoOrNull(time: number | null): string | null {
  return time === null ? null : iso(time);
}
