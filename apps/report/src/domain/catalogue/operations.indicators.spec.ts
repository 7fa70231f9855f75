import { monthsBetween } from '../period/period';
import { account, indicator, valueOf } from '../testing/statistics.fixture';

// Window 2025-11..2026-10 (12 months). Account A: month i (0..11) takes in 100,000 × (i+1) fen in 10
// transactions, 20,000 of it from a financial institution, and pays out 80,000 in 8; 20 active days; its
// largest inflow is 30,000, but 90,000 in month 6. Account B: 50,000 in 5, 40,000 out in 4, no
// counterparty breakdown, 11 active days, largest inflow 25,000.
const FROM = '2025-11';
const TO = '2026-10';
const periods = monthsBetween(FROM, TO);
const a = account('A', periods, (i) => ({
  inflow: [100_000 * (i + 1), 10],
  outflow: [80_000, 8],
  counterparties: { FINANCIAL_INSTITUTION: { inflow: [20_000, 1] }, ENTERPRISE: { inflow: [100_000 * (i + 1) - 20_000, 9], outflow: [80_000, 8] } },
  features: { activeDays: 20, largestInflow: i === 6 ? 90_000 : 30_000 },
}));
const b = account('B', periods, () => ({ inflow: [50_000, 5], outflow: [40_000, 4], features: { activeDays: 11, largestInflow: 25_000 } }));

describe('operations (经营状况)', () => {
  it('adds up 12-month inflow and outflow, amounts and counts, over both accounts', () => {
    // A: 100,000 × (1 + 2 + … + 12) = 100,000 × 78 = 7,800,000; B: 50,000 × 12 = 600,000
    expect(valueOf('OPS_INFLOW_12M', FROM, TO, [a, b])).toBe(8_400_000);
    // 80,000 × 12 + 40,000 × 12 = 960,000 + 480,000
    expect(valueOf('OPS_OUTFLOW_12M', FROM, TO, [a, b])).toBe(1_440_000);
    expect(valueOf('OPS_INFLOW_COUNT_12M', FROM, TO, [a, b])).toBe(180); // 10 × 12 + 5 × 12
    expect(valueOf('OPS_OUTFLOW_COUNT_12M', FROM, TO, [a, b])).toBe(144); // 8 × 12 + 4 × 12
  });

  it('prints the inflow and outflow of each month, and their mean', () => {
    const monthly = valueOf('OPS_MONTHLY_INFLOW', FROM, TO, [a, b]) as { from: string; to: string; values: number[] };
    expect([monthly.from, monthly.to, monthly.values.length]).toEqual([FROM, TO, 12]);
    expect(monthly.values[0]).toBe(150_000); // 100,000 + 50,000
    expect(monthly.values[11]).toBe(1_250_000); // 1,200,000 + 50,000
    expect((valueOf('OPS_MONTHLY_OUTFLOW', FROM, TO, [a, b]) as { values: number[] }).values).toEqual(Array(12).fill(120_000));
    expect(valueOf('OPS_MEAN_MONTHLY_INFLOW', FROM, TO, [a, b])).toBe(700_000); // 8,400,000 / 12
  });

  it('divides amounts by counts for the average ticket, rounding once to the fen', () => {
    // 8,400,000 / 180 = 46,666.67 -> 46,667
    expect(valueOf('OPS_AVG_INFLOW_TICKET', FROM, TO, [a, b])).toBe(46_667);
    expect(valueOf('OPS_AVG_OUTFLOW_TICKET', FROM, TO, [a, b])).toBe(10_000); // 1,440,000 / 144
    const silent = account('S', periods, () => ({ inflow: [0, 0], outflow: [0, 0] }));
    expect(indicator('OPS_AVG_INFLOW_TICKET', FROM, TO, [silent])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'ZERO_BASE' });
  });

  it('takes loans out of operating inflow, and says so when an account has no counterparty breakdown', () => {
    // A: 7,800,000 − 12 × 20,000 = 7,560,000
    expect(valueOf('OPS_OPERATING_INFLOW_12M', FROM, TO, [a])).toBe(7_560_000);
    // 7,560,000 / 7,800,000 = 0.969230… -> 0.9692
    expect(valueOf('OPS_OPERATING_INFLOW_SHARE', FROM, TO, [a])).toBe(0.9692);
    expect(indicator('OPS_OPERATING_INFLOW_12M', FROM, TO, [a, b])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'NOT_SUPPLIED' });
  });

  it('averages active days per account-month and takes the largest single inflow', () => {
    // (20 × 12 + 11 × 12) / 24 account-months = 372 / 24 = 15.5
    expect(valueOf('OPS_MEAN_ACTIVE_DAYS', FROM, TO, [a, b])).toBe(15.5);
    expect(valueOf('OPS_LARGEST_INFLOW', FROM, TO, [a, b])).toBe(90_000);
  });

  it('refuses 12-month sums over a shorter window or with a month missing, naming the month', () => {
    expect(indicator('OPS_INFLOW_12M', '2026-05', TO, [a, b])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'TOO_FEW_MONTHS' });
    const gap = { bindingId: 'G', months: a.months.filter((m) => m.period !== '2026-03') };
    const result = indicator('OPS_INFLOW_12M', FROM, TO, [gap]);
    expect(result).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'MONTHS_MISSING' });
    expect(result.status === 'INSUFFICIENT_DATA' && result.detail).toContain('2026-03');
    // The mean still stands on the 11 months there are: (7,800,000 − 500,000) / 11 = 663,636.36 -> 663,636
    expect(indicator('OPS_MEAN_MONTHLY_INFLOW', FROM, TO, [gap])).toMatchObject({ status: 'OK', value: 663_636, months: 11 });
    // and the month without data is null in the monthly series, not 0
    expect((valueOf('OPS_MONTHLY_INFLOW', FROM, TO, [gap]) as { values: unknown[] }).values[4]).toBeNull();
  });
});
