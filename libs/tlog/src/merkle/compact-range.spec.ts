import vectors from '../testdata/rfc6962-tree.json';
import { referenceLeafHash, referenceRoot, sampleLeaves } from '../testing/reference-tree';
import { CompactRange } from './compact-range';
import { hashesEqual, leafHash } from './hashing';
import { MemoryNodeStore, type NodeHash } from './node-reader';
import { nodeKey, rangeNodes } from './tree-math';

const hex = (h: Uint8Array): string => Buffer.from(h).toString('hex');

describe('CompactRange (the appender)', () => {
  it('yields the published root after every append of the published leaves', () => {
    const range = CompactRange.empty();
    expect(hex(range.root())).toBe(vectors.rootHashesHexBySize[0]);
    vectors.leafInputsHex.forEach((leaf, i) => {
      range.appendData(Buffer.from(leaf, 'hex'));
      expect(hex(range.root())).toBe(vectors.rootHashesHexBySize[i + 1]);
    });
  });

  it('matches the naive recursive MTH at every size 0..70', () => {
    const data = sampleLeaves(70);
    const range = CompactRange.empty();
    for (let size = 0; size <= 70; size++) {
      expect(hex(range.root())).toBe(hex(referenceRoot(data.slice(0, size).map(referenceLeafHash))));
      if (size < 70) range.appendData(data[size]);
    }
  });

  it('hands out every complete subtree exactly once, with its correct hash, and keeps O(log n) edge nodes', () => {
    const data = sampleLeaves(100);
    const leaves = data.map(referenceLeafHash);
    const range = CompactRange.empty();
    const emitted: NodeHash[] = [];
    for (const d of data) {
      emitted.push(...range.appendData(d));
      expect(range.edge.length).toBeLessThanOrEqual(Math.ceil(Math.log2(range.size + 1)));
    }
    const expected: string[] = [];
    for (let level = 0; 2 ** level <= 100; level++) {
      for (let index = 0; (index + 1) * 2 ** level <= 100; index++) expected.push(`${level}/${index}`);
    }
    expect(emitted.map(nodeKey).sort()).toEqual(expected.sort());
    for (const node of emitted) {
      const start = node.index * 2 ** node.level;
      expect(hex(node.hash)).toBe(hex(referenceRoot(leaves.slice(start, start + 2 ** node.level))));
    }
  });

  it('restores from stored hashes after a restart and carries on to the same roots', async () => {
    const data = sampleLeaves(45);
    const store = new MemoryNodeStore();
    const original = CompactRange.empty();
    for (const d of data.slice(0, 29)) store.put(original.appendData(d));
    const restored = await CompactRange.load(29, store);
    expect(hex(restored.root())).toBe(hex(original.root()));
    for (const d of data.slice(29)) {
      original.appendData(d);
      restored.appendData(d);
      expect(hex(restored.root())).toBe(hex(original.root()));
    }
    expect(() => CompactRange.fromHashes(0, 29, [leafHash(data[0])])).toThrow(/has 4 nodes, got 1/);
  });

  it('covers a range that starts mid-tree with only maximal complete subtrees', () => {
    const data = sampleLeaves(40);
    const leaves = data.map(referenceLeafHash);
    for (const begin of [1, 3, 5, 8, 13]) {
      const range = CompactRange.empty(begin);
      for (let i = begin; i < 40; i++) {
        range.append(leaves[i]);
        expect(range.edge.map(nodeKey)).toEqual(rangeNodes(begin, i + 1).map(nodeKey));
        for (const node of range.edge) {
          const start = node.index * 2 ** node.level;
          expect(hashesEqual(node.hash, referenceRoot(leaves.slice(start, start + 2 ** node.level)))).toBe(true);
        }
      }
      expect(() => range.root()).toThrow(/not a whole tree/);
    }
  });

  it('a clone grows independently of its original', () => {
    const range = CompactRange.empty();
    range.appendData(Buffer.from('a'));
    const clone = range.clone();
    clone.appendData(Buffer.from('b'));
    expect(range.size).toBe(1);
    expect(clone.size).toBe(2);
    expect(hex(range.root())).toBe(hex(referenceLeafHash(Buffer.from('a'))));
  });
});
