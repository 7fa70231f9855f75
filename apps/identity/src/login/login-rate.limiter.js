"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoginRateLimiter = void 0;
const sliding_window_1 = require("../domain/rate-limit/sliding-window");
/** Per-key sliding windows held in this process (one identity instance per deployment in embedded mode). */
class LoginRateLimiter {
    windowMs;
    maxKeysPerScope;
    // Each map is kept in least-recently-hit order (a hit moves its key to the end), so the expired
    // and the least recently used keys are always at the front.
    scopes = new Map();
    constructor(windowMs, maxKeysPerScope = 100_000) {
        this.windowMs = windowMs;
        this.maxKeysPerScope = maxKeysPerScope;
    }
    /** Answers whether one more hit would be allowed, without recording it. */
    check(scope, key, limit, now) {
        const decision = (0, sliding_window_1.slidingWindow)(this.histories(scope).get(key) ?? [], now, limit, this.windowMs);
        return decision.allowed ? { allowed: true } : { allowed: false, retryAfterMs: decision.retryAfterMs };
    }
    /** Records a hit when within the limit; else answers how long to wait. */
    hit(scope, key, limit, now) {
        const histories = this.histories(scope);
        const decision = (0, sliding_window_1.slidingWindow)(histories.get(key) ?? [], now, limit, this.windowMs);
        if (!decision.allowed)
            return { allowed: false, retryAfterMs: decision.retryAfterMs };
        histories.delete(key);
        histories.set(key, decision.history);
        this.evict(histories, now);
        return { allowed: true };
    }
    /** Number of keys held in a scope (for tests and metrics). */
    size(scope) {
        return this.histories(scope).size;
    }
    histories(scope) {
        let histories = this.scopes.get(scope);
        if (!histories)
            this.scopes.set(scope, (histories = new Map()));
        return histories;
    }
    // Bounded memory: drop keys whose last hit left the window, then, only if still over the bound,
    // the least recently hit ones; never the whole map.
    evict(histories, now) {
        for (const [key, history] of histories) {
            const last = history[history.length - 1] ?? 0;
            if (last > now - this.windowMs && histories.size <= this.maxKeysPerScope)
                break;
            histories.delete(key);
        }
    }
}
exports.LoginRateLimiter = LoginRateLimiter;
//# sourceMappingURL=login-rate.limiter.js.map