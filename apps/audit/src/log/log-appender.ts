import type { SqlExecutor } from '@cfc/eventing';
import {
  canonicalJson, CompactRange, ed25519NoteSigner, EntryBundleCutter, signCheckpoint, signTlogCheckpoint, TILE_WIDTH, TileCutter,
  type Tile,
} from '@cfc/tlog';
import { entryFromParts, type DraftParts } from '../domain/entries/audit-draft';
import type { AuditKeys } from '../keys/audit-keys';
import { sqlNodeReader, STORED_NODE_LEVEL } from './sql.node-reader';

/** A tile row; level -1 is an entry bundle. */
export interface TileRow {
  level: number;
  index: number;
  width: number;
  bytes: Buffer;
}

/** What one batch of appends writes: entries, the subtrees it completed, and the tiles that became full. */
export interface AppendRows {
  entries: Array<{ seq: number; sourceEventId: string; subject: string | null; bytes: Buffer; leaf: Buffer }>;
  nodes: Array<{ level: number; index: number; hash: Buffer }>;
  fullTiles: TileRow[];
}

/** A signed checkpoint, both forms, and the partial tiles that serve its size. */
export interface CheckpointRow {
  treeSize: number;
  ordinal: number;
  json: string;
  note: string;
  keyId: string;
  signedAt: Date;
  partialTiles: TileRow[];
}

export interface CheckpointPolicy {
  everyEntries: number;
  intervalMs: number;
}

const tileRow = (t: Tile): TileRow => ({ level: t.level, index: t.index, width: t.width, bytes: t.data });

/**
 * The log's right edge in memory, for the one sequencer that holds the lease: the compact range, the
 * tile and bundle cutters, and the last checkpoint. Loaded from the tables; after a failed transaction
 * it is thrown away and loaded again, never patched.
 */
export class LogAppender {
  private constructor(
    private readonly tree: CompactRange,
    private readonly tiles: TileCutter,
    private readonly bundles: EntryBundleCutter,
    private last: { treeSize: number; ordinal: number; signedAtMs: number } | undefined,
  ) {}

  static async load(db: SqlExecutor): Promise<LogAppender> {
    const { rows } = await db.query<{ size: string }>(`SELECT coalesce(max(seq) + 1, 0) AS size FROM audit.entries`);
    const size = Number(rows[0].size);
    const nodes = sqlNodeReader(db);
    const pending = await db.query<{ bytes: Buffer }>(`SELECT bytes FROM audit.entries WHERE seq >= $1 ORDER BY seq`, [size - (size % TILE_WIDTH)]);
    const last = await db.query<{ tree_size: string; ordinal: string; signed_at: Date }>(`SELECT tree_size, ordinal, signed_at FROM audit.checkpoints ORDER BY tree_size DESC LIMIT 1`);
    const checkpoint = last.rows[0] && { treeSize: Number(last.rows[0].tree_size), ordinal: Number(last.rows[0].ordinal), signedAtMs: last.rows[0].signed_at.getTime() };
    return new LogAppender(await CompactRange.load(size, nodes), await TileCutter.resume(size, nodes), new EntryBundleCutter(size, pending.rows.map((r) => r.bytes)), checkpoint);
  }

  get size(): number {
    return this.tree.size;
  }

  get lastCheckpointSize(): number {
    return this.last?.treeSize ?? 0;
  }

  /** Gives the drafts the next seqs, in order, and hashes them in. */
  append(items: ReadonlyArray<{ sourceEventId: string; subject: string | null; parts: DraftParts }>): AppendRows {
    const rows: AppendRows = { entries: [], nodes: [], fullTiles: [] };
    for (const { sourceEventId, subject, parts } of items) {
      const seq = this.tree.size;
      const bytes = entryFromParts(parts, seq);
      const added = this.tree.appendData(bytes);
      rows.entries.push({ seq, sourceEventId, subject, bytes, leaf: Buffer.from(added[0].hash) });
      for (const node of added) if (node.level >= STORED_NODE_LEVEL) rows.nodes.push({ level: node.level, index: node.index, hash: Buffer.from(node.hash) });
      for (const tile of this.tiles.add(added)) rows.fullTiles.push(tileRow(tile));
      const bundle = this.bundles.add(bytes);
      if (bundle) rows.fullTiles.push({ level: -1, index: bundle.index, width: bundle.width, bytes: bundle.data });
    }
    return rows;
  }

  /** True when the entries since the last checkpoint call for one (N of them, or T since it). */
  checkpointDue(policy: CheckpointPolicy, nowMs: number): boolean {
    const since = this.size - this.lastCheckpointSize;
    if (since <= 0) return false;
    return since >= policy.everyEntries || this.last === undefined || nowMs - this.last.signedAtMs >= policy.intervalMs;
  }

  /** How long until the entries since the last checkpoint fall due by time; undefined when there are none. */
  msUntilDue(policy: CheckpointPolicy, nowMs: number): number | undefined {
    if (this.size <= this.lastCheckpointSize) return undefined;
    return this.last === undefined ? 0 : Math.max(0, this.last.signedAtMs + policy.intervalMs - nowMs);
  }

  /** Signs the current tree in both forms (same key, same root) with the partial tiles of its size. */
  checkpoint(keys: AuditKeys, now: Date): CheckpointRow {
    const treeSize = this.size;
    const rootHash = this.tree.root();
    const json = signCheckpoint({ treeSize, rootHash, timestamp: now, keyId: keys.signing.keyId }, keys.signing.privateKey);
    const note = signTlogCheckpoint({ origin: keys.origin, treeSize, rootHash }, [ed25519NoteSigner(keys.origin, keys.signing.privateKey)]);
    const partial = this.bundles.partialBundle();
    const ordinal = this.last === undefined ? 0 : this.last.ordinal + 1;
    this.last = { treeSize, ordinal, signedAtMs: now.getTime() };
    return {
      treeSize, ordinal, json: canonicalJson(json), note, keyId: keys.signing.keyId, signedAt: now,
      partialTiles: [...this.tiles.partialTiles().map(tileRow), ...(partial ? [{ level: -1, index: partial.index, width: partial.width, bytes: partial.data }] : [])],
    };
  }
}
