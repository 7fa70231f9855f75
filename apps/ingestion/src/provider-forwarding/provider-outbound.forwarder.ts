import { ConsumerGroups, contextEventsTopic, Topics } from '@cfc/contracts';
import { EventForwarder, type MetricsRegistry } from '@cfc/eventing';
import type { MessagingClient, PlatformLogger } from '@cfc/platform';
import { FORWARDED_TYPES, ingestionOutboundMessages } from './provider-outbound.mapping';

/**
 * cfc.ingestion.events.v1 -> providers' outbound topics and cfc.ingestion.dead-letter.v1 (group
 * cfc.ingestion.provider-forwarder), after the relay published the committed events. At least once:
 * providers dedupe by submissionId / objectionId (or cfc-event-id), regulators by cfc-event-id.
 */
export function providerOutboundForwarder(client: MessagingClient, options: { metrics?: MetricsRegistry; logger?: PlatformLogger } = {}): EventForwarder {
  return new EventForwarder({
    client,
    groupId: ConsumerGroups.ingestionProviderForwarder,
    topics: [contextEventsTopic('ingestion')],
    types: FORWARDED_TYPES,
    // An event the mapping refuses is a bug; it is parked beside the refused provider messages, which is where
    // whoever follows ingestion's failures looks.
    deadLetterTopic: Topics.ingestionDeadLetter,
    map: ingestionOutboundMessages,
    createTopic: (topic) => ({ topic, partitions: 3 }),
    metrics: options.metrics,
    logger: options.logger,
  });
}
