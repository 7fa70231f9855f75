import type { Actor, EventEnvelope } from '@cfc/contracts';
import type { Upcasters } from './upcasters';

/** What a decider emits: a past-tense type and its data. Envelope fields are added by the store. */
export interface DomainEvent<Type extends string = string, Data extends object = Record<string, unknown>> {
  readonly type: Type;
  readonly data: Data;
}

/** Who, about whom, and why: stamped on every event of one append. */
export interface AppendContext {
  actor: Actor;
  subject?: string;
  correlationId: string;
  causationId?: string;
}

/** An event as read back: the envelope plus its global position (a decimal string: bigint). */
export interface StoredEvent<Type extends string = string, Data = Record<string, unknown>> extends EventEnvelope<Type, Data> {
  position: string;
}

export interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  subject: string | null;
  data: Record<string, unknown>;
  metadata: { actor: Actor; correlationId: string; causationId?: string };
  occurred_at: Date;
}

export const EVENT_COLUMNS = 'position, event_id, stream_id, stream_version, type, schema_version, subject, data, metadata, occurred_at';

/** Maps a row to its envelope, upcasting old schema versions on the way out. */
export function toStoredEvent(row: EventRow, upcasters: Upcasters): StoredEvent {
  const { schemaVersion, data } = upcasters.upcast(row.type, row.schema_version, row.data);
  return {
    position: String(row.position),
    eventId: row.event_id,
    type: row.type,
    schemaVersion,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    ...(row.subject !== null ? { subject: row.subject } : {}),
    actor: row.metadata.actor,
    occurredAt: row.occurred_at.toISOString(),
    correlationId: row.metadata.correlationId,
    ...(row.metadata.causationId !== undefined ? { causationId: row.metadata.causationId } : {}),
    data,
  };
}
