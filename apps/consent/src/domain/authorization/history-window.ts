import type { QueryLimit } from '@cfc/contracts';
import { DAY_MS } from './authorization.events';

// Calendar arithmetic of a check: which months a report may cover, and how many queries the cap leaves.

// Asia/Shanghai is UTC+8 all year (no daylight saving since 1991): a fixed offset, because the check
// runs before every query and Intl's formatToParts costs a fifth of a millisecond a call. The spec
// compares it with Intl across month ends.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `months` calendar months ending with the last complete month in Asia/Shanghai (CONTRACT: periods are Shanghai months). */
export function historyWindow(months: number, now: Date): { from: string; to: string; months: number } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const current = local.getUTCFullYear() * 12 + local.getUTCMonth();
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
