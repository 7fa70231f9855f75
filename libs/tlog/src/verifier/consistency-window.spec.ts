import { CompactRange } from '../merkle/compact-range';
import { MemoryNodeStore } from '../merkle/node-reader';
import { consistencyProof } from '../merkle/proofs';
import { sampleLeaves } from '../testing/reference-tree';
import { ConsistencyWindow } from './consistency-window';

const hex = (hashes: readonly Uint8Array[]) => hashes.map((h) => Buffer.from(h).toString('hex'));

describe('ConsistencyWindow', () => {
  it('holds every node a consistency proof m -> n needs, for every 1 <= m <= n <= 64', async () => {
    const data = sampleLeaves(64);
    const store = new MemoryNodeStore();
    const full = CompactRange.empty();
    for (const d of data) store.put(full.appendData(d));
    for (let m = 1; m <= 64; m++) {
      const tree = CompactRange.empty();
      const window = new ConsistencyWindow();
      for (const d of data.slice(0, m)) tree.appendData(d);
      window.reset(tree);
      expect(hex(await consistencyProof(m, m, window.reader()))).toEqual([]);
      for (let n = m + 1; n <= 64; n++) {
        window.observe(tree.appendData(data[n - 1]));
        expect(hex(await consistencyProof(m, n, window.reader()))).toEqual(hex(await consistencyProof(m, n, store)));
      }
      expect(window.baseSize).toBe(m);
    }
  });
});
