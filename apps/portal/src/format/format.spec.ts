import { compactYuan, formatCount, formatDate, formatFen, formatMonth, formatMonths, formatShare, formatTime, yuanFromFen } from './format';

describe('amounts from integer fen', () => {
  it('splits yuan and fen with integers and groups thousands', () => {
    expect(yuanFromFen(12345600, 'zh-CN')).toBe('123,456.00');
    expect(yuanFromFen(9876501, 'en')).toBe('98,765.01');
    expect(yuanFromFen(5, 'zh-CN')).toBe('0.05');
    expect(yuanFromFen(0, 'zh-CN')).toBe('0.00');
    expect(yuanFromFen(-150, 'zh-CN')).toBe('-1.50');
  });

  it('is exact where dividing a float by 100 is not', () => {
    // 1.15 * 100 is 114.99999999999999 in binary floating point, and 9007199254740991 / 100 rounds.
    expect(yuanFromFen(115, 'zh-CN')).toBe('1.15');
    expect(yuanFromFen(Number.MAX_SAFE_INTEGER, 'zh-CN')).toBe('90,071,992,547,409.91');
    expect(yuanFromFen(123456789012345678901n, 'en')).toBe('1,234,567,890,123,456,789.01');
  });

  it('refuses amounts that are not integers instead of rounding them', () => {
    expect(() => yuanFromFen(1.5, 'zh-CN')).toThrow(RangeError);
    expect(() => yuanFromFen(Number.NaN, 'en')).toThrow(RangeError);
  });

  it('names the unit in each language', () => {
    expect(formatFen(12345600, 'zh-CN')).toBe('123,456.00 元');
    expect(formatFen(12345600, 'en')).toBe('CNY 123,456.00');
    expect(formatFen(-2000000, 'zh-CN')).toBe('-20,000.00 元');
  });

  it('formats counts, shares and compact axis labels per language', () => {
    expect(formatCount(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatShare(0.31, 'en')).toBe('31.0%');
    expect(formatShare(0.3125, 'zh-CN')).toBe('31.3%');
    expect(compactYuan(12345600, 'zh-CN')).toBe('12.3万');
    expect(compactYuan(12345600, 'en')).toBe('123.5k');
  });
});

describe('months', () => {
  it('reads YYYY-MM as the calendar month it names', () => {
    expect(formatMonth('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(formatMonth('2026-01', 'zh-CN')).toBe('2026年1月');
    expect(formatMonths(['2026-08', '2026-09'], 'zh-CN')).toBe('2026年8月、2026年9月');
    expect(formatMonths(['2026-08', '2026-09'], 'en')).toBe('Aug 2026, Sep 2026');
    expect(formatMonth('2026-10', 'en')).toBe('Oct 2026');
    expect(formatMonth('2025-12', 'en')).toBe('Dec 2025');
  });

  it('leaves anything that is not a month as it is', () => {
    expect(formatMonth('2026-13', 'zh-CN')).toBe('2026-13');
    expect(formatMonth('', 'en')).toBe('');
  });
});

describe('times in Asia/Shanghai', () => {
  it('shows UTC instants in Beijing time (UTC+8), crossing midnight and the year', () => {
    expect(formatTime('2026-11-01T02:05:00Z', 'zh-CN')).toBe('2026年11月1日 10:05');
    expect(formatTime('2026-11-01T02:05:00Z', 'en')).toBe('1 Nov 2026, 10:05');
    expect(formatTime('2026-12-31T16:30:00.000Z', 'zh-CN')).toBe('2027年1月1日 00:30');
    expect(formatTime('2026-12-31T16:30:00+00:00', 'en')).toBe('1 Jan 2027, 00:30');
  });

  it('gives the Beijing calendar day of an instant (a due date)', () => {
    expect(formatDate('2026-11-20T17:00:00Z', 'zh-CN')).toBe('2026年11月21日');
    expect(formatDate('2026-11-20T15:59:59Z', 'en')).toBe('20 Nov 2026');
  });

  it('leaves text that is not a time as it is', () => {
    expect(formatTime('not a time', 'zh-CN')).toBe('not a time');
  });
});
