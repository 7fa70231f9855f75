"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OPERATOR_TOKEN_MIN_LENGTH = void 0;
exports.requireOperatorToken = requireOperatorToken;
exports.checkOperatorToken = checkOperatorToken;
const node_crypto_1 = require("node:crypto");
const platform_1 = require("@cfc/platform");
/** Shortest IDENTITY_OPERATOR_TOKEN accepted at start. */
exports.OPERATOR_TOKEN_MIN_LENGTH = 32;
// The operator routes (provider key rotation) decide whose signatures ingestion trusts, so the
// private network alone is not enough: they need IDENTITY_OPERATOR_TOKEN as a bearer token.
/** Throws the problem to answer unless `authorization` carries the configured operator token. */
function requireOperatorToken(configured, authorization) {
    if (!configured)
        throw new platform_1.ProblemException(403, 'OPERATOR_ROUTES_DISABLED', 'Forbidden', 'operator routes disabled: IDENTITY_OPERATOR_TOKEN is not set');
    const presented = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!presented || !sameSecret(presented, configured)) {
        throw new platform_1.ProblemException(401, 'UNAUTHENTICATED', 'Unauthorized', 'an operator bearer token is required');
    }
}
/** Start-up check: a configured operator token must be long enough to resist guessing. */
function checkOperatorToken(configured) {
    if (configured !== undefined && configured.length < exports.OPERATOR_TOKEN_MIN_LENGTH) {
        throw new Error(`IDENTITY_OPERATOR_TOKEN must be at least ${exports.OPERATOR_TOKEN_MIN_LENGTH} characters`);
    }
}
// Hashing first gives equal-length inputs, so timingSafeEqual reveals neither length nor prefix.
function sameSecret(a, b) {
    const digest = (s) => (0, node_crypto_1.createHash)('sha256').update(s).digest();
    return (0, node_crypto_1.timingSafeEqual)(digest(a), digest(b));
}
//# sourceMappingURL=operator-token.guard.js.map