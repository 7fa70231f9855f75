import { decideDataAccount, evolveDataAccount, initialDataAccountState } from './data-account.decider';

describe('data account decider', () => {
  const login = (now: string) => ({ type: 'OpenOnLogin' as const, uscc: '91110108551385082Q', challengeRef: 'c1', now });

  it('opens the account on the first login only', () => {
    const first = decideDataAccount(login('2026-11-24T05:00:00.000Z'), initialDataAccountState());
    expect(first).toEqual([{ type: 'data-account.opened', data: { uscc: '91110108551385082Q', openedAt: '2026-11-24T05:00:00.000Z', challengeRef: 'c1' } }]);
    const state = first.reduce(evolveDataAccount, initialDataAccountState());
    expect(state).toEqual({ opened: true, openedAt: '2026-11-24T05:00:00.000Z' });
    expect(decideDataAccount(login('2026-11-25T05:00:00.000Z'), state)).toEqual([]);
  });
});
