export interface RateLimitDecision {
    allowed: boolean;
    /** Milliseconds until one more request would be allowed (0 when allowed). */
    retryAfterMs: number;
    /** The history to keep: only hits still inside the window, plus this one when allowed. */
    history: number[];
}
/** Allows at most `limit` hits per `windowMs` (timestamps in ms). */
export declare function slidingWindow(history: readonly number[], now: number, limit: number, windowMs: number): RateLimitDecision;
