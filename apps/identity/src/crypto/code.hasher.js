"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.generateLoginCode = generateLoginCode;
exports.hashLoginCode = hashLoginCode;
const node_crypto_1 = require("node:crypto");
// One-time login codes: six random digits; only their keyed hash (bound to the challenge) is stored.
/** A uniformly random 6-digit code, leading zeros kept. */
function generateLoginCode() {
    return String((0, node_crypto_1.randomInt)(0, 1_000_000)).padStart(6, '0');
}
/** HMAC-SHA256 of the code bound to its challenge, so a hash is useless for any other challenge. */
function hashLoginCode(key, challengeId, code) {
    return (0, node_crypto_1.createHmac)('sha256', key).update(`${challengeId}:${code}`).digest('base64url');
}
//# sourceMappingURL=code.hasher.js.map