import { validateEnvelope, type ContractRegistry } from '@cfc/contracts';
import type { IncomingMessage } from '@cfc/platform';
import { PoisonMessageError } from '../decoders';

/** A message as a ConsumerTransport dispatches it: the @EventPattern it goes to, its dedupe id, its payload. */
export interface RoutedMessage {
  pattern: string;
  id: string;
  data: unknown;
}

/**
 * Reads a message's pattern and id; undefined when it is not this consumer's business (skipped). Throw
 * PoisonMessageError for a message that must be dead-lettered before any handler sees it.
 */
export type MessageRouter = (message: IncomingMessage) => RoutedMessage | undefined;

/** The message's own coordinates: the id of a message that carries none (e.g. a provider's binding answer). */
export function offsetId(message: IncomingMessage): string {
  return `${message.topic}/${message.partition}/${message.offset}`;
}

/**
 * JSON values with a `type` field (the provider inbound topic): pattern = type, payload = the parsed
 * value (unvalidated: the handler owns its schema). Unparsable JSON and values without a type are
 * skipped: on a shared topic another consumer owns rejecting them (ingestion, for the inbound topic).
 */
export function jsonTypeRouter(idOf: (value: Record<string, unknown>, message: IncomingMessage) => string = (_v, m) => offsetId(m)): MessageRouter {
  return (message) => {
    let value: unknown;
    try {
      value = JSON.parse(message.value?.toString('utf8') ?? 'null');
    } catch {
      return undefined;
    }
    if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') return undefined;
    const object = value as Record<string, unknown>;
    return { pattern: object.type as string, id: idOf(object, message), data: object };
  };
}

/**
 * Domain event envelopes (a context's events topic): pattern = event type, id = eventId, payload = the
 * envelope. With a registry, the data of each type it knows is checked too (other types pass to routing,
 * and are skipped unless a handler takes them).
 */
export function envelopeRouter(contracts?: ContractRegistry): MessageRouter {
  return (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? 'null');
    } catch (error) {
      throw new PoisonMessageError('INVALID_JSON', error);
    }
    try {
      const envelope = validateEnvelope(parsed);
      if (contracts?.has(envelope.type, envelope.schemaVersion)) contracts.validate(envelope.type, envelope.schemaVersion, envelope.data);
      return { pattern: envelope.type, id: envelope.eventId, data: envelope };
    } catch (error) {
      throw new PoisonMessageError('CONTRACT_VIOLATION', error);
    }
  };
}
