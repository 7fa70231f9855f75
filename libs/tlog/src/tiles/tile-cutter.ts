import { HASH_SIZE, type Hash } from '../merkle/hashing';
import type { NodeHash, NodeReader } from '../merkle/node-reader';
import { hashesAtTileLevel, tileNodeIds } from './tile-geometry';
import { TILE_HEIGHT, TILE_WIDTH, type TileId } from './tile-path';

/** A tile and its bytes: the concatenated 32-byte hashes. */
export interface Tile extends TileId {
  readonly data: Buffer;
}

/**
 * Cuts tiles from the appender's output. Keeps, per tile level, the hashes of the tile being filled
 * (at most 255 of them); hands back each tile the moment it is full, and the partial tiles on demand
 * (at a checkpoint). A partial tile is never hashed into the level above: level 8L+8 hashes only exist
 * once 256 of level 8L are complete, and the appender emits nothing before.
 */
export class TileCutter {
  private constructor(
    private treeSize: number,
    private readonly rows: Hash[][],
  ) {}

  static empty(): TileCutter {
    return new TileCutter(0, []);
  }

  /** Rebuilds the partial rows of a stored tree of `size` leaves (after a restart). */
  static async resume(size: number, reader: NodeReader): Promise<TileCutter> {
    const rows: Hash[][] = [];
    for (let level = 0; hashesAtTileLevel(size, level) > 0; level++) {
      const count = hashesAtTileLevel(size, level);
      const width = count % TILE_WIDTH;
      rows.push(width === 0 ? [] : [...(await reader.readNodes(tileNodeIds({ level, index: Math.floor(count / TILE_WIDTH), width })))]);
    }
    return new TileCutter(size, rows);
  }

  get size(): number {
    return this.treeSize;
  }

  /** Feeds the nodes one append returned (in order); returns the tiles that became full. */
  add(nodes: readonly NodeHash[]): Tile[] {
    const full: Tile[] = [];
    for (const node of nodes) {
      if (node.level % TILE_HEIGHT !== 0) continue;
      const level = node.level / TILE_HEIGHT;
      if (node.level === 0) this.treeSize++;
      const row = (this.rows[level] ??= []);
      const expected = hashesAtTileLevel(this.treeSize, level) - 1;
      if (node.index !== expected) throw new Error(`tile level ${level} expected hash ${expected}, got ${node.index}: feed every append, in order`);
      row.push(node.hash);
      if (row.length === TILE_WIDTH) {
        full.push(tileOf(level, Math.floor(node.index / TILE_WIDTH), row));
        this.rows[level] = [];
      }
    }
    return full;
  }

  /** The partial tiles of the current tree size (serve them with the checkpoint of this size). */
  partialTiles(): Tile[] {
    return this.rows.flatMap((row, level) => (row.length === 0 ? [] : [tileOf(level, Math.floor(hashesAtTileLevel(this.treeSize, level) / TILE_WIDTH), row)]));
  }
}

function tileOf(level: number, index: number, hashes: readonly Hash[]): Tile {
  return { level, index, width: hashes.length, data: Buffer.concat(hashes) };
}

/** Builds one tile from stored node hashes (for logs that keep every node, or to repair a tile). */
export async function tileFromNodes(tile: TileId, reader: NodeReader): Promise<Tile> {
  const hashes = await reader.readNodes(tileNodeIds(tile));
  if (hashes.some((h) => h.length !== HASH_SIZE)) throw new Error('stored hash is not 32 bytes');
  return tileOf(tile.level, tile.index, hashes);
}
