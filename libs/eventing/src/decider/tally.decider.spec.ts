import { asEvents, fold } from './decider';
import { tallyDecider, TallyClosedError, type TallyCommand, type TallyEvent } from './tally.example-decider';

// Given events, when a command, then events (or an error): the decider is tested as pure functions.
const now = new Date('2026-11-01T02:00:00Z');
const given = (events: TallyEvent[]) => ({
  when: (command: TallyCommand) => () => asEvents(tallyDecider.decide(command, fold(tallyDecider, events), { now })),
});

describe('tally decider', () => {
  it('given nothing, when add, then added', () => {
    expect(given([]).when({ type: 'add', amount: 5 })()).toEqual([{ type: 'tally.added', data: { amount: 5 } }]);
  });

  it('given additions, when close, then closed at the time passed in', () => {
    expect(given([{ type: 'tally.added', data: { amount: 1 } }]).when({ type: 'close' })()).toEqual([{ type: 'tally.closed', data: { at: now.toISOString() } }]);
  });

  it('given closed, when add, then a domain error', () => {
    expect(given([{ type: 'tally.closed', data: { at: 'x' } }]).when({ type: 'add', amount: 1 })).toThrow(TallyClosedError);
  });

  it('folds the stream into state', () => {
    const state = fold(tallyDecider, [
      { type: 'tally.added', data: { amount: 2 } },
      { type: 'tally.added', data: { amount: 3 } },
    ]);
    expect(state).toEqual({ total: 5, additions: 2 });
  });
});
