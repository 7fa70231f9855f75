import type { StatisticsRecord } from '@cfc/contracts';

/** The CONTRACT.md example record (valid for any month before the current one). */
export function sampleRecord(overrides: Partial<StatisticsRecord> = {}): StatisticsRecord {
  return {
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
    ...overrides,
  };
}
