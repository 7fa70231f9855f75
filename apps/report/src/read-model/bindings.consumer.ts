import { bindingEventContracts, ConsumerGroups, ContractRegistry, contextEventsTopic, deadLetterTopic, type EventEnvelope } from '@cfc/contracts';
import { ConsumerRunner, type SqlDatabase } from '@cfc/eventing';
import type { MessagingClient } from '@cfc/platform';
import { bindingRowOf, upsertBindings, type BindingRow } from './bindings.repository';
import { followedEventsDecoder, type ConsumerOptions } from './event.decoder';

/** Keeps, per binding id, its masked number, provider, account type and status from cfc.binding.events.v1. */
export function bindingsConsumer(db: SqlDatabase, client: MessagingClient, options: ConsumerOptions = {}): ConsumerRunner<EventEnvelope> {
  return new ConsumerRunner<EventEnvelope>({
    db,
    client,
    groupId: ConsumerGroups.reportBindings + (options.groupSuffix ?? ''),
    topics: [contextEventsTopic('binding')],
    deadLetterTopic: deadLetterTopic('report'),
    decode: followedEventsDecoder(new ContractRegistry(bindingEventContracts)),
    fromBeginning: options.fromBeginning ?? true,
    metrics: options.metrics,
    logger: options.logger,
    handleMany: async (items, tx) => {
      const rows = items.map(({ value }) => bindingRowOf(value)).filter((r): r is BindingRow => r !== undefined);
      await upsertBindings(tx, rows);
    },
  });
}
