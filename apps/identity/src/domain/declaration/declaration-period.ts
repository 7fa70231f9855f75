// The month of a MONTH declaration: a calendar month YYYY-MM (CONTRACT: Asia/Shanghai) that has begun.

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const SHANGHAI_OFFSET_MS = 8 * 3600_000; // UTC+8 all year: China has no daylight saving time

/** The calendar month that `now` falls in, in Asia/Shanghai. */
export function shanghaiPeriod(now: Date): string {
  const shanghai = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return `${String(shanghai.getUTCFullYear()).padStart(4, '0')}-${String(shanghai.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Why `period` cannot be declared about at `now`: not a month, or a month that has not begun. */
export function periodProblem(period: string, now: Date): 'PERIOD_FORMAT' | 'PERIOD_IN_FUTURE' | undefined {
  if (!PERIOD.test(period)) return 'PERIOD_FORMAT';
  // YYYY-MM strings of the same width compare as the months they name.
  return period > shanghaiPeriod(now) ? 'PERIOD_IN_FUTURE' : undefined;
}
