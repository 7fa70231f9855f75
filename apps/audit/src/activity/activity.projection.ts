import type { ActivityItem, AuditEntry } from '@cfc/contracts';
import type { MetricsRegistry, SqlDatabase, SqlExecutor } from '@cfc/eventing';
import { silentLogger, type IncomingBatch, type MessageConsumer, type MessagingClient, type PlatformLogger } from '@cfc/platform';
import { ACTIVITY_TABLES } from '../audit.migration';
import { readEntry } from '../domain/activity/activity-item';
import { InstitutionDirectory } from '../domain/activity/institution-directory';

export interface ActivityProjectionOptions {
  db: SqlDatabase;
  client: MessagingClient;
  entriesTopic: string;
  /** Group name before the generation suffix (cfc.audit.activity). */
  group: string;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}

/**
 * The enterprises' activity records, projected from cfc.audit.v1 alone (never the source topics): each
 * entry in seq order, institution names from the institution.registered entries before it. Its position
 * is the last applied seq, stored with the items; Kafka offsets only say where to fetch. A rebuild drops
 * the tables and reads the topic again from offset 0 under the next generation's group. An item is
 * stored without its entry: the record's reader attaches the entry's bytes from the log by seq.
 */
export class ActivityProjection {
  private consumer?: MessageConsumer;
  private names = new InstitutionDirectory();
  private applied = -1;
  private generation = 1;
  /** Why the projection stopped, if it did (a gap or a damaged entry on the topic). */
  broken?: string;

  constructor(private readonly options: ActivityProjectionOptions) {}

  get appliedSeq(): number {
    return this.applied;
  }

  async start(): Promise<void> {
    const { db } = this.options;
    const state = await db.query<{ generation: number; applied_seq: string }>(`SELECT generation, applied_seq FROM audit_activity.state WHERE name = 'activity'`);
    this.generation = state.rows[0].generation;
    this.applied = Number(state.rows[0].applied_seq);
    const known = await db.query<{ id: string; name: string }>(`SELECT id, name FROM audit_activity.institutions`);
    this.names = new InstitutionDirectory(known.rows.map((r) => [r.id, r.name]));
    this.broken = undefined;
    // Batches under load (the bytes fill first); on a quiet topic a fetch every 100 ms (at 20 ms, the idle fetches cost ~5% of a core per consumer).
    this.consumer = this.options.client.consumer({ groupId: `${this.options.group}.g${this.generation}`, maxBytesPerPartition: 4 << 20, minBytes: 64 * 1024, maxWaitMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe([this.options.entriesTopic], { fromBeginning: true });
    await this.consumer.run({ eachBatch: (batch) => this.onBatch(batch) });
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  /** Drops the records and projects them again from offset 0 of the audit topic. */
  async rebuild(): Promise<void> {
    await this.stop();
    await this.options.db.transaction(async (tx) => {
      await tx.query(`SELECT generation FROM audit_activity.state WHERE name = 'activity' FOR UPDATE`);
      await tx.query(`DROP TABLE IF EXISTS audit_activity.items, audit_activity.institutions`);
      for (const statement of ACTIVITY_TABLES) await tx.query(statement);
      await tx.query(`UPDATE audit_activity.state SET generation = generation + 1, applied_seq = -1 WHERE name = 'activity'`);
    });
    await this.start();
  }

  private async onBatch(batch: IncomingBatch): Promise<void> {
    if (this.broken || batch.messages.length === 0) return;
    const items: Array<{ subject: string; item: ActivityItem }> = [];
    const learnt: Array<[string, string]> = [];
    let applied = this.applied;
    for (const message of batch.messages) {
      const entry = asEntry(message.value);
      if (!entry.ok) return this.halt(`offset ${message.offset} is not an audit entry: ${entry.reason}`);
      const seq = entry.value.seq;
      if (seq <= applied) continue; // published again: already applied
      if (seq !== applied + 1) return this.halt(`seq ${seq} follows ${applied}: the topic has a gap`);
      applied = seq;
      const registered = this.names.learn(entry.value);
      if (registered) learnt.push(registered);
      const reading = readEntry(entry.value, this.names);
      if (reading.kind === 'item') items.push(reading);
      else if (reading.kind === 'unknown-type') this.options.logger?.warn({ seq, type: reading.type }, 'audit entry of a type this build cannot read: no activity item');
    }
    if (applied === this.applied) return batch.commit(batch.messages[batch.messages.length - 1].offset);
    await this.options.db.transaction(async (tx) => {
      await insertItems(tx, items);
      if (learnt.length > 0) {
        await tx.query(`INSERT INTO audit_activity.institutions (id, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (id) DO UPDATE SET name = excluded.name`, [learnt.map((l) => l[0]), learnt.map((l) => l[1])]);
      }
      await tx.query(`UPDATE audit_activity.state SET applied_seq = $1 WHERE name = 'activity'`, [applied]);
    });
    this.applied = applied;
    this.options.metrics?.gauge('cfc_audit_activity_applied_seq', 'Last audit seq the activity records include').set({}, applied);
    await batch.commit(batch.messages[batch.messages.length - 1].offset);
  }

  private halt(reason: string): void {
    this.broken = reason;
    (this.options.logger ?? silentLogger).error({ reason }, 'activity projection stopped');
  }
}

// The log's own topic: a structural check is enough to refuse a damaged value (the regulator tool checks it all).
function asEntry(value: Buffer | null): { ok: true; value: AuditEntry } | { ok: false; reason: string } {
  let entry: Partial<AuditEntry>;
  try {
    entry = JSON.parse(value?.toString('utf8') ?? 'null') as Partial<AuditEntry>;
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const ok = entry !== null && typeof entry === 'object' && Number.isSafeInteger(entry.seq) && typeof entry.type === 'string' && typeof entry.at === 'string' && typeof entry.actor === 'object' && typeof entry.data === 'object';
  return ok ? { ok: true, value: entry as AuditEntry } : { ok: false, reason: 'seq, type, at, actor or data missing' };
}

async function insertItems(tx: SqlExecutor, items: Array<{ subject: string; item: ActivityItem }>): Promise<void> {
  if (items.length === 0) return;
  await tx.query(
    `INSERT INTO audit_activity.items (seq, subject, at, kind, item) SELECT seq, subject, at, kind, item FROM json_to_recordset($1::json) AS r(seq bigint, subject text, at timestamptz, kind text, item text) ON CONFLICT (seq) DO NOTHING`,
    [JSON.stringify(items.map(({ subject, item: { entry: _entry, ...item } }) => ({ seq: item.seq, subject, at: item.at, kind: item.kind, item: JSON.stringify(item) })))],
    'activity-insert-items',
  );
}
