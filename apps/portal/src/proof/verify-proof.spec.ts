import audit from './testdata/audit-log.json';
import rfc from './testdata/rfc9162-inclusion.json';
import { fromBase64, fromHex, toBase64, toHex, utf8 } from './bytes';
import { entryLeafHash, leafHash, rootFromInclusionProof, sha256 } from './merkle';
import { type InclusionProof, verifyInclusion } from './verify-proof';

// Vectors: testdata/*.json are written by test/make-proof-vectors.mjs with node:crypto alone, from the
// recursive definitions of RFC 9162 (independent of the iterative check tested here). The constants
// below are the published RFC 6962 vectors (transparency-dev/merkle testdata, the same leaves), so the
// generated files are checked against the published values too. When libs/tlog lands with its copy of
// those vectors, these tests can read them from there.
const PUBLISHED_ROOTS: Record<number, string> = {
  1: '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  2: 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  3: 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  4: 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  5: '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  6: '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  7: 'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  8: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
};
const PUBLISHED_PATHS: Array<[index: number, size: number, path: string[]]> = [
  [0, 1, []],
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];

const leafOf = (index: number) => leafHash(fromHex(rfc.leafInputsHex[index]));
const rootOf = async (index: number, size: number, path: string[]) => {
  const result = await rootFromInclusionProof(index, size, await leafOf(index), path.map(fromHex));
  return result.ok ? toHex(result.root) : result.reason;
};
const proofs = audit.proofs as unknown as InclusionProof[];
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('RFC 9162 inclusion paths', () => {
  it('the generated vectors have the published RFC 6962 roots', () => {
    expect(rfc.rootsHexBySize).toEqual(Object.fromEntries(Object.entries(PUBLISHED_ROOTS)));
  });

  it.each(PUBLISHED_PATHS)('the published path of leaf %i in a tree of %i leads to the published root', async (index, size, path) => {
    expect(await rootOf(index, size, path)).toBe(PUBLISHED_ROOTS[size]);
  });

  it('every leaf of every tree of 1 to 8 leaves leads to its root', async () => {
    for (const { index, size, pathHex } of rfc.inclusion) expect([index, size, await rootOf(index, size, pathHex)]).toEqual([index, size, PUBLISHED_ROOTS[size]]);
  });

  it('a changed hash, another leaf or another position leads elsewhere', async () => {
    const [, , path] = PUBLISHED_PATHS[2];
    const flipped = [...path];
    flipped[1] = flipped[1].replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await rootOf(5, 8, flipped)).not.toBe(PUBLISHED_ROOTS[8]);
    const other = await rootFromInclusionProof(5, 8, await leafOf(4), path.map(fromHex));
    expect(other.ok && toHex(other.root)).not.toBe(PUBLISHED_ROOTS[8]);
    expect(await rootOf(4, 8, path)).not.toBe(PUBLISHED_ROOTS[8]);
  });

  it('refuses paths of the wrong length and leaves outside the tree', async () => {
    const [, , path] = PUBLISHED_PATHS[2];
    expect(await rootOf(5, 8, path.slice(0, 2))).toBe('PATH_INVALID');
    expect(await rootOf(5, 8, [...path, path[0]])).toBe('PATH_INVALID');
    const leaf = await leafOf(5);
    for (const [index, size] of [[8, 8], [-1, 8], [0, 0], [2.5, 8]]) {
      expect(await rootFromInclusionProof(index, size, leaf, path.map(fromHex))).toEqual({ ok: false, reason: 'PATH_INVALID' });
    }
    const short = await rootFromInclusionProof(5, 8, await leafOf(5), [fromHex(path[0]).slice(1), ...path.slice(1).map(fromHex)]);
    expect(short).toEqual({ ok: false, reason: 'PATH_INVALID' });
  });
});

