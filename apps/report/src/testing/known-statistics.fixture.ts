import type { AcceptedStatisticsRecord } from '@cfc/contracts';
import { acceptedRecord, type TestBinding } from './statistics-events';

// Test support: the known statistics the integration suite reports on, over 2025-11..2026-10 (months
// i = 0..11). The figures the suite expects are worked out by hand from these numbers in the suite.
//
// Account A (BASIC at B0001), every month i:
//   inflow 1,000,000 + 10,000·i in 50; outflow 800,000 in 40;
//   cash: 50,000 deposited (2), 20,000 withdrawn (1);
//   enterprises 700,000 + 10,000·i in (10 distinct), 500,000 out; individuals 200,000 out (20 distinct);
//   government 50,000 out in months 0..7 only; financial institutions 300,000 in (month 0 only), 50,000 out;
//   balance: end 2,000,000 + 100,000·i, average daily 1,500,000, min 500,000, max 3,000,000;
//   features: 20 active days, largest inflow 200,000, largest outflow 150,000, top share 0.25.
// Account B (PAYMENT at P0001), months 6..11 only: 100,000 in (10), 100,000 out (10), balances 10,000;
//   no cash, counterparty or feature statistics.
export const KNOWN_PERIODS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

export function knownRecords(a: TestBinding, b: TestBinding): AcceptedStatisticsRecord[] {
  const forA = KNOWN_PERIODS.map((period, i) =>
    acceptedRecord(a, period, 1, {
      inflow: { amount: 1_000_000 + 10_000 * i, count: 50 },
      outflow: { amount: 800_000, count: 40 },
      cash: { deposit: { amount: 50_000, count: 2 }, withdrawal: { amount: 20_000, count: 1 } },
      counterparties: [
        { type: 'ENTERPRISE', inflow: { amount: 700_000 + 10_000 * i, count: 30 }, outflow: { amount: 500_000, count: 20 }, distinct: 10 },
        { type: 'INDIVIDUAL', inflow: { amount: 0, count: 0 }, outflow: { amount: 200_000, count: 15 }, distinct: 20 },
        { type: 'GOVERNMENT', inflow: { amount: 0, count: 0 }, outflow: { amount: i < 8 ? 50_000 : 0, count: i < 8 ? 1 : 0 }, distinct: 1 },
        { type: 'FINANCIAL_INSTITUTION', inflow: { amount: i === 0 ? 300_000 : 0, count: i === 0 ? 1 : 0 }, outflow: { amount: 50_000, count: 1 }, distinct: 1 },
      ],
      balance: { end: 2_000_000 + 100_000 * i, averageDaily: 1_500_000, min: 500_000, max: 3_000_000 },
      features: { activeDays: 20, largestInflow: 200_000, largestOutflow: 150_000, zeroBalanceDays: 0, topCounterpartyShare: 0.25 },
    }),
  );
  const forB = KNOWN_PERIODS.slice(6).map((period) =>
    acceptedRecord(b, period, 1, { inflow: { amount: 100_000, count: 10 }, outflow: { amount: 100_000, count: 10 }, balance: { end: 10_000, averageDaily: 10_000, min: 10_000, max: 10_000 } }),
  );
  return [...forA, ...forB];
}
