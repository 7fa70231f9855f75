import { takeToken, type Bucket } from './token-bucket';

/** In-process buckets for one kind of key (client address, or token subject). */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from `key`'s bucket; retryAfterSeconds when refused. */
  take(key: string): { allowed: boolean; retryAfterSeconds: number } {
    const decision = takeToken(this.buckets.get(key), this.now(), this.capacity, this.perSecond);
    if (this.buckets.size > 100_000) this.buckets.clear(); // bounded memory under a flood of keys
    this.buckets.set(key, decision.bucket);
    return decision;
  }
}
