import { addMonths, daysInMonth, lastCompleteMonth, monthsBetween, periodIndex, periodOf } from './period';

describe('periods', () => {
  it('round-trips YYYY-MM through month indexes and refuses anything else', () => {
    expect(periodOf(periodIndex('2026-10'))).toBe('2026-10');
    expect(periodIndex('2026-01') - periodIndex('2025-12')).toBe(1);
    for (const bad of ['2026-13', '2026-00', '26-10', '2026-1', '2026-10-01']) expect(() => periodIndex(bad)).toThrow(/not a period/);
  });

  it('adds months across year ends and lists ranges inclusively', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-11', 14)).toBe('2027-01');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });

  it('knows the days of each month, leap Februaries included', () => {
    expect([daysInMonth('2024-02'), daysInMonth('2025-02'), daysInMonth('2000-02'), daysInMonth('2100-02')]).toEqual([29, 28, 29, 28]);
    expect([daysInMonth('2026-04'), daysInMonth('2026-12')]).toEqual([30, 31]);
  });

  it('takes the last complete month in Asia/Shanghai (UTC+8), not UTC', () => {
    expect(lastCompleteMonth(new Date('2026-10-31T15:59:59Z'))).toBe('2026-09'); // 23:59:59 on 31 October in Beijing
    expect(lastCompleteMonth(new Date('2026-10-31T16:00:00Z'))).toBe('2026-10'); // midnight, 1 November in Beijing
    expect(lastCompleteMonth(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
  });
});
