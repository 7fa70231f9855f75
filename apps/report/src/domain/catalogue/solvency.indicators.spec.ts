import { monthsBetween } from '../period/period';
import { account, indicator, valueOf } from '../testing/statistics.fixture';

// Window 2026-01..2026-06: 31 + 28 + 31 + 30 + 31 + 30 = 181 days. Account A: average daily balance
// 100,000 … 600,000 (steps of 100,000), month-end 20,000 above it, minimum 50,000 (10,000 in March);
// it pays out 3,000 fen per calendar day (Σ 543,000). Account B: minimum 5,000 (0 in January).
const FROM = '2026-01';
const TO = '2026-06';
const periods = monthsBetween(FROM, TO);
const DAYS = [31, 28, 31, 30, 31, 30];
const a = account('A', periods, (i) => ({
  inflow: [1_000_000, 10],
  outflow: [3_000 * DAYS[i], 10],
  balance: [100_000 * (i + 1) + 20_000, 100_000 * (i + 1), i === 2 ? 10_000 : 50_000, 900_000],
}));
const b = account('B', periods, (i) => ({ inflow: [0, 0], outflow: [0, 0], balance: [5_000, 5_000, i === 0 ? 0 : 5_000, 5_000] }));

describe('solvency (偿债能力)', () => {
  it('averages the daily balance, takes the lowest minimum and the latest month-end', () => {
    expect(valueOf('SOL_MEAN_DAILY_BALANCE', FROM, TO, [a])).toBe(350_000); // 2,100,000 / 6
    expect(valueOf('SOL_MIN_BALANCE', FROM, TO, [a])).toBe(10_000);
    expect(valueOf('SOL_MONTH_END_BALANCE', FROM, TO, [a])).toBe(620_000);
    // Consolidated minima are added up month by month: 50+0, 50+5, 10+5, 55, 55, 55 (thousand) -> 15,000
    expect(valueOf('SOL_MIN_BALANCE', FROM, TO, [a, b])).toBe(15_000);
  });

  it('prints the month-end balance of each month, the accounts added up, a month without data as null', () => {
    // A's month-end is 120,000 … 620,000; B's is 5,000 every month.
    expect(valueOf('SOL_MONTHLY_MONTH_END_BALANCE', FROM, TO, [a, b])).toEqual({ from: FROM, to: TO, values: [125_000, 225_000, 325_000, 425_000, 525_000, 625_000] });
    const gap = account('G', periods.filter((p) => p !== '2026-03'), () => ({ inflow: [0, 0], outflow: [0, 0], balance: [7_000, 7_000, 7_000, 7_000] }));
    expect((valueOf('SOL_MONTHLY_MONTH_END_BALANCE', FROM, TO, [gap]) as { values: unknown[] }).values).toEqual([7_000, 7_000, null, 7_000, 7_000, 7_000]);
  });

  it('measures balance volatility as σ / mean, exactly', () => {
    // averages 1..6 (×100,000): nΣx² − (Σx)² = 6·91 − 21² = 105; √105 / 21 = 0.487950 -> 0.4880
    expect(valueOf('SOL_DAILY_BALANCE_CV', FROM, TO, [a])).toBe(0.488);
    // minima 50,50,10,50,50,50 (thousand): 6·12,600 − 260² = 8,000; √8,000 / 260 = 0.344010 -> 0.3440
    expect(valueOf('SOL_MIN_BALANCE_CV', FROM, TO, [a])).toBe(0.344);
    // month-ends 120..620 (thousand): same spread, 100·√105 / 2,220 = 0.461574 -> 0.4616
    expect(valueOf('SOL_MONTH_END_BALANCE_CV', FROM, TO, [a])).toBe(0.4616);
    expect(indicator('SOL_DAILY_BALANCE_CV', '2026-02', TO, [a])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'TOO_FEW_MONTHS' });
  });

  it('counts cash buffer days as the mean balance over the mean daily outflow', () => {
    // (2,100,000 / 6) / (543,000 / 181) = 350,000 / 3,000 = 116.67 -> 116.7
    expect(valueOf('SOL_CASH_BUFFER_DAYS', FROM, TO, [a])).toBe(116.7);
    expect(indicator('SOL_CASH_BUFFER_DAYS', FROM, TO, [b])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'ZERO_BASE' });
    expect(indicator('SOL_CASH_BUFFER_DAYS', '2026-05', TO, [a])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'TOO_FEW_MONTHS' });
  });

  describe('over a year with loans', () => {
    // 2025-11..2026-10. L takes in 1,000,000 a month; 200,000 of it is a loan drawn in months 0 and 6;
    // it repays 50,000 to financial institutions every month; 1 zero-balance day in months 2 and 5.
    // M has 3 zero-balance days in month 9.
    const year = monthsBetween('2025-11', '2026-10');
    const loans = account('L', year, (i) => ({
      inflow: [1_000_000, 5],
      outflow: [600_000, 5],
      counterparties: { FINANCIAL_INSTITUTION: { inflow: [i % 6 === 0 ? 200_000 : 0, i % 6 === 0 ? 1 : 0], outflow: [50_000, 1] } },
      features: { zeroBalanceDays: i === 2 || i === 5 ? 1 : 0 },
    }));
    const other = account('M', year, (i) => ({ inflow: [1, 1], outflow: [1, 1], features: { zeroBalanceDays: i === 9 ? 3 : 0 } }));

    it('adds up drawdowns and repayments, and their difference', () => {
      expect(valueOf('SOL_LOAN_DRAWDOWNS_12M', '2025-11', '2026-10', [loans])).toBe(400_000); // 2 × 200,000
      expect(valueOf('SOL_LOAN_REPAYMENTS_12M', '2025-11', '2026-10', [loans])).toBe(600_000); // 12 × 50,000
      expect(valueOf('SOL_NET_BORROWING_12M', '2025-11', '2026-10', [loans])).toBe(-200_000);
    });

    it('divides repayments by operating inflow for the debt service ratio', () => {
      // 600,000 / (12,000,000 − 400,000) = 0.0517241 -> 0.0517
      expect(valueOf('SOL_DEBT_SERVICE_RATIO', '2025-11', '2026-10', [loans])).toBe(0.0517);
    });

    it('adds up zero-balance days as account-days', () => {
      expect(valueOf('SOL_ZERO_BALANCE_DAYS_12M', '2025-11', '2026-10', [loans])).toBe(2);
      expect(valueOf('SOL_ZERO_BALANCE_DAYS_12M', '2025-11', '2026-10', [loans, other])).toBe(5); // 2 + 3
    });
  });
});
