"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.slidingWindow = slidingWindow;
/** Allows at most `limit` hits per `windowMs` (timestamps in ms). */
function slidingWindow(history, now, limit, windowMs) {
    const recent = history.filter((t) => t > now - windowMs);
    if (recent.length < limit)
        return { allowed: true, retryAfterMs: 0, history: [...recent, now] };
    return { allowed: false, retryAfterMs: recent[recent.length - limit] + windowMs - now, history: recent };
}
//# sourceMappingURL=sliding-window.js.map