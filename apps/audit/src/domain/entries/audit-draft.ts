import type { AuditEntry, EventEnvelope } from '@cfc/contracts';
import { canonicalJsonBytes } from '@cfc/tlog';
import type { AnyAuditedType } from '../audited-types/audited-type';

/** An audit entry before the sequencer gives it its seq. */
export type AuditDraft = Omit<AuditEntry, 'seq'>;

/** The entry an audited event becomes: its time, type, subject and actor, and the type's own data mapping. */
export function draftFrom(envelope: EventEnvelope, mapping: AnyAuditedType): AuditDraft {
  return {
    at: envelope.occurredAt,
    type: envelope.type,
    ...(envelope.subject !== undefined ? { subject: envelope.subject } : {}),
    actor: { kind: envelope.actor.kind, id: envelope.actor.id },
    data: mapping.toData(envelope.data),
  };
}

/** The entry with its seq, as the exact bytes the log hashes and publishes (RFC 8785 JCS). */
export function entryBytes(draft: AuditDraft, seq: number): Buffer {
  return canonicalJsonBytes({ ...draft, seq });
}
