import type { ActivityItem } from '@cfc/contracts';
import type { SqlExecutor } from '@cfc/eventing';

/** One enterprise's activity record, newest first, through the last seq the projection applied. */
export interface ActivityRecord {
  subject: string;
  asOf?: string;
  throughSeq: number;
  items: ActivityItem[];
}

/** Reads the activity projection (audit_activity), each item with its entry as the log holds it. */
export async function activityRecord(db: SqlExecutor, subject: string, filter: { kind?: string; asOf?: string } = {}): Promise<ActivityRecord> {
  const { rows } = await db.query<{ item: string; entry: string }>(
    `SELECT i.item, convert_from(e.bytes, 'UTF8') AS entry FROM audit_activity.items i JOIN audit.entries e ON e.seq = i.seq
      WHERE i.subject = $1 AND ($2::text IS NULL OR i.kind = $2) AND ($3::timestamptz IS NULL OR i.at <= $3)
      ORDER BY i.seq DESC`,
    [subject, filter.kind ?? null, filter.asOf ?? null],
    'activity-record',
  );
  const state = await db.query<{ applied_seq: string }>(`SELECT applied_seq FROM audit_activity.state WHERE name = 'activity'`);
  return { subject, ...(filter.asOf ? { asOf: filter.asOf } : {}), throughSeq: Number(state.rows[0].applied_seq), items: rows.map((r) => ({ ...(JSON.parse(r.item) as Omit<ActivityItem, 'entry'>), entry: JSON.parse(r.entry) as ActivityItem['entry'] })) };
}
