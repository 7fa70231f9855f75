import { HASH_SIZE, nodeHash, type Hash } from '../merkle/hashing';
import type { NodeReader } from '../merkle/node-reader';
import type { NodeId } from '../merkle/tree-math';
import { tileHolding } from './tile-geometry';
import { TILE_HEIGHT, tilePath, TILE_WIDTH, type TileId } from './tile-path';

/** Fetches one tile's bytes (from HTTP, a file system, or object storage). */
export type TileFetcher = (tile: TileId) => Promise<Uint8Array> | Uint8Array;

/**
 * A NodeReader that knows only the tiles of a tree of `treeSize`, as a standard tlog client does: a node
 * at level 8T + r is rebuilt from 2^r hashes of one tile at level T. Tiles are fetched once per reader,
 * in parallel; each must be exactly width × 32 bytes.
 */
export function tileNodeReader(treeSize: number, fetchTile: TileFetcher): NodeReader {
  const tiles = new Map<string, Promise<Uint8Array>>();
  const load = (tile: TileId): Promise<Uint8Array> => {
    const path = tilePath(tile);
    let pending = tiles.get(path);
    if (!pending) {
      pending = Promise.resolve(fetchTile(tile)).then((data) => {
        if (data.length !== tile.width * HASH_SIZE) throw new Error(`${path} has ${data.length} bytes, expected ${tile.width * HASH_SIZE}`);
        return data;
      });
      tiles.set(path, pending);
    }
    return pending;
  };

  const readNode = async (id: NodeId): Promise<Hash> => {
    const tileLevel = Math.floor(id.level / TILE_HEIGHT);
    const span = 2 ** (id.level - TILE_HEIGHT * tileLevel);
    const first = id.index * span;
    const tile = tileHolding(treeSize, tileLevel, first + span - 1);
    const data = await load(tile);
    const offset = first - tile.index * TILE_WIDTH;
    let row: Hash[] = Array.from({ length: span }, (_, i) => data.subarray((offset + i) * HASH_SIZE, (offset + i + 1) * HASH_SIZE));
    while (row.length > 1) row = Array.from({ length: row.length / 2 }, (_, i) => nodeHash(row[2 * i], row[2 * i + 1]));
    return row[0];
  };

  return { readNodes: (ids) => Promise.all(ids.map(readNode)) };
}
