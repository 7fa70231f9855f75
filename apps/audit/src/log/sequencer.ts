import { IdleBackoff, type MetricsRegistry, type SqlDatabase, type SqlExecutor } from '@cfc/eventing';
import type { Clock, PlatformLogger } from '@cfc/platform';
import type { AuditKeys } from '../keys/audit-keys';
import { LeasedWorker } from './leased-worker';
import { LogAppender, type AppendRows, type CheckpointPolicy, type CheckpointRow, type TileRow } from './log-appender';

export interface SequencerOptions {
  keys: AuditKeys;
  clock: Clock;
  policy: CheckpointPolicy;
  batchSize: number;
  idleMs?: number;
  /** Called after each commit that appended or checkpointed (wakes the publisher). */
  onCommitted?: () => void;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}

/**
 * The one sequencer: moves recorded events from audit.intake into the log in batches, giving each the
 * next seq (gap-free: the seq is the tree size, and the table refuses anything else), with the Merkle
 * nodes, full tiles and, when due, a signed checkpoint in the same transaction. A source event already in
 * the log is dropped from the intake, never given a second seq.
 */
export class Sequencer extends LeasedWorker {
  constructor(
    db: SqlDatabase,
    private readonly options: SequencerOptions,
  ) {
    super(db, 'cfc.audit.sequencer', options.logger);
  }

  protected async lead(connection: SqlExecutor): Promise<void> {
    const appender = await LogAppender.load(connection);
    this.logger.info({ size: appender.size }, 'audit sequencer holds the lease');
    const backoff = new IdleBackoff(this.options.idleMs ?? 20);
    while (!this.stopping) {
      const limit = this.batchLimit(appender);
      const taken = await this.step(connection, appender);
      if (taken < limit) await this.pause(this.waitMs(appender, backoff.next(taken > 0)));
    }
  }

  // Until new intake (the recorder wakes the pause), the next poll, or the moment the pending entries' checkpoint falls due.
  private waitMs(appender: LogAppender, idle: number): number {
    return Math.min(idle, appender.msUntilDue(this.options.policy, this.options.clock.now().getTime()) ?? idle);
  }

  // A batch ends where the entry count calls for a checkpoint, so that count-driven checkpoints land on multiples of N.
  private batchLimit(appender: LogAppender): number {
    const { batchSize, policy } = this.options;
    return Math.max(1, Math.min(batchSize, policy.everyEntries - (appender.size - appender.lastCheckpointSize)));
  }

  private async step(c: SqlExecutor, appender: LogAppender): Promise<number> {
    const now = this.options.clock.now();
    const due = () => appender.checkpointDue(this.options.policy, now.getTime());
    // An idle poll is one cheap read outside any transaction.
    const waiting = await c.query(`SELECT 1 FROM audit.intake LIMIT 1`, [], 'audit-intake-any');
    if (waiting.rowCount === 0 && !due()) return 0;
    await c.query('BEGIN');
    let taken = 0;
    let appended = 0;
    let checkpoint: CheckpointRow | undefined;
    try {
      // Taken and deleted in one statement; a source event already in the log is dropped, never logged twice.
      const { rows } = await c.query<{ source_event_id: string; subject: string | null; head: string; tail: string; logged: boolean }>(
        `WITH taken AS (DELETE FROM audit.intake WHERE id IN (SELECT id FROM audit.intake ORDER BY id LIMIT $1) RETURNING id, source_event_id, subject, head, tail)
         SELECT t.source_event_id, t.subject, t.head, t.tail, EXISTS (SELECT 1 FROM audit.entries e WHERE e.source_event_id = t.source_event_id) AS logged
           FROM taken t ORDER BY t.id`,
        [this.batchLimit(appender)],
        'audit-intake-take',
      );
      taken = rows.length;
      const fresh = rows.filter((r) => !r.logged).map((r) => ({ sourceEventId: r.source_event_id, subject: r.subject, parts: { head: r.head, tail: r.tail } }));
      appended = fresh.length;
      await insertAppended(c, appender.append(fresh));
      if (due()) {
        checkpoint = appender.checkpoint(this.options.keys, now);
        await insertCheckpoint(c, checkpoint);
      }
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error; // the appender has moved on: the lease starts over from the tables
    }
    this.record(appended, taken - appended, checkpoint);
    this.options.onCommitted?.();
    return taken;
  }

