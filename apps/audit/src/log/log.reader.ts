import type { AuditCheckpoint } from '@cfc/contracts';
import type { SqlExecutor } from '@cfc/eventing';

/** A signed checkpoint in both forms. */
export interface StoredCheckpoint {
  treeSize: number;
  json: AuditCheckpoint;
  note: string;
}

/** Reads of the log's tables for the HTTP API (never writes). */
export class LogReader {
  constructor(private readonly db: SqlExecutor) {}

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const { rows } = await this.db.query<{ tree_size: string; json: string; note: string }>(`SELECT tree_size, json, note FROM audit.checkpoints ORDER BY tree_size DESC LIMIT 1`, [], 'audit-latest-checkpoint');
    return rows[0] && toCheckpoint(rows[0]);
  }

  async checkpointAt(treeSize: number): Promise<StoredCheckpoint | undefined> {
    const { rows } = await this.db.query<{ tree_size: string; json: string; note: string }>(`SELECT tree_size, json, note FROM audit.checkpoints WHERE tree_size = $1`, [treeSize], 'audit-checkpoint-at');
    return rows[0] && toCheckpoint(rows[0]);
  }

  /** Entries [from, from + limit) as their exact JCS bytes, in seq order. */
  async entries(from: number, limit: number): Promise<Buffer[]> {
    const { rows } = await this.db.query<{ bytes: Buffer }>(`SELECT bytes FROM audit.entries WHERE seq >= $1 ORDER BY seq LIMIT $2`, [from, limit], 'audit-read-entries');
    return rows.map((r) => r.bytes);
  }

  async entry(seq: number): Promise<{ subject: string | null; bytes: Buffer } | undefined> {
    const { rows } = await this.db.query<{ subject: string | null; bytes: Buffer }>(`SELECT subject, bytes FROM audit.entries WHERE seq = $1`, [seq], 'audit-read-entry');
    return rows[0];
  }

  /** A stored tile (level -1: entry bundle), or undefined. */
  async tile(level: number, index: number, width: number): Promise<Buffer | undefined> {
    const { rows } = await this.db.query<{ bytes: Buffer }>(`SELECT bytes FROM audit.tiles WHERE level = $1 AND idx = $2 AND width = $3`, [level, index, width], 'audit-read-tile');
    return rows[0]?.bytes;
  }
}

function toCheckpoint(row: { tree_size: string; json: string; note: string }): StoredCheckpoint {
  return { treeSize: Number(row.tree_size), json: JSON.parse(row.json) as AuditCheckpoint, note: row.note };
}
