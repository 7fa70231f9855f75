import { CompactRange } from '../merkle/compact-range';
import type { Hash } from '../merkle/hashing';
import type { NodeHash, NodeReader } from '../merkle/node-reader';
import { nodeKey, nodeStart } from '../merkle/tree-math';

/**
 * What a consistency proof from the last checkpoint (size m) to the next one needs, kept while
 * replaying: the right edge of the tree at m, and the maximal complete subtrees of [m, now) taken from
 * the appender's output (no extra hashing). O(log n) hashes.
 */
export class ConsistencyWindow {
  private base = CompactRange.empty();
  private readonly right: NodeHash[] = [];

  get baseSize(): number {
    return this.base.size;
  }

  /** Starts a new window at the current tree (after a checkpoint). */
  reset(tree: CompactRange): void {
    this.base = tree.clone();
    this.right.length = 0;
  }

  /** Feeds the nodes one append returned. */
  observe(nodes: readonly NodeHash[]): void {
    const begin = this.base.size;
    for (const node of nodes) {
      const start = nodeStart(node);
      if (start < begin) continue;
      while (this.right.length > 0 && nodeStart(this.right[this.right.length - 1]) >= start) this.right.pop();
      this.right.push(node);
    }
  }

  reader(): NodeReader {
    const hashes = new Map<string, Hash>([...this.base.edge, ...this.right].map((n) => [nodeKey(n), n.hash]));
    return {
      readNodes: (ids) =>
        ids.map((id) => {
          const hash = hashes.get(nodeKey(id));
          if (!hash) throw new Error(`consistency window has no node ${nodeKey(id)}`);
          return hash;
        }),
    };
  }
}
