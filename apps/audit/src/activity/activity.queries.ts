import type { ActivityItem } from '@cfc/contracts';
import type { SqlExecutor } from '@cfc/eventing';

/** One enterprise's activity record, newest first, through the last seq the projection applied. */
export interface ActivityRecord {
  subject: string;
  asOf?: string;
  throughSeq: number;
  items: ActivityItem[];
}

/** Reads the activity projection (audit_activity), never the log's tables. */
export async function activityRecord(db: SqlExecutor, subject: string, filter: { kind?: string; asOf?: string } = {}): Promise<ActivityRecord> {
  const { rows } = await db.query<{ item: string }>(
    `SELECT item FROM audit_activity.items
      WHERE subject = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::timestamptz IS NULL OR at <= $3)
      ORDER BY seq DESC`,
    [subject, filter.kind ?? null, filter.asOf ?? null],
    'activity-record',
  );
  const state = await db.query<{ applied_seq: string }>(`SELECT applied_seq FROM audit_activity.state WHERE name = 'activity'`);
  return { subject, ...(filter.asOf ? { asOf: filter.asOf } : {}), throughSeq: Number(state.rows[0].applied_seq), items: rows.map((r) => JSON.parse(r.item) as ActivityItem) };
}
