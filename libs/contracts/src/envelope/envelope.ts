import { timestampSchema, usccSchema, uuidSchema } from '../common/common.schema';
import { compileValidator, type JsonSchema } from '../schema/validator';

/** Who caused an event: an enterprise (by uscc), an institution (by institutionId), or the platform itself. */
export interface Actor {
  kind: 'enterprise' | 'institution' | 'system';
  id: string;
}

/**
 * Every domain event that leaves a service travels in this envelope: identity and order (eventId,
 * streamId, streamVersion), meaning (type, schemaVersion, data), and provenance (actor, subject,
 * correlation and causation ids). Consumers dedupe by eventId.
 */
export interface EventEnvelope<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  /** The enterprise (USCC) the event is about, where there is one; also the Kafka key. */
  subject?: string;
  actor: Actor;
  /** RFC 3339 UTC. */
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  data: Data;
}

export const actorSchema: JsonSchema = {
  type: 'object',
  required: ['kind', 'id'],
  additionalProperties: false,
  properties: { kind: { enum: ['enterprise', 'institution', 'system'] }, id: { type: 'string', minLength: 1 } },
};

export const envelopeSchema: JsonSchema = {
  type: 'object',
  required: ['eventId', 'type', 'schemaVersion', 'streamId', 'streamVersion', 'actor', 'occurredAt', 'correlationId', 'data'],
  additionalProperties: false,
  properties: {
    eventId: uuidSchema,
    type: { type: 'string', pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$' },
    schemaVersion: { type: 'integer', minimum: 1 },
    streamId: { type: 'string', minLength: 1, maxLength: 200 },
    streamVersion: { type: 'integer', minimum: 1 },
    subject: usccSchema,
    actor: actorSchema,
    occurredAt: timestampSchema,
    correlationId: { type: 'string', minLength: 1 },
    causationId: { type: 'string', minLength: 1 },
    data: { type: 'object' },
  },
};

/** Validates the envelope only; the data is checked against its own event contract. */
export const validateEnvelope = compileValidator<EventEnvelope>('event envelope', envelopeSchema);
