export interface PiiKeyRing {
    /** Key id used to encrypt new values. */
    currentKeyId: string;
    /** All keys that may still decrypt stored values: key id -> 32-byte key. */
    keys: Record<string, Buffer>;
    /** Key of the lookup hash (HMAC-SHA256); rotating it means re-indexing. */
    lookupKey: Buffer;
}
/** Builds a key ring from configuration: `kid:base64key,kid2:base64key` and a base64 lookup key. */
export declare function piiKeyRingFromConfig(encryptionKeys: string, lookupKey: string): PiiKeyRing;
/** Encrypts with the current key: `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts). */
export declare function encryptPii(ring: PiiKeyRing, plaintext: string): string;
/** Decrypts with whichever key the value names; throws on tampering or an unknown key. */
export declare function decryptPii(ring: PiiKeyRing, sealed: string): string;
/** Keyed hash for equality lookups: same input, same hash; useless without the key. */
export declare function piiLookupHash(ring: PiiKeyRing, plaintext: string): string;
/** Whether a stored value should be re-encrypted with the current key. */
export declare function needsReencryption(ring: PiiKeyRing, sealed: string): boolean;
