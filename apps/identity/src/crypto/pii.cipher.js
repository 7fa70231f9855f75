"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.piiKeyRingFromConfig = piiKeyRingFromConfig;
exports.encryptPii = encryptPii;
exports.decryptPii = decryptPii;
exports.piiLookupHash = piiLookupHash;
exports.needsReencryption = needsReencryption;
const node_crypto_1 = require("node:crypto");
const VERSION = 'v1';
/** Builds a key ring from configuration: `kid:base64key,kid2:base64key` and a base64 lookup key. */
function piiKeyRingFromConfig(encryptionKeys, lookupKey) {
    const entries = encryptionKeys.split(',').map((entry) => {
        const [kid, key] = entry.split(':');
        const bytes = Buffer.from(key ?? '', 'base64');
        if (!kid || bytes.length !== 32)
            throw new Error(`PII encryption key "${kid}" must be 32 bytes of base64`);
        return [kid, bytes];
    });
    const lookup = Buffer.from(lookupKey, 'base64');
    if (lookup.length < 32)
        throw new Error('PII lookup key must be at least 32 bytes of base64');
    return { currentKeyId: entries[0][0], keys: Object.fromEntries(entries), lookupKey: lookup };
}
/** Encrypts with the current key: `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts). */
function encryptPii(ring, plaintext) {
    const iv = (0, node_crypto_1.randomBytes)(12);
    const cipher = (0, node_crypto_1.createCipheriv)('aes-256-gcm', ring.keys[ring.currentKeyId], iv);
    cipher.setAAD(Buffer.from(`${VERSION}.${ring.currentKeyId}`));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, ring.currentKeyId, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}
/** Decrypts with whichever key the value names; throws on tampering or an unknown key. */
function decryptPii(ring, sealed) {
    const [version, kid, iv, tag, body] = sealed.split('.');
    const key = ring.keys[kid];
    if (version !== VERSION || !key || body === undefined)
        throw new Error(`cannot decrypt personal data sealed with key "${kid}"`);
    const decipher = (0, node_crypto_1.createDecipheriv)('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${version}.${kid}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
/** Keyed hash for equality lookups: same input, same hash; useless without the key. */
function piiLookupHash(ring, plaintext) {
    return (0, node_crypto_1.createHmac)('sha256', ring.lookupKey).update(plaintext, 'utf8').digest('base64url');
}
/** Whether a stored value should be re-encrypted with the current key. */
function needsReencryption(ring, sealed) {
    return sealed.split('.')[1] !== ring.currentKeyId;
}
//# sourceMappingURL=pii.cipher.js.map