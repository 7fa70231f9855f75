import { LRUCache } from 'lru-cache';
import { nodeKey, TILE_WIDTH, type Hash, type NodeId } from '@cfc/tlog';

export interface ProofCacheOptions {
  /** Complete subtrees' hashes kept (about 100 bytes each). */
  maxNodes?: number;
  /** Full level-0 tiles kept (8 KiB each: the 256 leaf hashes of a block). */
  maxTiles?: number;
}

/**
 * What inclusion and consistency proofs read again and again, kept in memory. In an append-only log a
 * complete subtree's hash never changes, nor does a full tile, so nothing here is ever stale: the cache
 * needs no invalidation, only a bound: about 36 MB at the defaults (200,000 nodes; 2,048 tiles, which
 * cover 524,288 entries).
 */
export class ProofCache {
  private readonly nodes: LRUCache<string, Hash>;
  private readonly tiles: LRUCache<number, Buffer>;

  constructor(options: ProofCacheOptions = {}) {
    this.nodes = new LRUCache({ max: options.maxNodes ?? 200_000 });
    this.tiles = new LRUCache({ max: options.maxTiles ?? 2_048 });
  }

  node(id: NodeId): Hash | undefined {
    return this.nodes.get(nodeKey(id));
  }

  rememberNode(id: NodeId, hash: Hash): void {
    // A copy: a leaf is a view into its tile, and must not keep 8 KiB alive for its 32 bytes.
    if (!this.nodes.has(nodeKey(id))) this.nodes.set(nodeKey(id), Buffer.from(hash));
  }

  /** The full level-0 tile of `block`, when it was read before. */
  fullTile(block: number): Buffer | undefined {
    return this.tiles.get(block);
  }

  rememberTile(block: number, width: number, bytes: Buffer): void {
    if (width === TILE_WIDTH) this.tiles.set(block, bytes); // a partial tile grows: only full ones are kept
  }
}
