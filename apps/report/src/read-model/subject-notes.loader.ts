import type { SqlExecutor } from '@cfc/eventing';
import type { DeclarationNote, ObjectionNote } from '../domain/subject-notes/subject-notes';

export interface SubjectNotes {
  declarations: DeclarationNote[];
  objections: ObjectionNote[];
}

// One round trip: the enterprise's active declarations, and the open and corrected objections on the
// report's bindings (the domain keeps those whose scope and month the report touches).
const LOOK_UP = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object('declarationId', declaration_id, 'scope', scope, 'bindingId', binding_id, 'period', period, 'text', text, 'declaredAt', declared_at)), '[]')
       FROM report.declarations WHERE subject = $1 AND withdrawn_at IS NULL AND text IS NOT NULL) AS declarations,
    (SELECT coalesce(json_agg(json_build_object('objectionId', objection_id, 'bindingId', binding_id, 'period', period, 'status', status, 'fields', coalesce(fields, '[]'),
                                                'raisedAt', raised_at, 'dueBy', due_by, 'resolvedAt', resolved_at, 'correctedRevision', corrected_revision)), '[]')
       FROM report.objections WHERE binding_id = ANY($2) AND (subject IS NULL OR subject = $1) AND status <> 'UPHELD') AS objections`;

type DeclarationRow = Omit<DeclarationNote, 'bindingId' | 'period'> & { bindingId: string | null; period: string | null };

/** What a report of `subject` over `bindingIds` prints beside its figures. */
export async function loadSubjectNotes(db: SqlExecutor, subject: string, bindingIds: readonly string[]): Promise<SubjectNotes> {
  const { rows } = await db.query<{ declarations: DeclarationRow[]; objections: ObjectionNote[] }>(LOOK_UP, [subject, bindingIds], 'report_subject_notes');
  const declarations = rows[0].declarations.map(({ bindingId, period, ...d }): DeclarationNote => ({ ...d, ...(bindingId === null ? {} : { bindingId }), ...(period === null ? {} : { period }) }));
  return { declarations, objections: rows[0].objections };
}
