import type { SqlExecutor } from '@cfc/eventing';
import type { ObjectionStatus } from '../../domain/subject-notes/subject-notes';
import type { ObjectionChange } from './objection-events.adapter';

// report.objections: one row per objection. A status only moves forward (rank), so a late or repeated
// event never reopens an answered objection; descriptive fields keep the newest value given.
const RANK: Record<ObjectionStatus, number> = { SUBMITTED: 1, OVERDUE: 2, CORRECTED: 3, UPHELD: 3 };

const UPSERT = `
  INSERT INTO report.objections AS o (objection_id, subject, binding_id, period, status, rank, fields, raised_at, due_by, resolved_at, corrected_revision)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (objection_id) DO UPDATE SET
    subject            = coalesce(excluded.subject, o.subject),
    status             = CASE WHEN excluded.rank >= o.rank THEN excluded.status ELSE o.status END,
    rank               = greatest(excluded.rank, o.rank),
    fields             = coalesce(excluded.fields, o.fields),
    raised_at          = coalesce(excluded.raised_at, o.raised_at),
    due_by             = coalesce(excluded.due_by, o.due_by),
    resolved_at        = CASE WHEN excluded.rank >= o.rank THEN coalesce(excluded.resolved_at, o.resolved_at) ELSE o.resolved_at END,
    corrected_revision = CASE WHEN excluded.rank >= o.rank THEN coalesce(excluded.corrected_revision, o.corrected_revision) ELSE o.corrected_revision END`;

/** Applies one objection change. */
export async function applyObjectionChange(tx: SqlExecutor, c: ObjectionChange): Promise<void> {
  await tx.query(UPSERT, [
    c.objectionId, c.subject ?? null, c.bindingId, c.period, c.status, RANK[c.status], c.fields ? JSON.stringify(c.fields) : null,
    c.raisedAt ?? null, c.dueBy ?? null, c.resolvedAt ?? null, c.correctedRevision ?? null,
  ]);
}
