import { checkRecord } from './record.checks';
import { sampleRecord } from './statistics.fixture';

const NOW = new Date('2026-11-05T02:00:00Z');
const reasonOf = (raw: unknown) => {
  const checked = checkRecord(raw, NOW);
  return checked.ok ? 'OK' : checked.reason;
};

describe('one statistics record', () => {
  it('accepts the contract example for a month that has ended', () => {
    expect(checkRecord(sampleRecord(), NOW)).toEqual({ ok: true, record: sampleRecord() });
    expect(reasonOf({ ...sampleRecord(), cash: undefined, counterparties: undefined, features: undefined })).toBe('OK');
  });

  it.each([
    ['a fractional amount', { inflow: { amount: 1.5, count: 1 } }, 'AMOUNT_INVALID'],
    ['a negative count', { outflow: { amount: 1, count: -1 } }, 'AMOUNT_INVALID'],
    ['a negative counterparty amount', { counterparties: [{ type: 'OTHER', inflow: { amount: -1, count: 0 }, outflow: { amount: 0, count: 0 }, distinct: 0 }] }, 'AMOUNT_INVALID'],
    ['an amount as text', { inflow: { amount: '100', count: 1 } }, 'AMOUNT_INVALID'],
    ['month 13', { period: '2026-13' }, 'PERIOD_INVALID'],
    ['the current month', { period: '2026-11' }, 'PERIOD_NOT_ENDED'],
    ['a future month', { period: '2027-01' }, 'PERIOD_IN_FUTURE'],
    ['an unknown field', { comment: 'x' }, 'RECORD_SCHEMA_VIOLATION'],
    ['an invalid subject', { subject: '91110000600037341M' }, 'RECORD_SCHEMA_VIOLATION'],
    ['revision 0', { revision: 0 }, 'RECORD_SCHEMA_VIOLATION'],
    ['counterparty inflows above the total', { counterparties: [{ type: 'ENTERPRISE', inflow: { amount: 12345601, count: 30 }, outflow: { amount: 0, count: 0 }, distinct: 1 }] }, 'COUNTERPARTY_EXCEEDS_TOTAL'],
    ['counterparty outflow counts above the total', { counterparties: [
      { type: 'ENTERPRISE', inflow: { amount: 0, count: 0 }, outflow: { amount: 100, count: 30 }, distinct: 1 },
      { type: 'INDIVIDUAL', inflow: { amount: 0, count: 0 }, outflow: { amount: 100, count: 8 }, distinct: 8 },
    ] }, 'COUNTERPARTY_EXCEEDS_TOTAL'],
    ['cash deposits above inflow', { cash: { deposit: { amount: 12345601, count: 3 }, withdrawal: { amount: 0, count: 0 } } }, 'CASH_EXCEEDS_TOTAL'],
    ['an average below the minimum', { balance: { end: 5400000, averageDaily: 800000, min: 900000, max: 8800000 } }, 'BALANCE_OUT_OF_RANGE'],
    ['an average above the maximum', { balance: { end: 5400000, averageDaily: 8800001, min: 900000, max: 8800000 } }, 'BALANCE_OUT_OF_RANGE'],
    ['a month-end balance above the maximum', { balance: { end: 9000000, averageDaily: 4100000, min: 900000, max: 8800000 } }, 'BALANCE_OUT_OF_RANGE'],
    ['32 active days', { features: { activeDays: 31, largestInflow: 1, largestOutflow: 1, zeroBalanceDays: 0, topCounterpartyShare: 0 }, period: '2026-09' }, 'FEATURE_INCONSISTENT'],
    ['a largest inflow above the total', { features: { activeDays: 21, largestInflow: 12345601, largestOutflow: 1, zeroBalanceDays: 0, topCounterpartyShare: 0.3 } }, 'FEATURE_INCONSISTENT'],
  ])('refuses %s', (_why, patch, reason) => {
    expect(reasonOf({ ...sampleRecord(), ...patch })).toBe(reason);
  });

  it('allows an overdraft (negative balances in order) and counterparties summing exactly to the totals', () => {
    expect(reasonOf(sampleRecord({ balance: { end: -100, averageDaily: -50, min: -200, max: 0 } }))).toBe('OK');
    expect(reasonOf(sampleRecord({ counterparties: [{ type: 'ENTERPRISE', inflow: { amount: 12345600, count: 42 }, outflow: { amount: 9876500, count: 37 }, distinct: 1 }] }))).toBe('OK');
  });
});
