import { IdleBackoff, type MetricsRegistry, type SqlDatabase, type SqlExecutor } from '@cfc/eventing';
import type { MessageProducer, MessagingClient, PlatformLogger } from '@cfc/platform';
import { LeasedWorker } from './leased-worker';

export interface AuditPublisherOptions {
  client: MessagingClient;
  entriesTopic: string;
  checkpointsTopic: string;
  batchSize?: number;
  idleMs?: number;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}

/** The topics' end does not match the log: the publisher will not write past it (nothing is ever rewritten). */
export class TopicAheadOfLogError extends Error {}

/**
 * Publishes the log to cfc.audit.v1 (the value is exactly the entry's JCS bytes, offset = seq, one
 * partition) and its checkpoints to cfc.audit.checkpoints.v1 (offset = ordinal), each checkpoint only
 * once the entries it covers are on the topic. Its position is the topics' own end, read at every start:
 * a crash after the broker acknowledged never publishes an entry twice.
 */
export class AuditPublisher extends LeasedWorker {
  /** Entries and checkpoints on the topics, as far as this instance knows. */
  published = { entries: 0, checkpoints: 0 };
  /** Why the publisher cannot go on, if it cannot (readiness reports it). */
  blocked?: string;

  constructor(
    db: SqlDatabase,
    private readonly options: AuditPublisherOptions,
  ) {
    super(db, 'cfc.audit.publisher', options.logger);
  }

  protected async lead(connection: SqlExecutor): Promise<void> {
    const producer = this.options.client.producer({ idempotent: true });
    await producer.connect();
    try {
      let next = await this.topicEnd(this.options.entriesTopic);
      let nextCheckpoint = await this.topicEnd(this.options.checkpointsTopic);
      await this.checkNotAhead(connection, next, nextCheckpoint);
      this.published = { entries: next, checkpoints: nextCheckpoint };
      this.logger.info({ entries: next, checkpoints: nextCheckpoint }, 'audit publisher holds the lease');
      const backoff = new IdleBackoff(this.options.idleMs ?? 20);
      while (!this.stopping) {
        const entries = await this.publishEntries(connection, producer, next);
        next += entries;
        const checkpoints = await this.publishCheckpoints(connection, producer, nextCheckpoint, next);
        nextCheckpoint += checkpoints;
        this.published = { entries: next, checkpoints: nextCheckpoint };
        // The sequencer wakes the pause when it commits; the backoff bounds it when another instance does.
        if (entries < (this.options.batchSize ?? 2000)) await this.pause(backoff.next(entries + checkpoints > 0));
      }
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  }

  private async publishEntries(c: SqlExecutor, producer: MessageProducer, from: number): Promise<number> {
    const { rows } = await c.query<{ seq: string; bytes: Buffer; appended_at: Date }>(
      `SELECT seq, bytes, appended_at FROM audit.entries WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [from, this.options.batchSize ?? 2000],
      'audit-publish-entries',
    );
    if (rows.length === 0) return 0;
    if (Number(rows[0].seq) !== from) throw new Error(`audit.entries has no seq ${from}`);
    await producer.send(this.options.entriesTopic, rows.map((r) => ({ value: r.bytes, partition: 0 })));
    const m = this.options.metrics;
    m?.counter('cfc_audit_entries_published_total', 'Audit entries published to the audit topic').inc({}, rows.length);
    m?.gauge('cfc_audit_publish_lag_seconds', 'Age of the newest published entry (append to acknowledged)').set({}, Math.max(0, (Date.now() - rows[rows.length - 1].appended_at.getTime()) / 1000));
    return rows.length;
  }

  private async publishCheckpoints(c: SqlExecutor, producer: MessageProducer, from: number, entriesOnTopic: number): Promise<number> {
    const { rows } = await c.query<{ json: string }>(
      `SELECT json FROM audit.checkpoints WHERE ordinal >= $1 AND tree_size <= $2 ORDER BY ordinal LIMIT 500`,
      [from, entriesOnTopic],
      'audit-publish-checkpoints',
    );
    if (rows.length > 0) await producer.send(this.options.checkpointsTopic, rows.map((r) => ({ value: Buffer.from(r.json, 'utf8'), partition: 0 })));
    return rows.length;
  }

  private async topicEnd(topic: string): Promise<number> {
    const admin = this.options.client.admin();
    await admin.connect();
    try {
      const partitions = await admin.topicOffsets(topic);
      if (partitions.length !== 1 || partitions[0].low !== '0') throw new TopicAheadOfLogError(`${topic} must have one partition holding everything from offset 0`);
      return Number(partitions[0].high);
    } finally {
      await admin.disconnect();
    }
  }

  private async checkNotAhead(c: SqlExecutor, entries: number, checkpoints: number): Promise<void> {
    const { rows } = await c.query<{ entries: string; checkpoints: string }>(
      `SELECT (SELECT coalesce(max(seq) + 1, 0) FROM audit.entries) AS entries, (SELECT coalesce(max(ordinal) + 1, 0) FROM audit.checkpoints) AS checkpoints`,
    );
    const [log, signed] = [Number(rows[0].entries), Number(rows[0].checkpoints)];
    if (entries > log || checkpoints > signed) {
      this.blocked = `the audit topics hold ${entries} entries and ${checkpoints} checkpoints, the log only ${log} and ${signed}: not publishing over them`;
      throw new TopicAheadOfLogError(this.blocked);
    }
    this.blocked = undefined;
  }
}
