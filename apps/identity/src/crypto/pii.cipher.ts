import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// Legal representatives' ID numbers, names and mobiles are personal data: stored only as AES-256-GCM
// ciphertext (tagged with the key id, so keys can rotate); those a login must match (ID number, name)
// also as a keyed hash, never as plaintext.
export interface PiiKeyRing {
  /** Key id used to encrypt new values. */
  currentKeyId: string;
  /** All keys that may still decrypt stored values: key id -> 32-byte key. */
  keys: Record<string, Buffer>;
  /** Key of the lookup hash (HMAC-SHA256); rotating it means re-indexing. */
  lookupKey: Buffer;
}

const VERSION = 'v1';

/** Builds a key ring from configuration: `kid:base64key,kid2:base64key` and a base64 lookup key. */
export function piiKeyRingFromConfig(encryptionKeys: string, lookupKey: string): PiiKeyRing {
  const entries = encryptionKeys.split(',').map((entry) => {
    const [kid, key] = entry.split(':');
    const bytes = Buffer.from(key ?? '', 'base64');
    if (!kid || bytes.length !== 32) throw new Error(`PII encryption key "${kid}" must be 32 bytes of base64`);
    return [kid, bytes] as const;
  });
  const lookup = Buffer.from(lookupKey, 'base64');
  if (lookup.length < 32) throw new Error('PII lookup key must be at least 32 bytes of base64');
  return { currentKeyId: entries[0][0], keys: Object.fromEntries(entries), lookupKey: lookup };
}

/** Encrypts with the current key: `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts). */
export function encryptPii(ring: PiiKeyRing, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.keys[ring.currentKeyId], iv);
  cipher.setAAD(Buffer.from(`${VERSION}.${ring.currentKeyId}`));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, ring.currentKeyId, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Decrypts with whichever key the value names; throws on tampering or an unknown key. */
export function decryptPii(ring: PiiKeyRing, sealed: string): string {
  const [version, kid, iv, tag, body] = sealed.split('.');
  const key = ring.keys[kid];
  if (version !== VERSION || !key || body === undefined) throw new Error(`cannot decrypt personal data sealed with key "${kid}"`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`${version}.${kid}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Keyed hash for equality lookups: same input, same hash; useless without the key. */
export function piiLookupHash(ring: PiiKeyRing, plaintext: string): string {
  return createHmac('sha256', ring.lookupKey).update(plaintext, 'utf8').digest('base64url');
}

/** Whether a stored value should be re-encrypted with the current key. */
export function needsReencryption(ring: PiiKeyRing, sealed: string): boolean {
  return sealed.split('.')[1] !== ring.currentKeyId;
}
