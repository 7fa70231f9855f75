// Sliding-window rate limit as a pure function: the caller keeps the history per key (USCC, address).
export interface RateLimitDecision {
  allowed: boolean;
  /** Milliseconds until one more request would be allowed (0 when allowed). */
  retryAfterMs: number;
  /** The history to keep: only hits still inside the window, plus this one when allowed. */
  history: number[];
}

/** Allows at most `limit` hits per `windowMs` (timestamps in ms). */
export function slidingWindow(history: readonly number[], now: number, limit: number, windowMs: number): RateLimitDecision {
  const recent = history.filter((t) => t > now - windowMs);
  if (recent.length < limit) return { allowed: true, retryAfterMs: 0, history: [...recent, now] };
  return { allowed: false, retryAfterMs: recent[recent.length - limit] + windowMs - now, history: recent };
}
