/**
 * In-process buckets for one kind of key (client address, or token subject); the gateway keeps one instance per
 * kind, so a flood of addresses never touches the per-token buckets. Memory stays bounded by evicting, when over
 * `maxKeys`, first the buckets that have refilled to capacity (they carry no state: a fresh bucket is identical),
 * then the least recently used ones. Never all at once: a flood must not reset everyone's limits.
 */
export declare class RateLimiter {
    private readonly capacity;
    private readonly perSecond;
    private readonly now;
    private readonly maxKeys;
    /** Map order is recency order: a key is re-inserted on every take, so the first entries are the least recent. */
    private readonly buckets;
    constructor(capacity: number, perSecond: number, now?: () => number, maxKeys?: number);
    /** Takes one request from `key`'s bucket; retryAfterSeconds when refused. */
    take(key: string): {
        allowed: boolean;
        retryAfterSeconds: number;
    };
    /** Number of keys held, for tests and metrics. */
    get size(): number;
    private evict;
}
