import type { SqlExecutor } from '@cfc/eventing';
import { HASH_SIZE, nodeHash, nodeKey, nodeStart, TILE_WIDTH, type Hash, type NodeId, type NodeReader } from '@cfc/tlog';
import type { ProofCache } from './proof-cache';

/** Subtrees at this level and above are stored (audit.nodes); those below are hashed from the leaves. */
export const STORED_NODE_LEVEL = 8;

/**
 * The log's stored hashes as a NodeReader. A subtree of level 8 or more (one per 256 leaves, so writing
 * them costs the sequencer next to nothing) is a row of audit.nodes; one below level 8 is hashed from its
 * at most 128 leaves, taken from its block's level-0 tile (one row of 256 leaf hashes; every checkpoint
 * size is served by a full or partial tile) or, for leaves no tile holds yet (past the last checkpoint,
 * as the sequencer reloads its right edge), from audit.entries. With a ProofCache, what was read or
 * hashed once is not read again: a warm proof costs no query at all.
 */
export function sqlNodeReader(db: SqlExecutor, cache?: ProofCache): NodeReader {
  return {
    async readNodes(ids: readonly NodeId[]): Promise<Hash[]> {
      if (ids.length === 0) return [];
      const known = new Map<string, Hash>();
      for (const id of ids) {
        const hash = cache?.node(id);
        if (hash) known.set(nodeKey(id), hash);
      }
      const wanted = ids.filter((id) => !known.has(nodeKey(id)));
      const stored = wanted.filter((id) => id.level >= STORED_NODE_LEVEL);
      const hashed = wanted.filter((id) => id.level < STORED_NODE_LEVEL);
      const [high, leaves] = await Promise.all([readStored(db, stored), readLeaves(db, hashed, cache)]);
      return ids.map((id) => {
        const key = nodeKey(id);
        const hash = known.get(key) ?? (id.level >= STORED_NODE_LEVEL ? high.get(key) : subtreeHash(id, leaves));
        if (!hash) throw new Error(`node ${key} is not stored`);
        cache?.rememberNode(id, hash);
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

type Leaves = (seq: number) => Hash | undefined;

/** The leaves under `ids` (all below level 8, so each within one block): from tiles, else from the entries. */
async function readLeaves(db: SqlExecutor, ids: readonly NodeId[], cache?: ProofCache): Promise<Leaves> {
  if (ids.length === 0) return () => undefined;
  const tiles = new Map<number, Buffer>();
  const blocks = [...new Set(ids.map((id) => Math.floor(nodeStart(id) / TILE_WIDTH)))];
  for (const block of blocks) {
    const full = cache?.fullTile(block);
    if (full) tiles.set(block, full);
  }
  const unread = blocks.filter((b) => !tiles.has(b));
  if (unread.length > 0) {
    // The widest tile of each block: the full one, or the partial one of the latest checkpoint.
    const { rows } = await db.query<{ idx: string; width: number; bytes: Buffer }>(
      `SELECT DISTINCT ON (idx) idx, width, bytes FROM audit.tiles WHERE level = 0 AND idx = ANY($1::bigint[]) ORDER BY idx, width DESC`,
      [unread],
      'audit-read-leaf-tiles',
    );
    for (const r of rows) {
      tiles.set(Number(r.idx), r.bytes);
      cache?.rememberTile(Number(r.idx), r.width, r.bytes);
    }
  }
  const fromTile: Leaves = (seq) => {
    const tile = tiles.get(Math.floor(seq / TILE_WIDTH));
    const at = (seq % TILE_WIDTH) * HASH_SIZE;
    return tile && at + HASH_SIZE <= tile.length ? tile.subarray(at, at + HASH_SIZE) : undefined;
  };
  const uncovered = ids.filter((id) => fromTile(nodeStart(id) + 2 ** id.level - 1) === undefined);
  if (uncovered.length === 0) return fromTile;
  const entries = await readEntryLeaves(db, uncovered);
  return (seq) => fromTile(seq) ?? entries.get(seq);
}

async function readEntryLeaves(db: SqlExecutor, ids: readonly NodeId[]): Promise<Map<number, Hash>> {
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
function subtreeHash(id: NodeId, leaves: Leaves): Hash | undefined {
  const start = nodeStart(id);
  let row: Hash[] = [];
  for (let i = 0; i < 2 ** id.level; i++) {
    const leaf = leaves(start + i);
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
