import { slidingWindow } from '../domain/rate-limit/sliding-window';

/** The separate key spaces: a flood in one (addresses) can never evict entries of another (USCCs). */
export type LoginRateScope = 'uscc' | 'address' | 'mismatch';

export type LoginRateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Per-key sliding windows held in this process (one identity instance per deployment in embedded mode). */
export class LoginRateLimiter {
  // Each map is kept in least-recently-hit order (a hit moves its key to the end), so the expired
  // and the least recently used keys are always at the front.
  private readonly scopes = new Map<LoginRateScope, Map<string, number[]>>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeysPerScope = 100_000,
  ) {}

  /** Answers whether one more hit would be allowed, without recording it. */
  check(scope: LoginRateScope, key: string, limit: number, now: number): LoginRateDecision {
    const decision = slidingWindow(this.histories(scope).get(key) ?? [], now, limit, this.windowMs);
    return decision.allowed ? { allowed: true } : { allowed: false, retryAfterMs: decision.retryAfterMs };
  }

  /** Records a hit when within the limit; else answers how long to wait. */
  hit(scope: LoginRateScope, key: string, limit: number, now: number): LoginRateDecision {
    const histories = this.histories(scope);
    const decision = slidingWindow(histories.get(key) ?? [], now, limit, this.windowMs);
    if (!decision.allowed) return { allowed: false, retryAfterMs: decision.retryAfterMs };
    histories.delete(key);
    histories.set(key, decision.history);
    this.evict(histories, now);
    return { allowed: true };
  }

  /** Number of keys held in a scope (for tests and metrics). */
  size(scope: LoginRateScope): number {
    return this.histories(scope).size;
  }

  private histories(scope: LoginRateScope): Map<string, number[]> {
    let histories = this.scopes.get(scope);
    if (!histories) this.scopes.set(scope, (histories = new Map()));
    return histories;
  }

  // Bounded memory: drop keys whose last hit left the window, then, only if still over the bound,
  // the least recently hit ones; never the whole map.
  private evict(histories: Map<string, number[]>, now: number): void {
    for (const [key, history] of histories) {
      const last = history[history.length - 1] ?? 0;
      if (last > now - this.windowMs && histories.size <= this.maxKeysPerScope) break;
      histories.delete(key);
    }
  }
}
