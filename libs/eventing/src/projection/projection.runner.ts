import type { PlatformLogger } from '@cfc/platform';
import { silentLogger } from '@cfc/platform';
import { CHECKPOINT_LOCK_KEY, ensureCheckpoint, loadCheckpoint, lockCheckpoint, readCommittedAfter, START, storeCheckpoint } from '../outbox/committed-events.reader';
import { IdleBackoff } from '../polling/idle-backoff';
import { WakeablePause } from '../polling/wakeable-pause';
import type { SqlDatabase } from '../sql/sql.port';
import { toStoredEvent } from '../store/stored-event';
import { Upcasters } from '../store/upcasters';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  upcasters?: Upcasters;
  batchSize?: number;
  idleMs?: number;
  logger?: PlatformLogger;
}

/**
 * Keeps one projection up to date: each batch of events and the checkpoint move in one transaction,
 * so the read model is exactly the fold of the events up to its checkpoint.
 */
export class ProjectionRunner {
  private readonly name: string;
  private readonly upcasters: Upcasters;
  private running?: Promise<void>;
  private stopping = false;
  private readonly idle = new WakeablePause();

  constructor(
    private readonly db: SqlDatabase,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.name = `projection:${projection.name}`;
    this.upcasters = options.upcasters ?? new Upcasters();
  }

  /** Creates the read model, rebuilding it when the stored version differs from the projection's. */
  async init(): Promise<void> {
    const version = this.projection.version ?? 1;
    await ensureCheckpoint(this.db, this.name, version);
    const stored = await loadCheckpoint(this.db, this.name);
    if (stored.version !== version) {
      await this.rebuild();
      return;
    }
    await this.db.transaction((tx) => this.projection.init(tx));
  }

  /** Applies one batch; returns how many events it covered (0 when caught up or another instance holds it). */
  async step(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const at = await lockCheckpoint(tx, this.name); // read model and checkpoint commit or vanish together
      if (!at) return 0;
      const rows = await readCommittedAfter(tx, at, this.options.batchSize ?? 500);
      for (const row of rows) {
        if (this.projection.handles && !this.projection.handles.includes(row.type)) continue;
        await this.projection.apply(toStoredEvent(row, this.upcasters), tx);
      }
      const last = rows[rows.length - 1];
      if (last) await storeCheckpoint(tx, this.name, { transactionId: last.txid, position: String(last.position) });
      return rows.length;
    });
  }

  /** Applies batches until nothing committed is left. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (let n = await this.step(); n > 0; n = await this.step()) total += n;
    return total;
  }

  /** Drops the read model, recreates it empty at the start, and replays every committed event. */
  async rebuild(): Promise<number> {
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK_KEY})`, [this.name]);
      await this.projection.drop(tx);
      await this.projection.init(tx);
      await storeCheckpoint(tx, this.name, START, this.projection.version ?? 1);
    });
    return this.catchUp();
  }

  /** Polls in the background until stop(). */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.idle.resume();
    this.running = (async () => {
      const backoff = new IdleBackoff(this.options.idleMs ?? 50);
      while (!this.stopping) {
        let n = 0;
        try {
          n = await this.step();
        } catch (error) {
          (this.options.logger ?? silentLogger).error({ err: error, projection: this.projection.name }, 'projection step failed; retrying');
        }
        if (n === 0) await this.idle.wait(backoff.next(false));
        else backoff.next(true);
      }
    })();
  }

  /** Ends the current idle pause: the caller just committed events (its own appends need not wait for the next poll). */
  wake(): void {
    this.idle.wake();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.idle.stop();
    await this.running;
    this.running = undefined;
  }
}
