/** How fast one sender may post: a bucket of `burst` messages refilled at `perSecond`. */
export interface ChatRate {
  burst: number;
  perSecond: number;
}

/** A person types a few messages a second at most; a script is slowed down. */
export const DEFAULT_CHAT_RATE: ChatRate = { burst: 20, perSecond: 2 };

/** Token buckets per sender, in memory (a restart forgives everyone). */
export class FloodGuard {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rate: ChatRate = DEFAULT_CHAT_RATE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one message from `sender`'s bucket; false when it is empty. */
  allow(sender: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(sender) ?? { tokens: this.rate.burst, at: now };
    bucket.tokens = Math.min(this.rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate.perSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(sender, bucket);
    return allowed;
  }
}
