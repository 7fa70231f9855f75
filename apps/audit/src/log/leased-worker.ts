import { WakeablePause, type SqlDatabase, type SqlExecutor } from '@cfc/eventing';
import { silentLogger, type PlatformLogger } from '@cfc/platform';

/**
 * A loop that only one instance runs at a time: it holds a session advisory lock on one dedicated
 * connection for as long as it works (like the outbox relay's lease) and does all its writes on that
 * connection, so a lost connection ends both the lease and any write in flight. Others stand by and take
 * over within `standbyMs`. A failure closes the session and starts over from the tables.
 */
export abstract class LeasedWorker {
  private running?: Promise<void>;
  protected stopping = false;
  private readonly idle = new WakeablePause();
  /** True while this instance holds the lease. */
  leading = false;

  protected constructor(
    protected readonly db: SqlDatabase,
    private readonly leaseName: string,
    protected readonly logger: PlatformLogger = silentLogger,
    private readonly standbyMs = 1000,
  ) {}

  /** Works while holding the lease, until stop(); returns to stand by if it returns. */
  protected abstract lead(connection: SqlExecutor): Promise<void>;

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.idle.resume();
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.idle.stop();
    await this.running;
    this.running = undefined;
  }

  /** Cuts the current pause short (new work arrived). */
  wake(): void {
    this.idle.wake();
  }

  /** Waits up to `ms`, or until woken; a wake that came while busy ends the next pause at once. */
  protected pause(ms: number): Promise<void> {
    return this.idle.wait(ms);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.db.session(async (connection) => {
          const { rows } = await connection.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [this.leaseName]);
          if (!rows[0].locked) return this.pause(this.standbyMs);
          await connection.query(`SELECT set_config('application_name', $1, false)`, [this.leaseName]); // names it in pg_stat_activity
          this.leading = true;
          try {
            await this.lead(connection);
          } finally {
            this.leading = false;
          }
          await connection.query(`SELECT pg_advisory_unlock(hashtext($1))`, [this.leaseName]);
        });
      } catch (error) {
        this.logger.error({ err: error, lease: this.leaseName }, 'audit worker failed; starting over from the tables');
        await this.pause(500);
      }
    }
  }
}
