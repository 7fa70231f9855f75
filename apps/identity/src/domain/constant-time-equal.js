"use strict";
// Compares secrets' hashes without an early exit, so response time does not reveal a common prefix.
Object.defineProperty(exports, "__esModule", { value: true });
exports.constantTimeEqual = constantTimeEqual;
/** True when both strings are equal; the time taken depends only on their lengths. */
function constantTimeEqual(a, b) {
    let diff = a.length ^ b.length;
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++)
        diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
    return diff === 0;
}
//# sourceMappingURL=constant-time-equal.js.map