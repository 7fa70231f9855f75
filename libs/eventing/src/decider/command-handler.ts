import type { SqlExecutor } from '../sql/sql.port';
import type { PostgresEventStore } from '../store/postgres.event-store';
import type { AppendContext, DomainEvent, StoredEvent } from '../store/stored-event';
import { StreamVersionConflictError } from '../store/stream-version-conflict.error';
import { asEvents, type Decider } from './decider';
import { StreamStateCache } from './stream-state.cache';

export interface CommandHandlerOptions {
  /** Attempts in all (first try plus retries on conflict). Default 5. */
  maxAttempts?: number;
  now?: () => Date;
  /** Random pause before a retry, up to this many ms, so racing writers spread out. Default 10. */
  retryJitterMs?: number;
  /** Streams whose folded state is kept between commands (0 = always read the stream). Default 0. */
  cachedStreams?: number;
}

export interface HandledCommand<State> {
  state: State;
  version: number;
  events: StoredEvent[];
}

/**
 * The one generic command handler: load the stream, fold, decide, append at the version read, and on
 * a conflict start over (bounded). Inside a caller's transaction (`tx`) it does not retry: a failed
 * statement aborts that transaction, so the caller retries the whole unit of work.
 */
export class CommandHandler<Command, Event extends DomainEvent, State> {
  private readonly maxAttempts: number;
  private readonly now: () => Date;
  private readonly jitterMs: number;
  private readonly cache: StreamStateCache<State>;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly decider: Decider<Command, Event, State>,
    options: CommandHandlerOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.now = options.now ?? (() => new Date());
    this.jitterMs = options.retryJitterMs ?? 10;
    this.cache = new StreamStateCache(options.cachedStreams ?? 0);
  }

  /** Runs one command against one stream; throws the decider's errors, or StreamVersionConflictError after the last attempt. */
  async handle(streamId: string, command: Command, context: AppendContext, tx?: SqlExecutor): Promise<HandledCommand<State>> {
    const attempts = tx ? 1 : this.maxAttempts;
    const cached = tx ? undefined : this.cache.get(streamId);
    if (cached) {
      // One round trip when this process wrote the stream last; anything else falls back to a full load.
      const fast = await this.decideAndAppend(streamId, command, context, cached.state, cached.version).catch(() => undefined);
      if (fast) return fast;
      this.cache.delete(streamId);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(streamId, command, context, tx);
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || attempt >= attempts) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * this.jitterMs * attempt));
      }
    }
  }

  private async once(streamId: string, command: Command, context: AppendContext, tx?: SqlExecutor): Promise<HandledCommand<State>> {
    const stream = await this.store.readStream(streamId, { tx });
    const state = stream.events.reduce((s, e) => this.decider.evolve(s, { type: e.type, data: e.data } as unknown as Event), this.decider.initialState());
    return this.decideAndAppend(streamId, command, context, state, stream.version, tx);
  }

  private async decideAndAppend(streamId: string, command: Command, context: AppendContext, state: State, version: number, tx?: SqlExecutor): Promise<HandledCommand<State>> {
    const decided = asEvents(this.decider.decide(command, state, { now: this.now() }));
    const appended = await this.store.append(streamId, version, decided, context, tx);
    const next = decided.reduce(this.decider.evolve, state);
    // Only autocommitted appends are known to be durable; a caller's transaction may still roll back.
    if (!tx) this.cache.set(streamId, { version: appended.version, state: next });
    return { state: next, version: appended.version, events: appended.events };
  }
}
