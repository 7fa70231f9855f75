import type { AuditEntry, EventEnvelope } from '@cfc/contracts';
import { canonicalJson, canonicalJsonBytes } from '@cfc/tlog';
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

/**
 * A draft's JCS split around its seq: an entry's top-level keys are fixed, and in JCS order (UTF-16 code
 * units) "seq" falls after "data" and before "subject" and "type". So `head + "seq":N + tail` is exactly
 * entryBytes(draft, N), for canonicalizing once when the event is recorded instead of at sequencing.
 */
export interface DraftParts {
  head: string;
  tail: string;
}

export function draftParts(draft: AuditDraft): DraftParts {
  const { actor, at, data, subject, type } = draft;
  const extra = Object.keys(draft).filter((k) => !['actor', 'at', 'data', 'subject', 'type'].includes(k));
  if (extra.length > 0) throw new Error(`an audit draft has no field ${extra.join(', ')}`);
  return {
    head: `{"actor":${canonicalJson(actor)},"at":${canonicalJson(at)},"data":${canonicalJson(data)},`,
    tail: `${subject !== undefined ? `,"subject":${canonicalJson(subject)}` : ''},"type":${canonicalJson(type)}}`,
  };
}

export function entryFromParts(parts: DraftParts, seq: number): Buffer {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`bad seq ${seq}`);
  return Buffer.from(`${parts.head}"seq":${seq}${parts.tail}`, 'utf8');
}
