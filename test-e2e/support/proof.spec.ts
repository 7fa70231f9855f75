import { createHash } from 'node:crypto';
import { canonicalJson, leafHash, rootFromInclusionProof } from './proof';

// The journey's own proof check, against RFC 9162's recursive definitions (MTH and PATH, section 2.1.1 and
// 2.1.3.1) written out here for trees of 1 to 9 leaves.

const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const split = (n: number) => 2 ** Math.floor(Math.log2(n - 1)); // the largest power of two below n
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0];
  const k = split(leaves.length);
  return sha(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function path(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))] : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}

describe('the e2e inclusion proof check', () => {
  it('leads every leaf of trees of 1 to 9 leaves to the root, and a wrong leaf or index nowhere near it', () => {
    for (let size = 1; size <= 9; size++) {
      const leaves = Array.from({ length: size }, (_, i) => leafHash({ seq: i, type: 't' }));
      const root = mth(leaves);
      for (let index = 0; index < size; index++) {
        const proof = path(index, leaves);
        expect(rootFromInclusionProof(index, size, leaves[index], proof)?.equals(root)).toBe(true);
        expect(rootFromInclusionProof(index, size, leafHash({ seq: index, type: 'u' }), proof)?.equals(root) ?? false).toBe(false);
        if (size > 1) expect(rootFromInclusionProof((index + 1) % size, size, leaves[index], proof)?.equals(root) ?? false).toBe(false);
      }
    }
  });

  it('writes JCS: sorted keys, no spaces, strings as JSON.stringify escapes them', () => {
    expect(canonicalJson({ b: [1, { d: null, c: true }], a: '引号"\n' })).toBe('{"a":"引号\\"\\n","b":[1,{"c":true,"d":null}]}');
  });
});
