import { historyWindow, queryWindow } from './history-window';

describe('history window (Asia/Shanghai months)', () => {
  it('ends with the last complete month', () => {
    expect(historyWindow(12, new Date('2026-11-10T02:00:00Z'))).toEqual({ from: '2025-11', to: '2026-10', months: 12 });
    expect(historyWindow(1, new Date('2026-11-10T02:00:00Z'))).toEqual({ from: '2026-10', to: '2026-10', months: 1 });
  });

  it('turns the month at midnight in Shanghai (16:00 UTC), not at midnight UTC', () => {
    expect(historyWindow(1, new Date('2026-11-30T15:59:59Z')).to).toBe('2026-10');
    expect(historyWindow(1, new Date('2026-11-30T16:00:00Z')).to).toBe('2026-11');
  });

  it('agrees with Intl (Asia/Shanghai) at every month end of 2024-2027', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });
    const month = (d: Date) => Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
    for (let m = 0; m < 48; m++) {
      const turn = Date.UTC(2024, m + 1, 1) - 8 * 3_600_000; // midnight of the 1st in Shanghai
      for (const instant of [turn - 1, turn]) {
        const p = month(new Date(instant));
        const previous = Number(p.month) === 1 ? `${Number(p.year) - 1}-12` : `${p.year}-${String(Number(p.month) - 1).padStart(2, '0')}`;
        expect(historyWindow(1, new Date(instant)).to).toBe(previous);
      }
    }
  });

  it('crosses years', () => {
    expect(historyWindow(36, new Date('2027-01-05T00:00:00Z'))).toEqual({ from: '2024-01', to: '2026-12', months: 36 });
    expect(historyWindow(2, new Date('2026-01-01T00:00:00Z'))).toEqual({ from: '2025-11', to: '2025-12', months: 2 });
  });
});

describe('query window', () => {
  const now = new Date('2026-11-10T12:00:00Z');
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

  it('counts only queries inside the sliding window', () => {
    expect(queryWindow([ago(30), ago(5)], { count: 4, perDays: 1 }, now)).toEqual({ used: 1, remaining: 3 });
    expect(queryWindow([ago(24)], { count: 1, perDays: 1 }, now)).toEqual({ used: 0, remaining: 1 });
  });

  it('when the cap is reached, says when the query that frees a place leaves the window', () => {
    expect(queryWindow([ago(1), ago(10), ago(2)], { count: 2, perDays: 1 }, now)).toEqual({ used: 3, remaining: 0, retryAfterSeconds: 22 * 3600 });
    expect(queryWindow([ago(0)], { count: 1, perDays: 30 }, now)).toEqual({ used: 1, remaining: 0, retryAfterSeconds: 30 * 86400 });
  });
});
