import { tilePath, TILE_WIDTH, type ReplayProblem } from '@cfc/tlog';

/** An entry whose leaf hash differs from the one the log's own level-0 tile holds. */
export interface LeafMismatch {
  kind: 'LEAF_MISMATCH';
  seq: number;
  message: string;
}

/** The leaf hashes of the replayed entries, kept 32 bytes each in one growing buffer. */
export class LeafRecorder {
  private bytes = Buffer.alloc(32 * 1024);
  count = 0;

  add(leaf: Uint8Array): void {
    if ((this.count + 1) * 32 > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    this.bytes.set(leaf, this.count++ * 32);
  }

  leaf(seq: number): Buffer {
    return this.bytes.subarray(seq * 32, seq * 32 + 32);
  }
}

/**
 * A root mismatch only brackets the bad entry between two checkpoints. The log's level-0 tiles (its leaf
 * hashes, C2SP tlog-tiles) name it: the first leaf in the bracket that differs from the replayed one.
 */
export async function pinpointLeaves(problems: readonly ReplayProblem[], leaves: LeafRecorder, fetchTile: (path: string) => Promise<Buffer | undefined>): Promise<LeafMismatch[]> {
  const found: LeafMismatch[] = [];
  for (const problem of problems) {
    if (problem.kind !== 'ROOT_MISMATCH' || problem.fromSeq === undefined || problem.toSeq === undefined || problem.treeSize === undefined) continue;
    const last = Math.min(problem.toSeq, leaves.count - 1, problem.treeSize - 1);
    for (let tile = Math.floor(problem.fromSeq / TILE_WIDTH); tile * TILE_WIDTH <= last; tile++) {
      const bytes = await tileAt(tile, problem.treeSize, fetchTile);
      if (!bytes) continue;
      const first = Math.max(problem.fromSeq, tile * TILE_WIDTH);
      const end = Math.min(last, tile * TILE_WIDTH + bytes.length / 32 - 1);
      let seq = first;
      while (seq <= end && bytes.subarray((seq % TILE_WIDTH) * 32, (seq % TILE_WIDTH) * 32 + 32).equals(leaves.leaf(seq))) seq++;
      if (seq <= end) {
        found.push({ kind: 'LEAF_MISMATCH', seq, message: `entry ${seq} on the topic hashes to another leaf than the log's tile ${tilePath({ level: 0, index: tile, width: 256 })} holds: it was altered` });
        break;
      }
    }
  }
  return found;
}

// The full tile if the tree has it, else the partial one of that checkpoint's size (deleted once full).
async function tileAt(index: number, treeSize: number, fetchTile: (path: string) => Promise<Buffer | undefined>): Promise<Buffer | undefined> {
  const width = Math.min(TILE_WIDTH, treeSize - index * TILE_WIDTH);
  return (await fetchTile(tilePath({ level: 0, index, width }))) ?? (width < TILE_WIDTH ? fetchTile(tilePath({ level: 0, index, width: TILE_WIDTH })) : undefined);
}
