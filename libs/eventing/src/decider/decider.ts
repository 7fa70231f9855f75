import type { DomainEvent } from '../store/stored-event';

/** What a decision may depend on besides command and state: time arrives as input, never read. */
export interface DecideContext {
  now: Date;
}

/**
 * An aggregate as three pure functions (Emmett style): state is the fold of the stream with `evolve`;
 * `decide` turns a command and that state into new events, or throws a domain error.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: DecideContext): Event | readonly Event[];
}

/** Folds events into state: used by the command handler and by given/when/then tests alike. */
export function fold<Event extends DomainEvent, State>(decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>, events: readonly Event[]): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Always an array, whatever decide returned. */
export function asEvents<Event>(decided: Event | readonly Event[]): readonly Event[] {
  return Array.isArray(decided) ? (decided as readonly Event[]) : [decided as Event];
}
