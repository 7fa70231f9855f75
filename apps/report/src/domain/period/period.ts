// Calendar months `YYYY-MM` (CONTRACT: Asia/Shanghai), as integers for arithmetic: index = year * 12 + month - 1.

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const SHANGHAI_OFFSET_MS = 8 * 3600_000; // UTC+8 all year: China has no daylight saving time

/** The month index of `YYYY-MM`; throws on anything else. */
export function periodIndex(period: string): number {
  const match = PERIOD.exec(period);
  if (!match) throw new Error(`not a period YYYY-MM: ${period}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** `YYYY-MM` of a month index. */
export function periodOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The period `delta` months after (or before, when negative) `period`. */
export function addMonths(period: string, delta: number): string {
  return periodOf(periodIndex(period) + delta);
}

/** Every month from `from` to `to`, both included, oldest first (empty when from is after to). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = periodIndex(from); i <= periodIndex(to); i++) months.push(periodOf(i));
  return months;
}

const DAYS = new Map<string, number>();

/** Calendar days of a month (Gregorian leap years); remembered, as every scope asks for every month. */
export function daysInMonth(period: string): number {
  let days = DAYS.get(period);
  if (days === undefined) {
    const index = periodIndex(period);
    days = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
    if (DAYS.size < 10_000) DAYS.set(period, days);
  }
  return days;
}

/** The last month that has ended at `now` in Asia/Shanghai: on 2026-11-01T00:30+08:00 it is 2026-10. */
export function lastCompleteMonth(now: Date): string {
  const shanghai = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return periodOf(shanghai.getUTCFullYear() * 12 + shanghai.getUTCMonth() - 1);
}
