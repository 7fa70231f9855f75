import type { SqlExecutor } from '@cfc/eventing';
import type { ObjectionEvent } from '../domain/objection/objection.events';

/** Applies one objection event to ingestion.objections (in the append's transaction). */
export async function projectObjectionEvent(tx: SqlExecutor, event: ObjectionEvent, streamVersion: number): Promise<void> {
  switch (event.type) {
    case 'objection.raised': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ingestion.objections (objection_id, binding_id, subject, provider, account_number, account_type, period, fields, reason, status, disputed_revision, raised_at, due_by, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, 'SUBMITTED', $10, $11, $12, $13)`,
        [d.objectionId, d.bindingId, d.subject, d.provider, d.account.number, d.account.type, d.period, JSON.stringify(d.fields), d.reason, d.disputedRevision, d.raisedAt, d.dueBy, streamVersion],
      );
      return;
    }
    case 'objection.resolved': {
      const d = event.data;
      await tx.query(
        `UPDATE ingestion.objections SET status = $2, resolved_at = $3, note = $4, corrected_revision = $5, late = $6, stream_version = $7 WHERE objection_id = $1`,
        [d.objectionId, d.status, d.resolvedAt, d.note ?? null, d.correctedRevision ?? null, d.late, streamVersion],
      );
      return;
    }
    case 'objection.overdue': {
      const d = event.data;
      await tx.query(`UPDATE ingestion.objections SET status = 'OVERDUE', overdue_at = $2, stream_version = $3 WHERE objection_id = $1`, [d.objectionId, d.overdueAt, streamVersion]);
      return;
    }
    default: {
      const never: never = event;
      throw new Error(`unknown objection event ${JSON.stringify(never)}`);
    }
  }
}
