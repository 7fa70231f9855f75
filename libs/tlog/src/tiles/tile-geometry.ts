import type { NodeId } from '../merkle/tree-math';
import { TILE_HEIGHT, TILE_WIDTH, type TileId } from './tile-path';

/** Hashes of tree level 8 * tileLevel that exist in a tree of `size` leaves (complete subtrees only). */
export function hashesAtTileLevel(size: number, tileLevel: number): number {
  return Math.floor(size / 2 ** (TILE_HEIGHT * tileLevel));
}

/**
 * The tile that holds hash `index` of tile level `tileLevel` in a tree of `size`: full if that stretch of
 * 256 is complete, else the partial tile of this size's width.
 */
export function tileHolding(size: number, tileLevel: number, index: number): TileId {
  const count = hashesAtTileLevel(size, tileLevel);
  if (index >= count) throw new RangeError(`hash ${index} of tile level ${tileLevel} is not in a tree of size ${size}`);
  const tileIndex = Math.floor(index / TILE_WIDTH);
  const full = Math.floor(count / TILE_WIDTH);
  return { level: tileLevel, index: tileIndex, width: tileIndex < full ? TILE_WIDTH : count % TILE_WIDTH };
}

/** Every tile of a tree of `size`: per level, its full tiles and the partial one (if any). */
export function tilesForTreeSize(size: number): TileId[] {
  return tilesBetween(0, size);
}

/** The tiles a tree of `newSize` has that one of `oldSize` has not: what to write at a new checkpoint. */
export function tilesBetween(oldSize: number, newSize: number): TileId[] {
  if (newSize < oldSize) throw new RangeError(`new size ${newSize} is below old size ${oldSize}`);
  const tiles: TileId[] = [];
  for (let level = 0; hashesAtTileLevel(newSize, level) > 0; level++) {
    const oldCount = hashesAtTileLevel(oldSize, level);
    const newCount = hashesAtTileLevel(newSize, level);
    for (let index = Math.floor(oldCount / TILE_WIDTH); index < Math.floor(newCount / TILE_WIDTH); index++) tiles.push({ level, index, width: TILE_WIDTH });
    if (newCount % TILE_WIDTH > 0 && newCount !== oldCount) tiles.push({ level, index: Math.floor(newCount / TILE_WIDTH), width: newCount % TILE_WIDTH });
  }
  return tiles;
}

/** The tree nodes whose hashes a tile holds, in order. */
export function tileNodeIds(tile: TileId): NodeId[] {
  return Array.from({ length: tile.width }, (_, i) => ({ level: TILE_HEIGHT * tile.level, index: tile.index * TILE_WIDTH + i }));
}
