import type { QueryLimit } from '@cfc/contracts';
import { DAY_MS } from './authorization.events';

// Calendar arithmetic of a check: which months a report may cover, and how many queries the cap leaves.

const shanghaiMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });

/** `months` calendar months ending with the last complete month in Asia/Shanghai (CONTRACT: periods are Shanghai months). */
export function historyWindow(months: number, now: Date): { from: string; to: string; months: number } {
  const parts = Object.fromEntries(shanghaiMonth.formatToParts(now).map((p) => [p.type, p.value]));
  const current = Number(parts.year) * 12 + (Number(parts.month) - 1);
  const period = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { from: period(current - months), to: period(current - 1), months };
}

/**
 * The cap as a sliding window: at most `count` counted queries in any `perDays` days. Returns the queries
 * counted in the window ending now, those left, and when the cap is reached, the seconds until the oldest
 * counted query in the window leaves it.
 */
export function queryWindow(usedAt: readonly string[], limit: QueryLimit, now: Date): { used: number; remaining: number; retryAfterSeconds?: number } {
  const windowMs = limit.perDays * DAY_MS;
  const inWindow = usedAt.map((at) => Date.parse(at)).filter((at) => at > now.getTime() - windowMs).sort((a, b) => a - b);
  const remaining = Math.max(0, limit.count - inWindow.length);
  if (remaining > 0) return { used: inWindow.length, remaining };
  const freesAt = inWindow[inWindow.length - limit.count] + windowMs;
  return { used: inWindow.length, remaining, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)) };
}
