import proofVectors from '../testdata/rfc6962-proofs.json';
import treeVectors from '../testdata/rfc6962-tree.json';
import { referenceConsistency, referenceLeafHash, referencePath, referenceRoot, sampleLeaves } from '../testing/reference-tree';
import { CompactRange } from './compact-range';
import type { Hash } from './hashing';
import { MemoryNodeStore } from './node-reader';
import { consistencyProof, inclusionProof, rootAt } from './proofs';
import { verifyConsistency, verifyInclusion } from './verify';

const hex = (hashes: readonly Uint8Array[]): string[] => hashes.map((h) => Buffer.from(h).toString('hex'));

function storeOf(data: readonly Buffer[]): MemoryNodeStore {
  const store = new MemoryNodeStore();
  const range = CompactRange.empty();
  for (const d of data) store.put(range.appendData(d));
  return store;
}

/** Every way to break a proof: flip a bit in each hash, drop one, add one. */
function tamperings(proof: readonly Hash[]): Hash[][] {
  const out: Hash[][] = [];
  proof.forEach((_, i) => {
    const flipped = proof.map((h) => Buffer.from(h));
    flipped[i][i % 32] ^= 0x10;
    out.push(flipped);
    out.push(proof.filter((__, j) => j !== i));
  });
  out.push([...proof, Buffer.alloc(32, 0xab)]);
  out.push([Buffer.alloc(32, 0xcd), ...proof]);
  return out;
}

describe('proofs from stored hashes', () => {
  const published = treeVectors.leafInputsHex.map((h) => Buffer.from(h, 'hex'));
  const publishedStore = storeOf(published);

  it('generates the published RFC 6962 inclusion proofs', async () => {
    for (const v of proofVectors.inclusion) {
      expect(hex(await inclusionProof(v.index, v.treeSize, publishedStore))).toEqual(v.proofHex);
    }
  });

  it('generates the published RFC 6962 consistency proofs', async () => {
    for (const v of proofVectors.consistency) {
      expect(hex(await consistencyProof(v.first, v.second, publishedStore))).toEqual(v.proofHex);
    }
  });

  it('gives the published root for every size of the published tree, from stored hashes alone', async () => {
    for (let size = 0; size <= 8; size++) {
      expect(hex([await rootAt(size, publishedStore)])).toEqual([treeVectors.rootHashesHexBySize[size]]);
    }
  });

  const data = sampleLeaves(64);
  const leaves = data.map(referenceLeafHash);
  const store = storeOf(data);
  const roots = Array.from({ length: 65 }, (_, n) => referenceRoot(leaves.slice(0, n)));

  // One expectation per test over all pairs: jest's matchers would cost more than the proofs.
  it('matches the naive PATH for every (index, size) up to 64, and every proof verifies', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (let size = 1; size <= 64; size++) {
      for (let index = 0; index < size; index++) {
        const proof = await inclusionProof(index, size, store);
        if (hex(proof).join() !== hex(referencePath(index, leaves, size)).join()) wrong.push(`PATH(${index}, ${size}) differs`);
        if (!verifyInclusion(index, size, leaves[index], proof, roots[size])) wrong.push(`PATH(${index}, ${size}) does not verify`);
        checked++;
      }
    }
    expect({ checked, wrong }).toEqual({ checked: 2080, wrong: [] });
  });

  it('matches the naive PROOF for every (m, n) up to 64, and every proof verifies', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (let n = 1; n <= 64; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = await consistencyProof(m, n, store);
        if (hex(proof).join() !== hex(referenceConsistency(m, leaves, n)).join()) wrong.push(`PROOF(${m}, ${n}) differs`);
        if (!verifyConsistency(m, n, roots[m], roots[n], proof)) wrong.push(`PROOF(${m}, ${n}) does not verify`);
        checked++;
      }
    }
    expect({ checked, wrong }).toEqual({ checked: 2080, wrong: [] });
  });

  it('rejects every tampered inclusion proof, wrong leaf, index, size or root', async () => {
    for (const [index, size] of [[0, 1], [0, 2], [5, 8], [6, 7], [12, 13], [31, 64], [40, 63]]) {
      const proof = await inclusionProof(index, size, store);
      for (const bad of tamperings(proof)) expect(verifyInclusion(index, size, leaves[index], bad, roots[size])).toBe(false);
      expect(verifyInclusion(index, size, leaves[(index + 1) % 64], proof, roots[size])).toBe(false);
      if (index + 1 < size) expect(verifyInclusion(index + 1, size, leaves[index], proof, roots[size])).toBe(false);
      expect(verifyInclusion(index, size + 1, leaves[index], proof, roots[size + 1])).toBe(false);
      expect(verifyInclusion(index, size, leaves[index], proof, roots[size - 1] ?? roots[0])).toBe(false);
    }
  });

  it('rejects every tampered consistency proof, swapped roots and wrong sizes', async () => {
    for (const [m, n] of [[1, 2], [3, 7], [4, 8], [6, 8], [7, 64], [32, 63], [33, 64]]) {
      const proof = await consistencyProof(m, n, store);
      for (const bad of tamperings(proof)) expect(verifyConsistency(m, n, roots[m], roots[n], bad)).toBe(false);
      expect(verifyConsistency(m, n, roots[n], roots[m], proof)).toBe(false);
      expect(verifyConsistency(m, n, roots[m - 1], roots[n], proof)).toBe(false);
      expect(verifyConsistency(m, n - 1, roots[m], roots[n - 1], proof)).toBe(false);
    }
  });

  it('asks the reader once per proof, only for complete subtrees, and refuses impossible requests', async () => {
    const calls: string[][] = [];
    const counting = { readNodes: (ids: readonly { level: number; index: number }[]) => (calls.push(ids.map((i) => `${i.level}/${i.index}`)), store.readNodes(ids)) };
    await inclusionProof(40, 63, counting);
    expect(calls).toHaveLength(1);
    for (const key of calls[0]) {
      const [level, index] = key.split('/').map(Number);
      expect((index + 1) * 2 ** level).toBeLessThanOrEqual(63);
    }
    await expect(inclusionProof(8, 8, store)).rejects.toThrow(/leaf 8 is not in a tree of size 8/);
    await expect(consistencyProof(9, 8, store)).rejects.toThrow(/first 9 is larger than second 8/);
    await expect(inclusionProof(0, 65, store)).rejects.toThrow(/not stored/);
  });
});
