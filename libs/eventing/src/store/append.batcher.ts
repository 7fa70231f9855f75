import type { SqlDatabase } from '../sql/sql.port';

/** One single-event append waiting for its group commit: the row as the store would write it. */
export interface PendingAppend {
  streamId: string;
  expectedVersion: number;
  row: { event_id: string; type: string; schema_version: number; subject: string | null; data: unknown; metadata: unknown; occurred_at: string };
}

/** Where a pending append ended up: its position, or `conflict` when its stream had moved. */
export type BatchOutcome = { position: string } | 'conflict';

export interface GroupCommitOptions {
  /** Most appends in one statement. Default 64. */
  maxBatch?: number;
  /** Group statements running at once. Default 2: one can execute while the other waits for its WAL flush. */
  maxInFlight?: number;
}

// Each row goes in only if its own stream is at its own expected version. A racing writer that got
// there first fails the whole statement on the unique key, and run() retries each row alone: races
// are rare, and ON CONFLICT's speculative insertion would cost every row of every batch. Rows need no
// ORDER BY: they are distinct streams, so their relative order carries no meaning.
const APPEND_MANY = `
  INSERT INTO eventing.events (event_id, stream_id, stream_version, type, schema_version, subject, data, metadata, occurred_at)
  SELECT e.event_id, e.stream_id, e.expected + 1, e.type, e.schema_version, e.subject, e.data, e.metadata, e.occurred_at
  FROM jsonb_to_recordset($1::jsonb) AS e(stream_id text, expected integer, event_id uuid, type text,
       schema_version integer, subject text, data jsonb, metadata jsonb, occurred_at timestamptz)
  WHERE e.expected = (SELECT coalesce(max(v.stream_version), 0) FROM eventing.events v WHERE v.stream_id = e.stream_id)
  RETURNING position, event_id`;

/**
 * Application-level group commit: concurrent single-event appends to different streams share one
 * autocommitted INSERT (one round trip, one commit, one WAL flush), and each caller still learns
 * whether its own row landed. Appends to a stream already in the forming batch wait for the next one.
 * If the statement fails as a whole, each append is retried alone so every caller gets its own error.
 */
export class AppendBatcher {
  private readonly queue: Array<{ pending: PendingAppend; resolve: (o: BatchOutcome) => void; reject: (e: unknown) => void }> = [];
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly alone: (pending: PendingAppend) => Promise<BatchOutcome>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 64);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 2);
  }

  /** Queues one append; resolves once the statement carrying it has committed. */
  append(pending: PendingAppend): Promise<BatchOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ pending, resolve, reject });
      if (this.inFlight < this.maxInFlight) this.schedule();
    });
  }

  // After the current I/O callbacks: callers just told their outcome usually append again at once,
  // and those appends should join the next statement rather than trail it.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => ((this.scheduled = false), this.flush()));
  }

  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private take(): typeof this.queue {
    const streams = new Set<string>();
    const batch: typeof this.queue = [];
    for (let i = 0; i < this.queue.length && batch.length < this.maxBatch; ) {
      const item = this.queue[i];
      if (streams.has(item.pending.streamId)) {
        i++;
        continue;
      }
      streams.add(item.pending.streamId);
      batch.push(item);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async run(batch: typeof this.queue): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]);
    const rows = batch.map(({ pending: p }) => ({ stream_id: p.streamId, expected: p.expectedVersion, ...p.row }));
    let landed: Map<string, string>;
    try {
      const result = await this.db.query<{ position: string; event_id: string }>(APPEND_MANY, [JSON.stringify(rows)], 'cfc_eventing_append_many');
      landed = new Map(result.rows.map((r) => [r.event_id, String(r.position)]));
    } catch {
      await Promise.all(batch.map((item) => this.runAlone(item)));
      return;
    }
    for (const { pending, resolve } of batch) {
      const position = landed.get(pending.row.event_id);
      resolve(position === undefined ? 'conflict' : { position });
    }
  }

  private async runAlone(item: (typeof this.queue)[number]): Promise<void> {
    await this.alone(item.pending).then(item.resolve, item.reject);
  }
}
