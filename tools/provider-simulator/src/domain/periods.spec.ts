import { addMonths, daysInMonth, isBefore, lastCompletePeriod, monthOfYear, periodOf, periodRange } from './periods';

describe('periods (calendar months in Asia/Shanghai)', () => {
  it('counts a month complete from midnight Shanghai time, eight hours ahead of UTC', () => {
    expect(lastCompletePeriod(new Date('2026-10-31T15:59:59Z'))).toBe('2026-09');
    expect(lastCompletePeriod(new Date('2026-10-31T16:00:00Z'))).toBe('2026-10');
    expect(periodOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01');
    expect(lastCompletePeriod(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
  });

  it('moves across years and lists ranges inclusively', () => {
    expect(addMonths('2026-10', -35)).toBe('2023-11');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodRange('2026-03', '2026-02')).toEqual([]);
    expect(periodRange(addMonths('2026-10', -35), '2026-10')).toHaveLength(36);
    expect(isBefore('2025-12', '2026-01')).toBe(true);
    expect(isBefore('2026-01', '2026-01')).toBe(false);
  });

  it('knows month lengths and refuses what is not a period', () => {
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2026-10')).toBe(31);
    expect(monthOfYear('2026-07')).toBe(7);
    expect(() => addMonths('2026-13', 1)).toThrow(/not a period/);
  });
});
