import type { PlatformLogger } from '@cfc/platform';
import type { ObjectionCommands } from './objection.commands';
import type { ObjectionsQueries } from './objections.queries';

/**
 * Records objection.overdue for objections unanswered past dueBy, every `everyMs` (reads say OVERDUE from dueBy
 * on regardless: this puts the step on the log, for the audit stream and the report). Replicas may sweep
 * together: the decider ignores objections already answered or marked.
 */
export class OverdueSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly queries: ObjectionsQueries,
    private readonly commands: ObjectionCommands,
    private readonly now: () => Date,
    private readonly everyMs: number,
    private readonly logger: PlatformLogger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void (this.running ??= this.sweep().finally(() => (this.running = undefined))), this.everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many were marked. */
  async sweep(): Promise<number> {
    let marked = 0;
    try {
      for (const { objectionId, subject } of await this.queries.duePast(this.now(), 100)) {
        const events = await this.commands.run(objectionId, { type: 'MarkOverdue' }, { actor: { kind: 'system', id: 'ingestion' }, subject, correlationId: `overdue-${objectionId}` });
        marked += events.length;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'overdue sweep failed; the next one retries');
    }
    return marked;
  }
}
