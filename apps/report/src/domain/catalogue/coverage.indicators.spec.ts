import { monthsBetween } from '../period/period';
import { account, indicator, valueOf } from '../testing/statistics.fixture';

// Window 2026-01..2026-10 (10 months). A has data for every month but March, April, May and October;
// B only for March and September.
const FROM = '2026-01';
const TO = '2026-10';
const periods = monthsBetween(FROM, TO);
const aMissing = new Set(['2026-03', '2026-04', '2026-05', '2026-10']);
const a = account('A', periods, (_, p) => (aMissing.has(p) ? undefined : { inflow: [1, 1], outflow: [1, 1] }));
const b = account('B', periods, (_, p) => (p === '2026-03' || p === '2026-09' ? { inflow: [1, 1], outflow: [1, 1] } : undefined));

describe('data coverage (数据覆盖)', () => {
  it('counts months with data, gaps and the longest gap', () => {
    expect(valueOf('COV_MONTHS_WITH_DATA', FROM, TO, [a])).toBe(6); // 10 − 4
    expect(valueOf('COV_GAP_MONTHS', FROM, TO, [a])).toBe(4);
    expect(valueOf('COV_LONGEST_GAP', FROM, TO, [a])).toBe(3); // March..May
    // consolidated, a month counts when any account has it: A's months plus March -> 7; gaps April, May, October
    expect(valueOf('COV_MONTHS_WITH_DATA', FROM, TO, [a, b])).toBe(7);
    expect(valueOf('COV_LONGEST_GAP', FROM, TO, [a, b])).toBe(2);
  });

  it('gives account-month coverage over every account', () => {
    // (6 + 2) / (2 accounts × 10 months)
    expect(valueOf('COV_ACCOUNT_MONTH_COVERAGE', FROM, TO, [a, b])).toBe(0.4);
  });

  it('names the latest month with data and how far it lags the end of the window', () => {
    expect(valueOf('COV_LATEST_PERIOD', FROM, TO, [a])).toBe('2026-09');
    expect(valueOf('COV_FRESHNESS_LAG', FROM, TO, [a])).toBe(1); // 2026-10 − 2026-09
    const empty = { bindingId: 'E', months: [] };
    expect(valueOf('COV_MONTHS_WITH_DATA', FROM, TO, [empty])).toBe(0);
    expect(valueOf('COV_LONGEST_GAP', FROM, TO, [empty])).toBe(10);
    expect(indicator('COV_LATEST_PERIOD', FROM, TO, [empty])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'TOO_FEW_MONTHS' });
    expect(indicator('COV_FRESHNESS_LAG', FROM, TO, [empty])).toMatchObject({ status: 'INSUFFICIENT_DATA' });
  });
});
