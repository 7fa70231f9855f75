import { validateEnvelope, type ContractRegistry, type EventEnvelope } from '@cfc/contracts';
import type { IncomingMessage } from '@cfc/platform';

/**
 * A message as the runner needs it: the id to dedupe on, and the decoded value. Throws when undecodable;
 * returns undefined for a message that is not this consumer's business (committed, no effect, no inbox row),
 * e.g. a message type another service owns on a shared topic.
 */
export type MessageDecoder<T> = (message: IncomingMessage) => { id: string; value: T } | undefined;

/** Marks a message that can never succeed (bad JSON, contract violation): dead-lettered without retries. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
  constructor(
    readonly reason: string,
    cause: unknown,
  ) {
    super(`${reason}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Decodes a domain event envelope and, when a registry is given, checks its data contract too. */
export function envelopeDecoder(contracts?: ContractRegistry): MessageDecoder<EventEnvelope> {
  return (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? 'null');
    } catch (error) {
      throw new PoisonMessageError('INVALID_JSON', error);
    }
    try {
      const envelope = validateEnvelope(parsed);
      contracts?.validate(envelope.type, envelope.schemaVersion, envelope.data);
      return { id: envelope.eventId, value: envelope };
    } catch (error) {
      throw new PoisonMessageError('CONTRACT_VIOLATION', error);
    }
  };
}
