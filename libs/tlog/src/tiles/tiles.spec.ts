import { referenceLeafHash, referenceRoot } from '../testing/reference-tree';
import { CompactRange } from '../merkle/compact-range';
import { MemoryNodeStore } from '../merkle/node-reader';
import { consistencyProof, inclusionProof, rootAt } from '../merkle/proofs';
import { verifyConsistency, verifyInclusion } from '../merkle/verify';
import { decodeEntryBundle, EntryBundleCutter } from './entry-bundle';
import { TileCutter, tileFromNodes, type Tile } from './tile-cutter';
import { tilesForTreeSize } from './tile-geometry';
import { entryBundlePath, tilePath, type TileId } from './tile-path';
import { tileNodeReader } from './tile-reader';

const hex = (h: Uint8Array): string => Buffer.from(h).toString('hex');
const entry = (i: number): Buffer => Buffer.from(JSON.stringify({ seq: i, type: 'test.appended' }));

/** A log grown to `finalSize`, cutting tiles and bundles as an audit service would, with checkpoints at `checkpoints`. */
function growLog(finalSize: number, checkpoints: ReadonlySet<number>) {
  const range = CompactRange.empty();
  const cutter = TileCutter.empty();
  const bundles = new EntryBundleCutter();
  const store = new MemoryNodeStore();
  const served = new Map<string, Buffer>();
  const roots = new Map<number, Buffer>();
  const keep = (tiles: Tile[]) => tiles.forEach((t) => served.set(tilePath(t), t.data));
  for (let i = 0; i < finalSize; i++) {
    const nodes = range.appendData(entry(i));
    store.put(nodes);
    keep(cutter.add(nodes));
    const bundle = bundles.add(entry(i));
    if (bundle) served.set(entryBundlePath(bundle.index, bundle.width), bundle.data);
    if (checkpoints.has(i + 1)) {
      keep(cutter.partialTiles());
      const partial = bundles.partialBundle();
      if (partial) served.set(entryBundlePath(partial.index, partial.width), partial.data);
      roots.set(i + 1, Buffer.from(range.root()));
    }
  }
  const fetchTile = (tile: TileId) => {
    const data = served.get(tilePath(tile));
    if (!data) throw new Error(`${tilePath(tile)} was never served`);
    return data;
  };
  return { range, cutter, store, served, roots, fetchTile };
}

describe('tiles from the appender, read back as a tlog client would', () => {
  const sizes = new Set([1, 2, 3, 7, 8, 255, 256, 257, 300, 511, 512, 513, 1000, 4095, 4096, 65_535, 65_536, 65_537, 70_000]);
  for (let s = 2000; s < 2600; s += 37) sizes.add(s);
  const log = growLog(70_000, sizes);

  it('gives, from tiles alone, the root the appender gave at every checkpoint size', async () => {
    for (const size of sizes) expect(hex(await rootAt(size, tileNodeReader(size, log.fetchTile)))).toBe(hex(log.roots.get(size) as Buffer));
  });

  it('serves exactly the tiles the spec lists for a tree of 70,000, each of the right length', () => {
    for (const tile of tilesForTreeSize(70_000)) expect(log.served.get(tilePath(tile))?.length).toBe(tile.width * 32);
  });

  it('hashes each level-1 tile entry from a full level-0 tile only; partial tiles never move up', () => {
    const level1 = log.served.get('tile/1/000') as Buffer;
    for (const k of [0, 1, 100, 255]) {
      const level0 = log.served.get(tilePath({ level: 0, index: k, width: 256 })) as Buffer;
      const hashes = Array.from({ length: 256 }, (_, i) => level0.subarray(i * 32, i * 32 + 32));
      expect(hex(level1.subarray(k * 32, k * 32 + 32))).toBe(hex(referenceRoot(hashes)));
    }
    expect(log.served.get('tile/1/001.p/17')?.length).toBe(17 * 32);
    expect(log.served.has('tile/2/000.p/1')).toBe(true);
  });

  it('proves inclusion and consistency from tiles alone, equal to the proofs from stored nodes', async () => {
    for (const [index, size] of [[0, 1], [254, 257], [69_999, 70_000], [12_345, 65_537], [65_535, 65_536]]) {
      const fromTiles = await inclusionProof(index, size, tileNodeReader(size, log.fetchTile));
      expect(fromTiles.map(hex)).toEqual((await inclusionProof(index, size, log.store)).map(hex));
      expect(verifyInclusion(index, size, referenceLeafHash(entry(index)), fromTiles, log.roots.get(size) as Buffer)).toBe(true);
    }
    for (const [m, n] of [[1, 70_000], [257, 65_537], [2000, 2555], [65_535, 65_536]]) {
      const proof = await consistencyProof(m, n, tileNodeReader(n, log.fetchTile));
      expect(verifyConsistency(m, n, log.roots.get(m) as Buffer, log.roots.get(n) as Buffer, proof)).toBe(true);
    }
  });

  it('bundles entries with 2-byte lengths; each hashes to its level-0 tile hash', () => {
    const bundle = decodeEntryBundle(log.served.get('tile/entries/001') as Buffer);
    const tile = log.served.get('tile/0/001') as Buffer;
    expect(bundle).toHaveLength(256);
    bundle.forEach((e, i) => {
      expect(e.toString()).toBe(entry(256 + i).toString());
      expect(hex(referenceLeafHash(e))).toBe(hex(tile.subarray(i * 32, i * 32 + 32)));
    });
    expect(decodeEntryBundle(log.served.get('tile/entries/273.p/112') as Buffer)).toHaveLength(112);
  });

  it('resumes cutting after a restart from stored hashes, as if it had never stopped', async () => {
    const before = growLog(600, new Set());
    const resumed = await TileCutter.resume(600, before.store);
    expect(resumed.partialTiles().map((t) => [tilePath(t), hex(t.data)])).toEqual(before.cutter.partialTiles().map((t) => [tilePath(t), hex(t.data)]));
    expect((await tileFromNodes({ level: 0, index: 1, width: 256 }, before.store)).data).toEqual(before.served.get('tile/0/001'));
  });

  it('refuses nodes fed out of order and tiles of the wrong length', async () => {
    const range = CompactRange.empty();
    const cutter = TileCutter.empty();
    cutter.add(range.appendData(entry(0)));
    range.appendData(entry(1));
    expect(() => cutter.add(range.appendData(entry(2)))).toThrow(/expected hash 1, got 2/);
    const short = tileNodeReader(3, () => Buffer.alloc(64));
    await expect(rootAt(3, short)).rejects.toThrow(/tile\/0\/000.p\/3 has 64 bytes, expected 96/);
  });

  it('grows its test log to the roots of the reference MTH', () => {
    const leaves = Array.from({ length: 3000 }, (_, i) => referenceLeafHash(entry(i)));
    for (const size of [1, 257, 2592]) expect(hex(log.roots.get(size) as Buffer)).toBe(hex(referenceRoot(leaves.slice(0, size))));
  });
});
