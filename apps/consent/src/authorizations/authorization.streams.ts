import type { Actor } from '@cfc/contracts';
import { CommandHandler, type PostgresEventStore, type StoredEvent } from '@cfc/eventing';
import type { Clock } from '@cfc/platform';
import { authorizationDecider, type AuthorizationCommand } from '../domain/authorization/authorization.decider';
import { authorizationStreamId, type AuthorizationEvent } from '../domain/authorization/authorization.events';
import { evolveAuthorization, initialAuthorizationState, type AuthorizationState } from '../domain/authorization/authorization.state';
import { authorizationView, type AuthorizationView, type RecordedEvent } from '../domain/authorization/authorization.view';
import type { StreamLocks } from './stream-locks';

/** An authorisation's stream as read: its events with actor and time, the folded state and the version. */
export interface LoadedAuthorization {
  events: RecordedEvent[];
  state: AuthorizationState;
  version: number;
}

const asRecorded = (e: StoredEvent): RecordedEvent => ({ type: e.type, data: e.data, actor: e.actor, occurredAt: e.occurredAt }) as RecordedEvent;

/** Reads authorisation streams and runs lifecycle commands on them (one at a time per stream in this process). */
export class AuthorizationStreams {
  private readonly handler: CommandHandler<AuthorizationCommand, AuthorizationEvent, AuthorizationState>;
  private readonly committedListeners: Array<() => void> = [];

  constructor(
    readonly store: PostgresEventStore,
    private readonly clock: Clock,
    readonly locks: StreamLocks,
  ) {
    this.handler = new CommandHandler(store, authorizationDecider, { now: () => clock.now(), maxAttempts: 10 });
  }

  /** Calls `listener` after each command this process commits (the list read model catches up at once). */
  whenCommitted(listener: () => void): void {
    this.committedListeners.push(listener);
  }

  /** The stream now (state NONE when it does not exist). */
  async load(authorizationId: string): Promise<LoadedAuthorization> {
    const stream = await this.store.readStream(authorizationStreamId(authorizationId));
    const events = stream.events.map(asRecorded);
    return { events, state: events.reduce(evolveAuthorization, initialAuthorizationState()), version: stream.version };
  }

  /** The view at this instant, or undefined when there is no such authorisation. */
  async view(authorizationId: string): Promise<AuthorizationView | undefined> {
    const { events } = await this.load(authorizationId);
    return events.length ? authorizationView(events, this.clock.now()) : undefined;
  }

  /** Decides and appends one command; returns the view after it. Domain refusals are thrown as they are. */
  async execute(authorizationId: string, command: AuthorizationCommand, actor: Actor, subject: string, correlationId: string): Promise<AuthorizationView> {
    const streamId = authorizationStreamId(authorizationId);
    await this.locks.run(streamId, () => this.handler.handle(streamId, command, { actor, subject, correlationId }));
    for (const listener of this.committedListeners) listener();
    return (await this.view(authorizationId))!;
  }
}
