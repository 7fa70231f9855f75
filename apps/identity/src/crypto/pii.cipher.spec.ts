import { randomBytes } from 'node:crypto';
import { decryptPii, encryptPii, needsReencryption, piiKeyRingFromConfig, piiLookupHash } from './pii.cipher';

const key = () => randomBytes(32).toString('base64');

describe('personal data cipher', () => {
  const lookup = key();
  const oldRing = piiKeyRingFromConfig(`k1:${key()}`, lookup);
  const ring = piiKeyRingFromConfig(`k2:${key()},k1:${oldRing.keys.k1.toString('base64')}`, lookup);
  const id = '11010519491231002X';

  it('round-trips, never shows the plaintext, and differs on every encryption', () => {
    const a = encryptPii(ring, id);
    expect(a).not.toContain(id);
    expect(a.startsWith('v1.k2.')).toBe(true);
    expect(encryptPii(ring, id)).not.toEqual(a);
    expect(decryptPii(ring, a)).toBe(id);
  });

  it('decrypts values sealed with an older key and flags them for re-encryption', () => {
    const sealed = encryptPii(oldRing, id);
    expect(decryptPii(ring, sealed)).toBe(id);
    expect(needsReencryption(ring, sealed)).toBe(true);
    expect(needsReencryption(ring, encryptPii(ring, id))).toBe(false);
  });

  it('detects tampering and unknown keys', () => {
    const sealed = encryptPii(ring, id);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('110105194912310021').toString('base64url');
    expect(() => decryptPii(ring, parts.join('.'))).toThrow();
    expect(() => decryptPii(oldRing, sealed)).toThrow(/k2/);
  });

  it('finds by a keyed hash that depends on the key', () => {
    expect(piiLookupHash(ring, id)).toBe(piiLookupHash(oldRing, id));
    expect(piiLookupHash(piiKeyRingFromConfig(`k1:${key()}`, key()), id)).not.toBe(piiLookupHash(ring, id));
  });

  it('refuses short keys', () => {
    expect(() => piiKeyRingFromConfig('k1:c2hvcnQ=', lookup)).toThrow(/32 bytes/);
  });
});
