import { monthsBetween } from '../period/period';
import { account, indicator, valueOf } from '../testing/statistics.fixture';

// Window 2026-01..2026-08 (8 months). P pays government (taxes, social insurance) in months 0, 1, 2,
// 4, 5, 7; individuals (payroll) every month; financial institutions in months 3 and 7. Q pays
// government in month 3 only and never deals with financial institutions.
const FROM = '2026-01';
const TO = '2026-08';
const periods = monthsBetween(FROM, TO);
const paysGovernment = new Set([0, 1, 2, 4, 5, 7]);
const p = account('P', periods, (i) => ({
  inflow: [500_000, 5],
  outflow: [300_000, 5],
  counterparties: {
    GOVERNMENT: { outflow: [paysGovernment.has(i) ? 10_000 : 0, paysGovernment.has(i) ? 1 : 0] },
    INDIVIDUAL: { outflow: [30_000, 3] },
    FINANCIAL_INSTITUTION: { outflow: [i === 3 || i === 7 ? 5_000 : 0, i === 3 || i === 7 ? 1 : 0] },
  },
}));
const q = account('Q', periods, (i) => ({ inflow: [100, 1], outflow: [100, 1], counterparties: { GOVERNMENT: { outflow: [i === 3 ? 100 : 0, i === 3 ? 1 : 0] } } }));

describe('performance capacity (履约能力)', () => {
  it('counts the months with tax, payroll and repayment outflows out of the months covered', () => {
    expect(valueOf('PERF_TAX_PAYMENT_REGULARITY', FROM, TO, [p])).toBe(0.75); // 6 / 8
    expect(valueOf('PERF_PAYROLL_REGULARITY', FROM, TO, [p])).toBe(1); // 8 / 8
    expect(valueOf('PERF_REPAYMENT_REGULARITY', FROM, TO, [p])).toBe(0.25); // 2 / 8
  });

  it('consolidates by month: a month counts when any account paid', () => {
    // government months {0,1,2,4,5,7} ∪ {3} = 7 of 8 -> 0.875
    expect(valueOf('PERF_TAX_PAYMENT_REGULARITY', FROM, TO, [p, q])).toBe(0.875);
  });

  it('has no repayment regularity without any financial-institution flow, nor with under 3 months', () => {
    expect(indicator('PERF_REPAYMENT_REGULARITY', FROM, TO, [q])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'ZERO_BASE' });
    expect(indicator('PERF_PAYROLL_REGULARITY', '2026-07', TO, [p])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'TOO_FEW_MONTHS' });
    const bare = account('B', periods, () => ({ inflow: [1, 1], outflow: [1, 1] }));
    expect(indicator('PERF_PAYROLL_REGULARITY', FROM, TO, [bare])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'NOT_SUPPLIED' });
  });

  it('adds up 12 months of tax and payroll payments', () => {
    // 2025-11..2026-10: government 10,000 in 10 of the 12 months (not months 4 and 9); payroll 30,000 each month
    const year = monthsBetween('2025-11', '2026-10');
    const y = account('Y', year, (i) => ({
      inflow: [1, 1],
      outflow: [1, 1],
      counterparties: { GOVERNMENT: { outflow: [i === 4 || i === 9 ? 0 : 10_000, 1] }, INDIVIDUAL: { outflow: [30_000, 2] } },
    }));
    expect(valueOf('PERF_TAX_PAYMENTS_12M', '2025-11', '2026-10', [y])).toBe(100_000); // 10 × 10,000
    expect(valueOf('PERF_PAYROLL_12M', '2025-11', '2026-10', [y])).toBe(360_000); // 12 × 30,000
  });
});
