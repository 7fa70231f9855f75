// Calendar months YYYY-MM in Asia/Shanghai (UTC+8 all year: China keeps no daylight saving time).
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Statistics older than this are not a real reporting month for CFC. */
const FIRST_YEAR = 1900;

export type PeriodProblem = 'PERIOD_INVALID' | 'PERIOD_NOT_ENDED' | 'PERIOD_IN_FUTURE';

/** The month `now` falls in, in Asia/Shanghai. */
export function shanghaiMonth(now: Date): string {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Why `period` cannot carry statistics at `now`: not a real month, the month still running, or a later one. */
export function periodProblem(period: string, now: Date): PeriodProblem | undefined {
  const match = PERIOD.exec(period);
  if (!match || Number(match[1]) < FIRST_YEAR) return 'PERIOD_INVALID';
  const current = shanghaiMonth(now);
  if (period === current) return 'PERIOD_NOT_ENDED';
  return period > current ? 'PERIOD_IN_FUTURE' : undefined;
}

/** Days in the month YYYY-MM (Gregorian). */
export function daysInMonth(period: string): number {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last month that has ended at `now` (Asia/Shanghai): the newest a provider can have supplied. */
export function lastCompleteMonth(now: Date): string {
  const [year, month] = shanghaiMonth(now).split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
