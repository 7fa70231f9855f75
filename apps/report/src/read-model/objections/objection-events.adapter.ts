import { compileValidator, type EventEnvelope, type JsonSchema } from '@cfc/contracts';
import type { ObjectionStatus } from '../../domain/subject-notes/subject-notes';

// THE ONE PLACE TO ADJUST for ingestion's objection events. Their contracts are being written in parallel
// (libs/contracts/src/ingestion); until they land, this reads the shape agreed for them: events
// objection.raised / objection.resolved / objection.overdue on cfc.ingestion.events.v1, the enterprise as
// the envelope's subject, data carrying objectionId, bindingId, period, the status and, for a correction,
// correctedRevision. Names that may still move (raisedAt or at, outcome or status) are read either way.
// When the contracts land: validate with them here (and drop the schema below); nothing else changes.

export const OBJECTION_EVENT_TYPES = ['objection.raised', 'objection.resolved', 'objection.overdue'] as const;
type ObjectionEventType = (typeof OBJECTION_EVENT_TYPES)[number];

/** What the report keeps of one objection event. */
export interface ObjectionChange {
  objectionId: string;
  subject?: string;
  bindingId: string;
  period: string;
  status: ObjectionStatus;
  fields?: string[];
  raisedAt?: string;
  dueBy?: string;
  resolvedAt?: string;
  correctedRevision?: number;
}

export class UnreadableObjectionEvent extends Error {
  override readonly name = 'UnreadableObjectionEvent';
}

const timestamp: JsonSchema = { type: 'string', format: 'date-time' };
const STATUSES = ['SUBMITTED', 'CORRECTED', 'UPHELD', 'OVERDUE'];
// Only what the report relies on; other fields are the owner's business (additional properties allowed).
const validate = compileValidator<Record<string, unknown>>('objection event data (report side)', {
  type: 'object',
  required: ['objectionId', 'bindingId', 'period'],
  properties: {
    objectionId: { type: 'string', minLength: 1, maxLength: 100 },
    bindingId: { type: 'string', minLength: 1, maxLength: 100 },
    period: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
    status: { enum: STATUSES },
    outcome: { enum: ['CORRECTED', 'UPHELD'] },
    fields: { type: 'array', maxItems: 30, items: { type: 'string', maxLength: 64 } },
    correctedRevision: { type: 'integer', minimum: 2 },
    dueBy: timestamp,
    raisedAt: timestamp,
    resolvedAt: timestamp,
    overdueAt: timestamp,
    at: timestamp,
  },
});

const EXPECTED: Record<ObjectionEventType, readonly ObjectionStatus[]> = {
  'objection.raised': ['SUBMITTED'],
  'objection.resolved': ['CORRECTED', 'UPHELD'],
  'objection.overdue': ['OVERDUE'],
};

/** The change an objection event makes, or undefined for any other type; throws UnreadableObjectionEvent for a broken one. */
export function objectionChangeOf(event: EventEnvelope): ObjectionChange | undefined {
  if (!(OBJECTION_EVENT_TYPES as readonly string[]).includes(event.type)) return undefined;
  const type = event.type as ObjectionEventType;
  const checked = validate.check(event.data);
  if (!checked.ok) throw new UnreadableObjectionEvent(checked.error.message);
  const d = checked.value as { objectionId: string; bindingId: string; period: string; status?: ObjectionStatus; outcome?: ObjectionStatus; fields?: string[]; correctedRevision?: number; dueBy?: string; raisedAt?: string; resolvedAt?: string; overdueAt?: string; at?: string; subject?: string; uscc?: string };
  const status = d.status ?? d.outcome ?? (type === 'objection.raised' ? 'SUBMITTED' : type === 'objection.overdue' ? 'OVERDUE' : undefined);
  if (!status || !EXPECTED[type].includes(status)) throw new UnreadableObjectionEvent(`${type} with status ${String(status)}`);
  if (status === 'CORRECTED' && d.correctedRevision === undefined) throw new UnreadableObjectionEvent('a correction without correctedRevision');
  const at = d.at ?? event.occurredAt;
  const subject = event.subject ?? (typeof d.subject === 'string' ? d.subject : typeof d.uscc === 'string' ? d.uscc : undefined);
  return {
    objectionId: d.objectionId,
    ...(subject ? { subject } : {}),
    bindingId: d.bindingId,
    period: d.period,
    status,
    ...(d.fields ? { fields: d.fields } : {}),
    ...(type === 'objection.raised' ? { raisedAt: d.raisedAt ?? at } : {}),
    ...(d.dueBy ? { dueBy: d.dueBy } : {}),
    ...(type === 'objection.resolved' ? { resolvedAt: d.resolvedAt ?? at } : {}),
    ...(d.correctedRevision !== undefined && status === 'CORRECTED' ? { correctedRevision: d.correctedRevision } : {}),
  };
}
