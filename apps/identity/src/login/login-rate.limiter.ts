import { slidingWindow } from '../domain/rate-limit/sliding-window';

/** Per-key sliding windows held in this process (one identity instance per deployment in embedded mode). */
export class LoginRateLimiter {
  private readonly histories = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  /** Records a hit for every key if all are within their limits; else the longest wait in ms. */
  hit(limits: { key: string; limit: number }[], now: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const decisions = limits.map(({ key, limit }) => ({ key, decision: slidingWindow(this.histories.get(key) ?? [], now, limit, this.windowMs) }));
    const refused = decisions.filter((d) => !d.decision.allowed);
    if (refused.length) return { allowed: false, retryAfterMs: Math.max(...refused.map((d) => d.decision.retryAfterMs)) };
    for (const { key, decision } of decisions) this.histories.set(key, decision.history);
    if (this.histories.size > 100_000) this.histories.clear(); // bounded memory under a flood of addresses
    return { allowed: true };
  }
}
