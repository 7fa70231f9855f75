"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.takeToken = takeToken;
/** Takes one token from the bucket if it has one, after refilling for the time passed (ms). */
function takeToken(bucket, now, capacity, perSecond) {
    const current = bucket ?? { tokens: capacity, updatedAt: now };
    const tokens = Math.min(capacity, current.tokens + ((now - current.updatedAt) / 1000) * perSecond);
    if (tokens >= 1)
        return { allowed: true, bucket: { tokens: tokens - 1, updatedAt: now }, retryAfterSeconds: 0 };
    return { allowed: false, bucket: { tokens, updatedAt: now }, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
}
//# sourceMappingURL=token-bucket.js.map