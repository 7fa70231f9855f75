import { daysInMonth, lastCompleteMonth, periodProblem, shanghaiMonth } from './period';

describe('periods in Asia/Shanghai', () => {
  it('takes the month of the instant in UTC+8', () => {
    expect(shanghaiMonth(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10');
    expect(shanghaiMonth(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11');
  });

  it.each([
    ['2026-10', '2026-11-01T02:00:00Z', undefined],
    ['2026-11', '2026-11-01T02:00:00Z', 'PERIOD_NOT_ENDED'],
    ['2026-10', '2026-10-31T16:00:00Z', undefined], // already November in Shanghai
    ['2026-12', '2026-11-01T02:00:00Z', 'PERIOD_IN_FUTURE'],
    ['2027-01', '2026-11-01T02:00:00Z', 'PERIOD_IN_FUTURE'],
    ['2026-13', '2026-11-01T02:00:00Z', 'PERIOD_INVALID'],
    ['2026-00', '2026-11-01T02:00:00Z', 'PERIOD_INVALID'],
    ['1899-12', '2026-11-01T02:00:00Z', 'PERIOD_INVALID'],
    ['2026-1', '2026-11-01T02:00:00Z', 'PERIOD_INVALID'],
  ])('%s at %s: %s', (period, now, problem) => {
    expect(periodProblem(period, new Date(now))).toBe(problem);
  });

  it('counts the days of a month, leap Februaries included', () => {
    expect([daysInMonth('2024-02'), daysInMonth('2026-02'), daysInMonth('2026-04'), daysInMonth('2026-12')]).toEqual([29, 28, 30, 31]);
  });
});

describe('the last complete month', () => {
  it('is the month before the current one in Shanghai, across a new year', () => {
    expect(lastCompleteMonth(new Date('2026-11-05T02:00:00Z'))).toBe('2026-10');
    expect(lastCompleteMonth(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12'); // already January 2027 in Shanghai
    expect(lastCompleteMonth(new Date('2027-01-15T00:00:00Z'))).toBe('2026-12');
  });
});
