import type { Decider } from '@cfc/eventing';

// The bench's aggregate: an account that records deposits; one command, one event.
export type Deposit = { type: 'deposit'; amount: number };
export type Deposited = { type: 'account.deposited'; data: { amount: number; seq: number } };

export const accountDecider: Decider<Deposit, Deposited, { balance: number; count: number }> = {
  initialState: () => ({ balance: 0, count: 0 }),
  evolve: (s, e) => ({ balance: s.balance + e.data.amount, count: s.count + 1 }),
  decide: (c, s) => ({ type: 'account.deposited', data: { amount: c.amount, seq: s.count + 1 } }),
};