describe('audit entry proofs with the signed checkpoint', () => {
  it('hashes an entry as SHA-256(0x00 || JCS(entry)), the JCS bytes the generator wrote', async () => {
    for (const [i, entry] of audit.entries.entries()) {
      const expected = await sha256(new Uint8Array([0, ...utf8(audit.entriesJcs[i])]));
      expect(toHex(await entryLeafHash(clone(entry)))).toBe(toHex(expected));
    }
  });

  it('verifies every entry: included in checkpoint 11, signed by the test key', async () => {
    for (const proof of proofs) {
      const verdict = await verifyInclusion(proof.seq, clone(proof), { keys: audit.keys });
      expect(verdict).toMatchObject({ ok: true, checkpointSize: 11, keyId: 'audit-test-1', timestamp: '2026-11-01T02:15:00Z' });
    }
  });

  it('takes the key from the proof itself, as a JWK or raw base64, and names its fingerprint', async () => {
    const spki = fromBase64(audit.keys[0].publicKeyPem.replace(/-----[A-Z ]+-----|\s/g, '')) as Uint8Array;
    const raw = spki.slice(12);
    const fingerprint = toHex(await sha256(raw));
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: toBase64(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') };
    expect(await verifyInclusion(3, { ...clone(proofs[3]), keys: [{ keyId: 'audit-test-1', jwk }] })).toMatchObject({ ok: true, keyFingerprint: fingerprint });
    expect(await verifyInclusion(3, { ...clone(proofs[3]), key: { keyId: 'audit-test-1', publicKey: toBase64(raw) } })).toMatchObject({ ok: true, keyFingerprint: fingerprint });
  });

  it('fails loudly on an altered entry: the root does not match', async () => {
    const altered = clone(proofs[4]);
    (altered.entry as unknown as { data: { amount: number } }).data.amount += 1;
    expect(await verifyInclusion(4, altered, { keys: audit.keys })).toEqual({ ok: false, failure: 'ROOT_MISMATCH' });
  });

  it('fails when the proof is for another entry or carries none', async () => {
    expect(await verifyInclusion(5, clone(proofs[4]), { keys: audit.keys })).toEqual({ ok: false, failure: 'ENTRY_MISMATCH' });
    const { entry, ...bare } = clone(proofs[6]);
    expect(await verifyInclusion(6, bare, { keys: audit.keys })).toEqual({ ok: false, failure: 'ENTRY_MISSING' });
    expect(await verifyInclusion(6, bare, { keys: audit.keys, entry })).toMatchObject({ ok: true });
  });

  it('fails on a path that does not lead to the signed root (a swapped sibling)', async () => {
    const swapped = clone(proofs[2]);
    swapped.proof = [...swapped.proof].reverse();
    expect(await verifyInclusion(2, swapped, { keys: audit.keys })).toEqual({ ok: false, failure: 'ROOT_MISMATCH' });
  });

  it('fails when the proof and the checkpoint disagree on the tree', async () => {
    const mixed = { ...clone(proofs[1]), checkpoint: audit.smallerCheckpoint };
    expect(await verifyInclusion(1, mixed, { keys: audit.keys })).toEqual({ ok: false, failure: 'CHECKPOINT_MISMATCH' });
  });

  it('fails on a forged checkpoint: changed after signing, or signed by another key', async () => {
    const changed = clone(proofs[0]);
    changed.checkpoint.timestamp = '2026-11-01T02:16:00Z';
    expect(await verifyInclusion(0, changed, { keys: audit.keys })).toEqual({ ok: false, failure: 'SIGNATURE_INVALID', keyId: 'audit-test-1' });

    const impostor = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const forged = clone(proofs[0]);
    const { treeSize, rootHash, timestamp, keyId } = forged.checkpoint;
    const signedBytes = utf8(JSON.stringify({ keyId, rootHash, timestamp, treeSize }));
    forged.checkpoint.signature = toBase64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, impostor.privateKey, signedBytes as BufferSource)));
    expect(await verifyInclusion(0, forged, { keys: audit.keys })).toEqual({ ok: false, failure: 'SIGNATURE_INVALID', keyId: 'audit-test-1' });
    const impostorRaw = new Uint8Array(await crypto.subtle.exportKey('raw', impostor.publicKey));
    expect(await verifyInclusion(0, forged, { keys: [{ keyId: 'audit-test-1', publicKey: toBase64(impostorRaw) }] })).toMatchObject({ ok: true });
  });

  it('fails when no key with the checkpoint\'s keyId is known', async () => {
    expect(await verifyInclusion(0, clone(proofs[0]))).toEqual({ ok: false, failure: 'KEY_UNKNOWN', keyId: 'audit-test-1' });
    expect(await verifyInclusion(0, clone(proofs[0]), { keys: [{ ...audit.keys[0], keyId: 'other' }] })).toMatchObject({ failure: 'KEY_UNKNOWN' });
  });

  it('answers MALFORMED for anything that is not an inclusion proof', async () => {
    for (const body of [null, 'proof', {}, { ...clone(proofs[0]), proof: 'x' }, { ...clone(proofs[0]), checkpoint: {} }, { ...clone(proofs[0]), proof: ['not base64!'] }]) {
      expect(await verifyInclusion(0, body, { keys: audit.keys })).toEqual({ ok: false, failure: 'MALFORMED' });
    }
  });
});
