import { randomUUID } from 'node:crypto';
import type { ContractRegistry } from '@cfc/contracts';
import type { SqlDatabase, SqlExecutor } from '../sql/sql.port';
import { EVENT_COLUMNS, toStoredEvent, type AppendContext, type DomainEvent, type EventRow, type StoredEvent } from './stored-event';
import { StreamVersionConflictError } from './stream-version-conflict.error';
import { Upcasters } from './upcasters';
import { AppendBatcher, type BatchOutcome, type GroupCommitOptions, type PendingAppend } from './append.batcher';

export interface EventStoreOptions {
  upcasters?: Upcasters;
  /** When given, every appended event's data is validated against its contract at the current version. */
  contracts?: ContractRegistry;
  newId?: () => string;
  now?: () => Date;
  /**
   * Group commit for single-event appends outside a caller's transaction: concurrent appends to
   * different streams share one INSERT and one commit, each still checked against its own expected
   * version. On by default; `false` sends every append alone.
   */
  groupCommit?: GroupCommitOptions | false;
}

export interface AppendResult {
  /** The stream's version after the append. */
  version: number;
  events: StoredEvent[];
}

/** One stream as read: its version (0 when empty) and its events, upcast to current versions. */
export interface StreamRead {
  version: number;
  events: StoredEvent[];
}

// One statement, so a multi-event append is atomic without an explicit transaction: the rows go in
// only if the stream is still at the expected version; a racing writer hits the unique key instead.
const APPEND = `
  WITH current AS (SELECT coalesce(max(stream_version), 0) AS version FROM eventing.events WHERE stream_id = $1)
  INSERT INTO eventing.events (event_id, stream_id, stream_version, type, schema_version, subject, data, metadata, occurred_at)
  SELECT e.event_id, $1, $2 + e.ord, e.type, e.schema_version, e.subject, e.data, e.metadata, e.occurred_at
  FROM current, jsonb_to_recordset($3::jsonb) AS e(ord integer, event_id uuid, type text, schema_version integer,
       subject text, data jsonb, metadata jsonb, occurred_at timestamptz)
  WHERE current.version = $2
  ORDER BY e.ord
  RETURNING position, event_id`;

/** The append-only event store on PostgreSQL (table eventing.events, created by migrateEventing). */
export class PostgresEventStore {
  readonly upcasters: Upcasters;
  private readonly newId: () => string;
  private readonly now: () => Date;
  private readonly batcher?: AppendBatcher;

  constructor(
    private readonly db: SqlDatabase,
    private readonly options: EventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new Upcasters();
    this.newId = options.newId ?? randomUUID;
    this.now = options.now ?? (() => new Date());
    if (options.groupCommit !== false) this.batcher = new AppendBatcher(db, (p) => this.appendAlone(p), options.groupCommit || {});
  }

  /** Appends at expectedVersion (0 = new stream) or throws StreamVersionConflictError; `tx` joins a caller's transaction. */
  async append(streamId: string, expectedVersion: number, events: readonly DomainEvent[], context: AppendContext, tx?: SqlExecutor): Promise<AppendResult> {
    if (events.length === 0) return { version: expectedVersion, events: [] };
    const occurredAt = this.now().toISOString();
    const metadata = { actor: context.actor, correlationId: context.correlationId, ...(context.causationId ? { causationId: context.causationId } : {}) };
    const rows = events.map((event, i) => {
      const schemaVersion = this.upcasters.currentVersion(event.type);
      this.options.contracts?.validate(event.type, schemaVersion, event.data);
      return { ord: i + 1, event_id: this.newId(), type: event.type, schema_version: schemaVersion, subject: context.subject ?? null, data: event.data, metadata, occurred_at: occurredAt };
    });
    const inserted = await this.insert(streamId, expectedVersion, rows, tx);
    if (inserted.size < rows.length) throw new StreamVersionConflictError(streamId, expectedVersion);
    // Built from what was sent rather than read back: the append returns only what PostgreSQL assigned.
    const stored = rows.map((r) => ({
      position: inserted.get(r.event_id)!,
      eventId: r.event_id,
      type: r.type,
      schemaVersion: r.schema_version,
      streamId,
      streamVersion: expectedVersion + r.ord,
      ...(context.subject ? { subject: context.subject } : {}),
      ...metadata,
      occurredAt,
      data: r.data as Record<string, unknown>,
    }));
    return { version: expectedVersion + events.length, events: stored };
  }

  // Positions by event id of the rows that went in (none when the stream had moved).
  private async insert(streamId: string, expectedVersion: number, rows: Array<PendingAppend['row'] & { ord: number }>, tx?: SqlExecutor): Promise<Map<string, string>> {
    if (this.batcher && !tx && rows.length === 1) {
      const { ord: _ord, ...row } = rows[0];
      const outcome = await this.batcher.append({ streamId, expectedVersion, row });
      return new Map(outcome === 'conflict' ? [] : [[row.event_id, outcome.position]]);
    }
    try {
      const inserted = await (tx ?? this.db).query<{ position: string; event_id: string }>(APPEND, [streamId, expectedVersion, JSON.stringify(rows)], 'cfc_eventing_append');
      return new Map(inserted.rows.map((r) => [r.event_id, String(r.position)]));
    } catch (error) {
      if (isUniqueViolation(error, 'events_stream_version_unique')) return new Map();
      throw error;
    }
  }

  // A single-event append on its own statement (this.db passed as the executor skips the batcher): for a lone or failed batch.
  private async appendAlone(p: PendingAppend): Promise<BatchOutcome> {
    const inserted = await this.insert(p.streamId, p.expectedVersion, [{ ord: 1, ...p.row }], this.db);
    const position = inserted.get(p.row.event_id);
    return position === undefined ? 'conflict' : { position };
  }

  /** Reads a stream in version order, after `afterVersion` if given. */
  async readStream(streamId: string, options: { afterVersion?: number; tx?: SqlExecutor } = {}): Promise<StreamRead> {
    const result = await (options.tx ?? this.db).query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM eventing.events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
      [streamId, options.afterVersion ?? 0],
      'cfc_eventing_read_stream',
    );
    const events = result.rows.map((r) => toStoredEvent(r, this.upcasters));
    return { version: events.length ? events[events.length - 1].streamVersion : (options.afterVersion ?? 0), events };
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}
