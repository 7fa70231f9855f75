import { validateEnvelope, type ContractRegistry, type EventEnvelope } from '@cfc/contracts';
import { PoisonMessageError, type MessageDecoder, type MetricsRegistry } from '@cfc/eventing';
import type { PlatformLogger } from '@cfc/platform';

/** What the report's read-model consumers take besides their database and client. */
export interface ConsumerOptions {
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
  fromBeginning?: boolean;
  /** Tests only (REPORT_CONSUMER_GROUP_SUFFIX): isolates the group from other stacks on the same broker. */
  groupSuffix?: string;
}

/**
 * Decodes the envelopes of another context's topic. Types in `contracts` are checked against their
 * contract (a violation is dead-lettered); other types pass undecoded, for the handler to skip: a topic
 * carries more event types than this read model follows, and new ones appear without notice.
 */
export function followedEventsDecoder(contracts: ContractRegistry): MessageDecoder<EventEnvelope> {
  return (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? 'null');
    } catch (error) {
      throw new PoisonMessageError('INVALID_JSON', error);
    }
    try {
      const envelope = validateEnvelope(parsed);
      if (contracts.latestVersion(envelope.type) !== undefined) contracts.validate(envelope.type, envelope.schemaVersion, envelope.data);
      return { id: envelope.eventId, value: envelope };
    } catch (error) {
      throw new PoisonMessageError('CONTRACT_VIOLATION', error);
    }
  };
}
