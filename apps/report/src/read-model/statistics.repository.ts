import type { AcceptedStatisticsRecord } from '@cfc/contracts';
import type { SqlExecutor } from '@cfc/eventing';
import type { MonthStatistics } from '../domain/statistics/month-statistics';

/** One stored account-month: whose it is, and the statistics. */
export interface StoredMonth {
  subject: string;
  month: MonthStatistics;
}

export interface IncomingRecord {
  record: AcceptedStatisticsRecord;
  submissionId: string;
  acceptedAt: string;
}

const CHUNK = 2000;

// Rows of a chunk in (binding, period) order, so concurrent upserts lock rows in the same order (no
// deadlock); a revision only replaces a lower one, and each binding whose rows changed gets a new version.
const UPSERT = `
  WITH upserted AS (
    INSERT INTO report.statistics AS s (binding_id, period, subject, revision, record, submission_id, accepted_at)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::jsonb[], $6::text[], $7::timestamptz[])
    ON CONFLICT (binding_id, period) DO UPDATE
      SET subject = excluded.subject, revision = excluded.revision, record = excluded.record,
          submission_id = excluded.submission_id, accepted_at = excluded.accepted_at
      WHERE s.revision < excluded.revision
    RETURNING binding_id
  )
  INSERT INTO report.statistics_versions AS v (binding_id, version)
  SELECT DISTINCT binding_id, 1 FROM upserted ORDER BY binding_id
  ON CONFLICT (binding_id) DO UPDATE SET version = v.version + 1
  RETURNING binding_id`;

/** Keeps, per (bindingId, period), the highest revision among `records` (a later duplicate of the same revision loses). */
export function highestRevisions(records: readonly IncomingRecord[]): IncomingRecord[] {
  const best = new Map<string, IncomingRecord>();
  for (const r of records) {
    const key = `${r.record.bindingId}\u0000${r.record.period}`;
    const kept = best.get(key);
    if (!kept || kept.record.revision < r.record.revision) best.set(key, r);
  }
  return [...best.values()].sort((a, b) => compare(a.record.bindingId, b.record.bindingId) || compare(a.record.period, b.record.period));
}

/** Stores new revisions in bulk (inside the consumer's transaction); returns the bindings whose statistics changed. */
export async function upsertStatistics(tx: SqlExecutor, records: readonly IncomingRecord[]): Promise<string[]> {
  const rows = highestRevisions(records);
  const changed: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const result = await tx.query<{ binding_id: string }>(UPSERT, [
      chunk.map((r) => r.record.bindingId),
      chunk.map((r) => r.record.period),
      chunk.map((r) => r.record.subject),
      chunk.map((r) => r.record.revision),
      chunk.map((r) => JSON.stringify(monthOf(r.record))),
      chunk.map((r) => r.submissionId),
      chunk.map((r) => r.acceptedAt),
    ]);
    changed.push(...result.rows.map((row) => row.binding_id));
  }
  return changed;
}

/** The statistics without the account (its number is not needed here) and subject (a column of its own). */
function monthOf(record: AcceptedStatisticsRecord): MonthStatistics {
  const { account: _account, subject: _subject, bindingId: _bindingId, ...month } = record;
  return month;
}

/** The stored months of some bindings, by binding. */
export async function storedMonths(db: SqlExecutor, bindingIds: readonly string[]): Promise<Map<string, StoredMonth[]>> {
  const { rows } = await db.query<{ binding_id: string; subject: string; record: MonthStatistics }>(
    `SELECT binding_id, subject, record FROM report.statistics WHERE binding_id = ANY($1::text[])`,
    [bindingIds],
    'report_stored_months',
  );
  const byBinding = new Map<string, StoredMonth[]>(bindingIds.map((id) => [id, []]));
  for (const row of rows) byBinding.get(row.binding_id)?.push({ subject: row.subject, month: row.record });
  return byBinding;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
