import { validateEnvelope, type ContractRegistry } from '@cfc/contracts';
import { PoisonMessageError, type MessageDecoder } from '@cfc/eventing';
import { classify } from '../domain/audited-types/audited-types';
import { draftFrom, draftParts, entryFromParts, type DraftParts } from '../domain/entries/audit-draft';

/** What the recorder keeps of a source event: its draft entry, or nothing (a type deliberately not audited). */
export type RecordedEvent = { audited: true; eventId: string; subject: string | null; parts: DraftParts } | { audited: false };

// An entry bundle frames each entry with a 2-byte length (C2SP tlog-tiles); leave room for the seq digits.
const MAX_ENTRY_BYTES = 65_000;

/**
 * Decodes a context event into its audit draft. Everything the sequencer could choke on is refused here,
 * as a dead letter with a reason: bad JSON or envelope, a type in no table (UNMAPPED_EVENT_TYPE), a schema
 * version the mapping does not read, data against its contract, an entry that is not a contract entry.
 */
export function sourceEventDecoder(contracts: ContractRegistry): (...args: Parameters<MessageDecoder<RecordedEvent>>) => { id: string; value: RecordedEvent } {
  return (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? 'null');
    } catch (error) {
      throw new PoisonMessageError('INVALID_JSON', error);
    }
    const envelope = validateEnvelope.check(parsed);
    if (!envelope.ok) throw new PoisonMessageError('CONTRACT_VIOLATION', envelope.error);
    const event = envelope.value;
    const classified = classify(event.type);
    switch (classified.kind) {
      case 'not-audited':
        return { id: event.eventId, value: { audited: false } };
      case 'unmapped':
        throw new PoisonMessageError('UNMAPPED_EVENT_TYPE', `no audit mapping for ${event.type} (audited-types.ts)`);
      case 'audited':
        break;
      default: {
        const never: never = classified;
        throw new Error(`unexpected classification ${JSON.stringify(never)}`);
      }
    }
    if (!classified.mapping.versions.includes(event.schemaVersion)) throw new PoisonMessageError('UNMAPPED_SCHEMA_VERSION', `${event.type} v${event.schemaVersion} has no audit mapping`);
    try {
      contracts.validate(event.type, event.schemaVersion, event.data);
    } catch (error) {
      throw new PoisonMessageError('CONTRACT_VIOLATION', error);
    }
    const draft = draftFrom(event, classified.mapping);
    let parts: DraftParts;
    try {
      // The draft comes from a validated envelope through a typed mapping (each checked against the entry
      // schema in audited-types.spec.ts); JCS refuses whatever else could slip through (undefined, NaN).
      parts = draftParts(draft); // canonicalized once, here, off the sequencer's path
    } catch (error) {
      throw new PoisonMessageError('NOT_AN_AUDIT_ENTRY', error);
    }
    const size = entryFromParts(parts, 0).length;
    if (size > MAX_ENTRY_BYTES) throw new PoisonMessageError('ENTRY_TOO_LARGE', `${size} bytes`);
    return { id: event.eventId, value: { audited: true, eventId: event.eventId, subject: draft.subject ?? null, parts } };
  };
}
