import { generateKeyPairSync, verify } from 'node:crypto';
import { validateAuditCheckpoint } from '@cfc/contracts';
import { leafHash } from '../merkle/hashing';
import { checkpointSignedBytes, parseCheckpoint, signCheckpoint, verifyCheckpoint, verifyCheckpointSignature } from './json-checkpoint';

describe('JSON checkpoint (CONTRACT.md)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const root = Buffer.from(leafHash(Buffer.from('root')));
  const checkpoint = signCheckpoint({ treeSize: 1234, rootHash: root, timestamp: new Date('2026-03-01T08:00:00.123Z'), keyId: 'audit-2026' }, privateKey);

  it('signs the JCS bytes of treeSize, rootHash, timestamp and keyId, and matches the contract schema', () => {
    const expected = `{"keyId":"audit-2026","rootHash":"${root.toString('base64')}","timestamp":"2026-03-01T08:00:00.123Z","treeSize":1234}`;
    expect(checkpointSignedBytes(checkpoint).toString()).toBe(expected);
    expect(verify(null, Buffer.from(expected), publicKey, Buffer.from(checkpoint.signature, 'base64'))).toBe(true);
    expect(validateAuditCheckpoint.check(checkpoint).ok).toBe(true);
    expect(verifyCheckpointSignature(checkpoint, publicKey)).toBe(true);
  });

  it('fails when any signed field, the signature or the key changes', () => {
    const tampered = [
      { ...checkpoint, treeSize: 1235 },
      { ...checkpoint, rootHash: Buffer.from(leafHash(Buffer.from('other'))).toString('base64') },
      { ...checkpoint, timestamp: '2026-03-01T08:00:00.124Z' },
      { ...checkpoint, keyId: 'audit-2027' },
      { ...checkpoint, signature: Buffer.from(Buffer.from(checkpoint.signature, 'base64').map((b, i) => (i === 10 ? b ^ 1 : b))).toString('base64') },
      { ...checkpoint, signature: checkpoint.signature.replace(/=$/, '') },
    ];
    for (const cp of tampered) expect(verifyCheckpointSignature(cp, publicKey)).toBe(false);
    expect(verifyCheckpointSignature(checkpoint, other.publicKey)).toBe(false);
  });

  it('names an unknown key and a bad signature apart', () => {
    expect(verifyCheckpoint(checkpoint, new Map([['audit-2026', publicKey]]))).toEqual({ ok: true });
    expect(verifyCheckpoint(checkpoint, new Map([['audit-2025', publicKey]]))).toEqual({ ok: false, kind: 'UNKNOWN_KEY' });
    expect(verifyCheckpoint(checkpoint, new Map([['audit-2026', other.publicKey]]))).toEqual({ ok: false, kind: 'BAD_SIGNATURE' });
  });

  it('parses the raw value and refuses malformed ones with a reason', () => {
    const parsed = parseCheckpoint(Buffer.from(JSON.stringify(checkpoint)));
    expect(parsed).toEqual({ ok: true, checkpoint, rootHash: root });
    const bad: [unknown, RegExp][] = [
      ['nope', /not JSON/],
      [[1], /not a JSON object/],
      [{ ...checkpoint, extra: 1 }, /unexpected field\(s\) extra/],
      [{ ...checkpoint, treeSize: -1 }, /treeSize/],
      [{ ...checkpoint, treeSize: 1.5 }, /treeSize/],
      [{ ...checkpoint, rootHash: 'AAAA' }, /rootHash/],
      [{ ...checkpoint, rootHash: root.toString('base64url') }, /rootHash/],
      [{ ...checkpoint, timestamp: '2026-03-01 08:00' }, /timestamp/],
      [{ ...checkpoint, keyId: '' }, /keyId/],
      [{ ...checkpoint, signature: 7 }, /signature/],
    ];
    for (const [value, reason] of bad) {
      const result = parseCheckpoint(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });

  it('refuses to sign with a public key or a non-Ed25519 key, or a malformed head', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const content = { treeSize: 1, rootHash: root, timestamp: '2026-03-01T08:00:00Z', keyId: 'k' };
    expect(() => signCheckpoint(content, publicKey)).toThrow(/private key/);
    expect(() => signCheckpoint(content, rsa.privateKey)).toThrow(/Ed25519/);
    expect(() => signCheckpoint({ ...content, timestamp: 'yesterday' }, privateKey)).toThrow(/RFC 3339/);
    expect(() => signCheckpoint({ ...content, rootHash: root.subarray(1) }, privateKey)).toThrow(/32 bytes/);
  });
});