  private record(appended: number, duplicates: number, checkpoint: CheckpointRow | undefined): void {
    const m = this.options.metrics;
    if (!m) return;
    m.counter('cfc_audit_entries_appended_total', 'Audit entries given a seq').inc({}, appended);
    if (duplicates > 0) m.counter('cfc_audit_duplicates_dropped_total', 'Recorded events already in the log, dropped').inc({}, duplicates);
    if (checkpoint) {
      m.counter('cfc_audit_checkpoints_total', 'Signed checkpoints').inc();
      m.gauge('cfc_audit_tree_size', 'Size of the last signed checkpoint').set({}, checkpoint.treeSize);
    }
  }
}

async function insertAppended(c: SqlExecutor, rows: AppendRows): Promise<void> {
  // Entry bytes and hashes travel as one binary parameter each (node-pg sends a Buffer as binary), cut in
  // SQL: arrays of bytea would be hex-escaped text, twice the bytes and most of the client's CPU.
  const e = rows.entries;
  if (e.length > 0) {
    const offsets: number[] = [];
    let at = 0;
    for (const x of e) offsets.push((at += x.bytes.length) - x.bytes.length);
    await c.query(
      `INSERT INTO audit.entries (seq, source_event_id, subject, bytes, leaf)
       SELECT $1::bigint + k.i - 1, k.id, k.subject, substring($4::bytea FROM k.off + 1 FOR k.len), substring($5::bytea FROM (k.i::int - 1) * 32 + 1 FOR 32)
         FROM unnest($2::uuid[], $3::text[], $6::int[], $7::int[]) WITH ORDINALITY AS k(id, subject, off, len, i)`,
      [e[0].seq, e.map((x) => x.sourceEventId), e.map((x) => x.subject), Buffer.concat(e.map((x) => x.bytes)), Buffer.concat(e.map((x) => x.leaf)), offsets, e.map((x) => x.bytes.length)],
      'audit-insert-entries',
    );
  }
  const n = rows.nodes;
  if (n.length > 0) {
    await c.query(
      `INSERT INTO audit.nodes (level, idx, hash) SELECT k.level, k.idx, substring($3::bytea FROM (k.i::int - 1) * 32 + 1 FOR 32) FROM unnest($1::smallint[], $2::bigint[]) WITH ORDINALITY AS k(level, idx, i)`,
      [n.map((x) => x.level), n.map((x) => x.index), Buffer.concat(n.map((x) => x.hash))],
      'audit-insert-nodes',
    );
  }
  if (rows.fullTiles.length > 0) {
    await insertTiles(c, rows.fullTiles);
    // Partial tiles of a position go once its full tile exists (C2SP tlog-tiles allows it).
    await c.query(
      `DELETE FROM audit.tiles t USING unnest($1::smallint[], $2::bigint[]) AS f(level, idx) WHERE t.level = f.level AND t.idx = f.idx AND t.width < 256`,
      [rows.fullTiles.map((t) => t.level), rows.fullTiles.map((t) => t.index)],
    );
  }
}

function insertTiles(c: SqlExecutor, tiles: TileRow[]) {
  return c.query(
    `INSERT INTO audit.tiles (level, idx, width, bytes) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::smallint[], $4::bytea[]) ON CONFLICT DO NOTHING`,
    [tiles.map((t) => t.level), tiles.map((t) => t.index), tiles.map((t) => t.width), tiles.map((t) => t.bytes)],
  );
}

async function insertCheckpoint(c: SqlExecutor, cp: CheckpointRow): Promise<void> {
  await c.query(`INSERT INTO audit.checkpoints (tree_size, ordinal, json, note, key_id, signed_at) VALUES ($1, $2, $3, $4, $5, $6)`, [cp.treeSize, cp.ordinal, cp.json, cp.note, cp.keyId, cp.signedAt]);
  if (cp.partialTiles.length > 0) await insertTiles(c, cp.partialTiles);
}
