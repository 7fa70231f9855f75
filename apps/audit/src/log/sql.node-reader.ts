import type { SqlExecutor } from '@cfc/eventing';
import { nodeHash, nodeStart, type Hash, type NodeId, type NodeReader } from '@cfc/tlog';

/** Subtrees at this level and above are stored (audit.nodes); those below are hashed from the leaves. */
export const STORED_NODE_LEVEL = 8;

/**
 * The log's stored hashes as a NodeReader. Leaves are audit.entries.leaf; a subtree of level 8 or more
 * (one per 256 leaves, so writing them costs the sequencer next to nothing) is a row of audit.nodes; one
 * below level 8 is hashed from its at most 128 leaves, read in one range scan. An inclusion proof thus
 * costs two indexed reads and at most ~250 hashes, answered in the order asked.
 */
export function sqlNodeReader(db: SqlExecutor): NodeReader {
  return {
    async readNodes(ids: readonly NodeId[]): Promise<Hash[]> {
      if (ids.length === 0) return [];
      const stored = ids.filter((id) => id.level >= STORED_NODE_LEVEL);
      const hashed = ids.filter((id) => id.level < STORED_NODE_LEVEL);
      const [high, leaves] = await Promise.all([readStored(db, stored), readLeaves(db, hashed)]);
      return ids.map((id) => {
        const hash = id.level >= STORED_NODE_LEVEL ? high.get(`${id.level}/${id.index}`) : subtreeHash(id, leaves);
        if (!hash) throw new Error(`node ${id.level}/${id.index} is not stored`);
        return hash;
      });
    },
  };
}

async function readStored(db: SqlExecutor, ids: readonly NodeId[]): Promise<Map<string, Hash>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ level: number; idx: string; hash: Buffer }>(
    `SELECT n.level, n.idx, n.hash FROM unnest($1::int[], $2::bigint[]) AS k(level, idx) JOIN audit.nodes n ON n.level = k.level AND n.idx = k.idx`,
    [ids.map((id) => id.level), ids.map((id) => id.index)],
    'audit-read-nodes',
  );
  return new Map(rows.map((r) => [`${r.level}/${r.idx}`, r.hash]));
}

async function readLeaves(db: SqlExecutor, ids: readonly NodeId[]): Promise<Map<number, Hash>> {
  if (ids.length === 0) return new Map();
  const ranges = mergedRanges(ids.map((id) => [nodeStart(id), nodeStart(id) + 2 ** id.level] as const));
  const { rows } = await db.query<{ seq: string; leaf: Buffer }>(
    `SELECT e.seq, e.leaf FROM unnest($1::bigint[], $2::bigint[]) AS r(lo, hi) JOIN audit.entries e ON e.seq >= r.lo AND e.seq < r.hi`,
    [ranges.map((r) => r[0]), ranges.map((r) => r[1])],
    'audit-read-leaves',
  );
  return new Map(rows.map((r) => [Number(r.seq), r.leaf]));
}

function mergedRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

// A complete subtree: its 2^level leaves hashed pairwise up to one (RFC 9162 MTH of a power-of-two range).
function subtreeHash(id: NodeId, leaves: ReadonlyMap<number, Hash>): Hash | undefined {
  const start = nodeStart(id);
  let row: Hash[] = [];
  for (let i = 0; i < 2 ** id.level; i++) {
    const leaf = leaves.get(start + i);
    if (!leaf) return undefined;
    row.push(leaf);
  }
  while (row.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i < row.length; i += 2) next.push(nodeHash(row[i], row[i + 1]));
    row = next;
  }
  return row[0];
}
