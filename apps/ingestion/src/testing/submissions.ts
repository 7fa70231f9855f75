import { randomUUID } from 'node:crypto';
import type { StatisticsRecord } from '@cfc/contracts';
import { lastCompleteMonth } from '../domain/statistics/period';
import { sampleRecord } from '../domain/statistics/statistics.fixture';

/** The month `back` months before the last complete one (0: the last complete month), at the real time now. */
export function monthsAgo(back: number, now = new Date()): string {
  const [y, m] = lastCompleteMonth(now).split('-').map(Number);
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** One record for an account of a subject; `seed` moves the figures (a correction looks like this). */
export function recordFor(account: { number: string; type: string }, subject: string, period: string, revision = 1, seed = 0): StatisticsRecord {
  const base = sampleRecord();
  return sampleRecord({
    account: { number: account.number, type: account.type as StatisticsRecord['account']['type'] },
    subject,
    period,
    revision,
    inflow: { amount: base.inflow.amount + seed, count: base.inflow.count },
  });
}

/** A statistics.submitted as a provider writes it. */
export function submission(provider: string, records: unknown[], submissionId = randomUUID()) {
  return { type: 'statistics.submitted', schemaVersion: 1, submissionId, provider, sentAt: new Date().toISOString(), records };
}
