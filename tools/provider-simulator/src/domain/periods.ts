// Periods are calendar months `YYYY-MM` in Asia/Shanghai (CONTRACT.md), which is UTC+8 all year.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The month that contains `now` in Asia/Shanghai. */
export function periodOf(now: Date): string {
  const shanghai = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return format(shanghai.getUTCFullYear(), shanghai.getUTCMonth() + 1);
}

/** The last month that has ended in Asia/Shanghai: statistics exist only for complete months. */
export function lastCompletePeriod(now: Date): string {
  return addMonths(periodOf(now), -1);
}

/** `period` moved by `months` (negative: back). */
export function addMonths(period: string, months: number): string {
  const index = monthIndex(period) + months;
  return format(Math.floor(index / 12), (index % 12) + 1);
}

/** Every month from `first` to `last`, both included; empty when last is before first. */
export function periodRange(first: string, last: string): string[] {
  const count = monthIndex(last) - monthIndex(first) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonths(first, i));
}

/** Months since year 0: differences of indexes count months. */
export function monthIndex(period: string): number {
  const [year, month] = parse(period);
  return year * 12 + month - 1;
}

/** 1..12. */
export function monthOfYear(period: string): number {
  return parse(period)[1];
}

export function daysInMonth(period: string): number {
  const [year, month] = parse(period);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `a` is before `b`. */
export function isBefore(a: string, b: string): boolean {
  return monthIndex(a) < monthIndex(b);
}

function parse(period: string): [number, number] {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!match) throw new Error(`not a period (YYYY-MM): ${period}`);
  return [Number(match[1]), Number(match[2])];
}

function format(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
