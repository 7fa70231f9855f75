import { CommandHandler, StreamVersionConflictError, type AppendContext, type PostgresEventStore, type SqlDatabase, type SqlExecutor, type StoredEvent } from '@cfc/eventing';
import { bindingDecider, type BindingCommand, type BindingState } from './domain/binding/binding.decider';
import { bindingStreamId, type BindingEvent } from './domain/binding/binding.events';
import { projectBindingEvent } from './read-model/bindings.projection';

/**
 * Runs a command on one binding's stream and applies the events to the read model in the same
 * transaction: when run() returns, binding.bindings (and so the internal API) already says so.
 */
export class BindingCommands {
  private readonly handler: CommandHandler<BindingCommand, BindingEvent, BindingState>;

  constructor(
    private readonly db: SqlDatabase,
    store: PostgresEventStore,
    now: () => Date,
  ) {
    this.handler = new CommandHandler(store, bindingDecider, { now });
  }

  /** In the caller's transaction when `tx` is given (no retry there); else in its own, retried on a concurrent append. */
  async run(bindingId: string, command: BindingCommand, context: AppendContext, tx?: SqlExecutor): Promise<StoredEvent[]> {
    if (tx) return this.once(bindingId, command, context, tx);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((own) => this.once(bindingId, command, context, own));
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || attempt >= 3) throw error;
      }
    }
  }

  private async once(bindingId: string, command: BindingCommand, context: AppendContext, tx: SqlExecutor): Promise<StoredEvent[]> {
    const { events } = await this.handler.handle(bindingStreamId(bindingId), command, context, tx);
    for (const event of events) await projectBindingEvent(tx, { type: event.type, data: event.data } as BindingEvent, event.streamVersion);
    return events;
  }
}
