import { CommandHandler, StreamVersionConflictError, type AppendContext, type PostgresEventStore, type SqlDatabase, type SqlExecutor, type StoredEvent } from '@cfc/eventing';
import { objectionDecider, type ObjectionCommand, type ObjectionState } from '../domain/objection/objection.decider';
import { objectionStreamId, type ObjectionEvent } from '../domain/objection/objection.events';
import { projectObjectionEvent } from './objections.projection';

/** Runs a command on one objection's stream and applies its events to the read model in the same transaction. */
export class ObjectionCommands {
  private readonly handler: CommandHandler<ObjectionCommand, ObjectionEvent, ObjectionState>;

  constructor(
    private readonly db: SqlDatabase,
    store: PostgresEventStore,
    now: () => Date,
  ) {
    this.handler = new CommandHandler(store, objectionDecider, { now });
  }

  /** In the caller's transaction when `tx` is given; else in its own, retried on a concurrent append. */
  async run(objectionId: string, command: ObjectionCommand, context: AppendContext, tx?: SqlExecutor): Promise<StoredEvent[]> {
    if (tx) return this.once(objectionId, command, context, tx);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((own) => this.once(objectionId, command, context, own));
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || attempt >= 3) throw error;
      }
    }
  }

  private async once(objectionId: string, command: ObjectionCommand, context: AppendContext, tx: SqlExecutor): Promise<StoredEvent[]> {
    const { events } = await this.handler.handle(objectionStreamId(objectionId), command, context, tx);
    for (const event of events) await projectObjectionEvent(tx, { type: event.type, data: event.data } as ObjectionEvent, event.streamVersion);
    return events;
  }
}
