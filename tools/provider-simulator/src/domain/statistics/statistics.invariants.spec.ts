import type { StatisticsRecord } from '@cfc/contracts';
import { recordProblems } from './statistics.invariants';

// The CONTRACT.md example record, which holds together.
const record: StatisticsRecord = {
  account: { number: '6222020200112233445', type: 'BASIC' },
  subject: '91110000600037341L',
  period: '2026-10',
  revision: 1,
  inflow: { amount: 12345600, count: 42 },
  outflow: { amount: 9876500, count: 37 },
  cash: { deposit: { amount: 300000, count: 3 }, withdrawal: { amount: 0, count: 0 } },
  counterparties: [{ type: 'ENTERPRISE', inflow: { amount: 10000000, count: 30 }, outflow: { amount: 6000000, count: 20 }, distinct: 14 }],
  balance: { end: 5400000, averageDaily: 4100000, min: 900000, max: 8800000 },
  features: { activeDays: 21, largestInflow: 2000000, largestOutflow: 1500000, zeroBalanceDays: 0, topCounterpartyShare: 0.31 },
};
const enterprise = record.counterparties![0];

describe('cross-field rules of a statistics record', () => {
  it('finds nothing wrong with the contract example', () => {
    expect(recordProblems(record)).toEqual([]);
  });

  it.each<[string, Partial<StatisticsRecord>, RegExp]>([
    ['counterparty inflow above the total', { counterparties: [{ ...enterprise, inflow: { amount: 12345601, count: 30 } }] }, /inflow: counterparty sums exceed/],
    ['counterparty outflow counts above the total', { counterparties: [{ ...enterprise, outflow: { amount: 10, count: 38 } }] }, /outflow: counterparty sums exceed/],
    ['counterparties plus cash above the total', { cash: { deposit: { amount: 2400000, count: 3 }, withdrawal: { amount: 0, count: 0 } } }, /inflow: counterparties and cash exceed/],
    ['an amount without payments', { outflow: { amount: 9876500, count: 0 }, counterparties: [] }, /outflow: an amount without payments/],
    ['more distinct counterparties than payments', { counterparties: [{ ...enterprise, distinct: 51 }] }, /more distinct counterparties/],
    ['a type listed twice', { counterparties: [enterprise, { ...enterprise, inflow: { amount: 1, count: 1 } }] }, /listed twice/],
    ['average above max', { balance: { end: 5400000, averageDaily: 8800001, min: 900000, max: 8800000 } }, /min <= average <= max/],
    ['min above average', { balance: { end: 5400000, averageDaily: 900000, min: 900001, max: 8800000 } }, /min <= average <= max/],
    ['month-end above max', { balance: { end: 8800001, averageDaily: 4100000, min: 900000, max: 8800000 } }, /month-end outside/],
    ['more active days than the month has', { features: { ...record.features!, activeDays: 32 } }, /activeDays/],
    ['zero-balance days with a positive minimum', { features: { ...record.features!, zeroBalanceDays: 2 } }, /zero-balance days but a positive minimum/],
    ['a largest inflow above the total', { features: { ...record.features!, largestInflow: 12345601 } }, /largestInflow/],
    ['a largest outflow below the mean payment', { features: { ...record.features!, largestOutflow: 266000 } }, /largestOutflow/],
  ])('flags %s', (_why, patch, problem) => {
    expect(recordProblems({ ...record, ...patch }).join('\n')).toMatch(problem);
  });
});
