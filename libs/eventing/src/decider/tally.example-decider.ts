import type { Decider } from './decider';

// A small worked decider used by eventing's own tests and README: a running total that can be closed.

export type TallyCommand = { type: 'add'; amount: number } | { type: 'close' };
export type TallyEvent = { type: 'tally.added'; data: { amount: number } } | { type: 'tally.closed'; data: { at: string } };
export interface TallyState {
  total: number;
  additions: number;
  closedAt?: string;
}

export class TallyClosedError extends Error {}

export const tallyDecider: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: () => ({ total: 0, additions: 0 }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'tally.added':
        return { ...state, total: state.total + event.data.amount, additions: state.additions + 1 };
      case 'tally.closed':
        return { ...state, closedAt: event.data.at };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
  decide: (command, state, { now }) => {
    if (state.closedAt) throw new TallyClosedError(`closed at ${state.closedAt}`);
    switch (command.type) {
      case 'add':
        return { type: 'tally.added', data: { amount: command.amount } };
      case 'close':
        return { type: 'tally.closed', data: { at: now.toISOString() } };
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  },
};
