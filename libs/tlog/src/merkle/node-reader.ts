import type { Hash } from './hashing';
import { nodeKey, type NodeId } from './tree-math';

/**
 * Where proofs read stored hashes from: a PostgreSQL table, tiles, or memory. Only complete subtrees are
 * ever asked for; the right edge of a tree that is not a power of two is hashed from them here.
 * One call per proof, so a database answers it with one query.
 */
export interface NodeReader {
  readNodes(ids: readonly NodeId[]): Promise<readonly Hash[]> | readonly Hash[];
}

/** A complete subtree's hash, as the appender hands it out for persisting. */
export interface NodeHash extends NodeId {
  readonly hash: Hash;
}

/** Node hashes in a Map: for tests, and for small logs that keep everything in memory. */
export class MemoryNodeStore implements NodeReader {
  private readonly hashes = new Map<string, Hash>();

  put(nodes: Iterable<NodeHash>): void {
    for (const node of nodes) this.hashes.set(nodeKey(node), node.hash);
  }

  get size(): number {
    return this.hashes.size;
  }

  readNodes(ids: readonly NodeId[]): Hash[] {
    return ids.map((id) => {
      const hash = this.hashes.get(nodeKey(id));
      if (!hash) throw new Error(`node ${nodeKey(id)} is not stored`);
      return hash;
    });
  }
}
