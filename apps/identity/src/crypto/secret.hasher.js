"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hashSecret = hashSecret;
exports.verifySecret = verifySecret;
const node_crypto_1 = require("node:crypto");
// Institution client secrets are stored only as scrypt hashes and compared in constant time.
const PARAMS = { N: 16384, r: 8, p: 1, keylen: 32 };
function scryptAsync(secret, salt, keylen, options) {
    return new Promise((resolve, reject) => (0, node_crypto_1.scrypt)(secret, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}
/** `scrypt$N$r$p$salt$hash` (base64url salt and hash), self-describing so parameters can grow. */
async function hashSecret(secret) {
    const salt = (0, node_crypto_1.randomBytes)(16);
    const key = await scryptAsync(secret, salt, PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p });
    return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}
/** True when `secret` matches the stored hash; the comparison takes the same time for any mismatch. */
async function verifySecret(secret, stored) {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt' || !hash)
        return false;
    const expected = Buffer.from(hash, 'base64url');
    const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
    return (0, node_crypto_1.timingSafeEqual)(actual, expected);
}
//# sourceMappingURL=secret.hasher.js.map