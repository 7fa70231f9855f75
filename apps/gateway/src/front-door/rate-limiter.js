"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimiter = void 0;
const token_bucket_1 = require("./token-bucket");
/**
 * In-process buckets for one kind of key (client address, or token subject); the gateway keeps one instance per
 * kind, so a flood of addresses never touches the per-token buckets. Memory stays bounded by evicting, when over
 * `maxKeys`, first the buckets that have refilled to capacity (they carry no state: a fresh bucket is identical),
 * then the least recently used ones. Never all at once: a flood must not reset everyone's limits.
 */
class RateLimiter {
    capacity;
    perSecond;
    now;
    maxKeys;
    /** Map order is recency order: a key is re-inserted on every take, so the first entries are the least recent. */
    buckets = new Map();
    constructor(capacity, perSecond, now = Date.now, maxKeys = 100_000) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.now = now;
        this.maxKeys = maxKeys;
    }
    /** Takes one request from `key`'s bucket; retryAfterSeconds when refused. */
    take(key) {
        const now = this.now();
        const previous = this.buckets.get(key);
        if (previous)
            this.buckets.delete(key);
        const decision = (0, token_bucket_1.takeToken)(previous, now, this.capacity, this.perSecond);
        this.buckets.set(key, decision.bucket);
        if (this.buckets.size > this.maxKeys)
            this.evict(now);
        return decision;
    }
    /** Number of keys held, for tests and metrics. */
    get size() {
        return this.buckets.size;
    }
    evict(now) {
        for (const [key, bucket] of this.buckets) {
            if (bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.perSecond >= this.capacity)
                this.buckets.delete(key);
        }
        // Still full of live buckets: drop the least recent down to 90%, so the next sweep is maxKeys/10 inserts away.
        const target = Math.floor(this.maxKeys * 0.9);
        for (const key of this.buckets.keys()) {
            if (this.buckets.size <= target)
                break;
            this.buckets.delete(key);
        }
    }
}
exports.RateLimiter = RateLimiter;
//# sourceMappingURL=rate-limiter.js.map