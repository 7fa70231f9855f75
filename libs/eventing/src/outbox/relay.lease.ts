import type { SqlExecutor } from '../sql/sql.port';
import { CHECKPOINT_LOCK_KEY, ensureCheckpoint, loadCheckpoint, readCommittedAfter, storeAndReadAfter, storeCheckpoint, type Checkpoint, type CommittedRow } from './committed-events.reader';

/**
 * One relay instance's exclusive hold on its checkpoint: a session advisory lock on one dedicated
 * connection, so that only one instance publishes a topic at a time and a dead one's lock goes with
 * its connection. Holding it, the relay needs one round trip per batch: the checkpoint reached so far
 * is stored by the statement that reads the next batch (async commit: a lost checkpoint only means
 * publishing again, and consumers dedupe).
 */
export class RelayLease {
  private stored: Checkpoint;

  private constructor(
    private readonly connection: SqlExecutor,
    private readonly name: string,
    private at: Checkpoint,
  ) {
    this.stored = at;
  }

  /** The lease on `name`, or undefined when another instance holds it. */
  static async acquire(connection: SqlExecutor, name: string): Promise<RelayLease | undefined> {
    await ensureCheckpoint(connection, name);
    const { rows } = await connection.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(${CHECKPOINT_LOCK_KEY}) AS locked, set_config('synchronous_commit', 'off', false)`,
      [name],
    );
    if (!rows[0].locked) return undefined;
    return new RelayLease(connection, name, await loadCheckpoint(connection, name));
  }

  /** Stores the checkpoint if it moved, and reads the committed events after it. */
  async next(limit: number): Promise<CommittedRow[]> {
    // An idle poll writes nothing.
    const rows = this.at === this.stored ? await readCommittedAfter(this.connection, this.at, limit) : await storeAndReadAfter(this.connection, this.name, this.at, limit);
    this.stored = this.at;
    return rows;
  }

  /** Moves the checkpoint past a published batch (stored with the next read, or on release). */
  advance(to: Checkpoint): void {
    this.at = to;
  }

  /** Stores the checkpoint and gives the lock back. */
  async release(): Promise<void> {
    if (this.at !== this.stored) await storeCheckpoint(this.connection, this.name, this.at);
    this.stored = this.at;
    await this.connection.query(`SELECT pg_advisory_unlock(${CHECKPOINT_LOCK_KEY})`, [this.name]);
  }
}
