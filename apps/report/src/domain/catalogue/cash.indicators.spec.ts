import { monthsBetween } from '../period/period';
import { account, indicator, valueOf } from '../testing/statistics.fixture';

// 2025-11..2026-10. K takes in 400,000 and pays out 300,000 a month; 30,000 of the inflow is deposited
// in cash in 3 deposits, and 12,000 of the outflow withdrawn in cash in 2, except in month 11 (none).
const FROM = '2025-11';
const TO = '2026-10';
const periods = monthsBetween(FROM, TO);
const k = account('K', periods, (i) => ({
  inflow: [400_000, 20],
  outflow: [300_000, 15],
  cash: i === 11 ? { deposit: [0, 0], withdrawal: [0, 0] } : { deposit: [30_000, 3], withdrawal: [12_000, 2] },
}));

describe('cash usage (现金使用)', () => {
  it('gives the cash shares of inflow and outflow', () => {
    // 11 × 30,000 / (12 × 400,000) = 330,000 / 4,800,000 = 0.06875 -> 0.0688 (half away from zero)
    expect(valueOf('CASH_DEPOSIT_SHARE', FROM, TO, [k])).toBe(0.0688);
    // 11 × 12,000 / (12 × 300,000) = 132,000 / 3,600,000 = 0.036666… -> 0.0367
    expect(valueOf('CASH_WITHDRAWAL_SHARE', FROM, TO, [k])).toBe(0.0367);
  });

  it('adds up 12 months of deposits and withdrawals', () => {
    expect(valueOf('CASH_DEPOSITS_12M', FROM, TO, [k])).toBe(330_000);
    expect(valueOf('CASH_WITHDRAWALS_12M', FROM, TO, [k])).toBe(132_000);
  });

  it('says when cash statistics were not supplied for a month it needs', () => {
    const partial = { bindingId: 'P', months: k.months.map((m) => (m.period === '2026-02' ? { ...m, cash: undefined } : m)) };
    const result = indicator('CASH_DEPOSITS_12M', FROM, TO, [partial]);
    expect(result).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'NOT_SUPPLIED' });
    expect(result.status === 'INSUFFICIENT_DATA' && result.detail).toContain('2026-02');
    // the share stands on the 11 months that have cash statistics: 10 × 30,000 / (11 × 400,000) = 0.068181… -> 0.0682
    expect(indicator('CASH_DEPOSIT_SHARE', FROM, TO, [partial])).toMatchObject({ status: 'OK', value: 0.0682, months: 11 });
  });
});
