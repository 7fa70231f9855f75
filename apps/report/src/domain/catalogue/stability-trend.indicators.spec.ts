import { monthsBetween } from '../period/period';
import { account, indicator, valueOf } from '../testing/statistics.fixture';

// 24 months, 2024-11..2026-10. Inflow (thousand fen): 100 for months 0..11, 120 for months 12..20,
// 150 for the last three (21..23); outflow 90 every month. Average daily balance 200 until month 20,
// 250 for the last three.
const FROM = '2024-11';
const TO = '2026-10';
const periods = monthsBetween(FROM, TO);
const inflowOf = (i: number) => (i < 12 ? 100_000 : i < 21 ? 120_000 : 150_000);
const t = account('T', periods, (i) => ({ inflow: [inflowOf(i), 10], outflow: [90_000, 9], balance: [0, i < 21 ? 200_000 : 250_000, 0, 0] }));

describe('stability and trend (稳定性与趋势)', () => {
  it('gives the coefficient of variation of monthly inflow and outflow', () => {
    // thousands: Σx = 12·100 + 9·120 + 3·150 = 2,730; Σx² = 120,000 + 129,600 + 67,500 = 317,100
    // nΣx² − (Σx)² = 24 · 317,100 − 2,730² = 157,500; √157,500 / 2,730 = 0.145371 -> 0.1454
    expect(valueOf('ST_INFLOW_CV', FROM, TO, [t])).toBe(0.1454);
    expect(valueOf('ST_OUTFLOW_CV', FROM, TO, [t])).toBe(0); // constant
  });

  it('compares the last 3 months with the 12 before them', () => {
    // last 3: 3 × 150 = 450; the 12 before (months 9..20): 3 × 100 + 9 × 120 = 1,380; 4 × 450 / 1,380 = 1.304347… -> 1.3043
    expect(valueOf('ST_INFLOW_RECENT_3M_VS_PRIOR_12M', FROM, TO, [t])).toBe(1.3043);
    // balance: 4 × (3 × 250) / (12 × 200) = 3,000 / 2,400
    expect(valueOf('ST_BALANCE_RECENT_3M_VS_PRIOR_12M', FROM, TO, [t])).toBe(1.25);
    expect(indicator('ST_INFLOW_RECENT_3M_VS_PRIOR_12M', '2025-09', TO, [t])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'TOO_FEW_MONTHS' }); // 14 months
  });

  it('gives year-on-year growth with 13 months (latest month) and 24 months (12 against 12)', () => {
    // 2026-10 against 2025-10: (150 − 100) / 100
    expect(valueOf('ST_INFLOW_YOY_LATEST_MONTH', '2025-10', TO, [t])).toBe(0.5);
    expect(indicator('ST_INFLOW_YOY_LATEST_MONTH', '2025-11', TO, [t])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'TOO_FEW_MONTHS' });
    // (9 · 120 + 3 · 150 − 12 · 100) / (12 · 100) = (1,530 − 1,200) / 1,200 = 0.275
    expect(valueOf('ST_INFLOW_YOY_12M', FROM, TO, [t])).toBe(0.275);
    const gap = { bindingId: 'G', months: t.months.filter((m) => m.period !== '2025-10') };
    expect(indicator('ST_INFLOW_YOY_LATEST_MONTH', FROM, TO, [gap])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'MONTHS_MISSING' });
  });

  it('counts sporadic months: no inflow, or under a tenth of the mean', () => {
    // 100, 100, 5, 0, 100, 100 (thousand): mean 67.5, a tenth 6.75 -> the months with 5 and 0
    const amounts = [100_000, 100_000, 5_000, 0, 100_000, 100_000];
    const s = account('S', monthsBetween('2026-05', '2026-10'), (i) => ({ inflow: [amounts[i], amounts[i] ? 1 : 0], outflow: [0, 0] }));
    expect(valueOf('ST_SPORADIC_INFLOW_MONTHS', '2026-05', '2026-10', [s])).toBe(2);
    // exactly a tenth of the mean is not sporadic: 4 months of 36, 36, 45, 3 fen: mean 120 / 4 = 30, a tenth 3
    const edge = account('E', monthsBetween('2026-07', '2026-10'), (i) => ({ inflow: [[36, 36, 45, 3][i], 1], outflow: [0, 0] }));
    expect(valueOf('ST_SPORADIC_INFLOW_MONTHS', '2026-07', '2026-10', [edge])).toBe(0);
    const below = account('E', monthsBetween('2026-07', '2026-10'), (i) => ({ inflow: [[36, 36, 46, 2][i], 1], outflow: [0, 0] }));
    expect(valueOf('ST_SPORADIC_INFLOW_MONTHS', '2026-07', '2026-10', [below])).toBe(1); // 2 < 3
  });
});
