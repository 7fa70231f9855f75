import { ConsumerGroups, ContractRegistry, contextEventsTopic, deadLetterTopic, declarationMade, declarationWithdrawn, type EventEnvelope } from '@cfc/contracts';
import { ConsumerRunner, type SqlDatabase } from '@cfc/eventing';
import type { MessagingClient } from '@cfc/platform';
import { followedEventsDecoder, type ConsumerOptions } from '../event.decoder';
import { onlyTypes } from '../followed-types.decoder';
import { applyDeclarationEvent } from './declarations.repository';

const FOLLOWED = new Set<string>([declarationMade.type, declarationWithdrawn.type]);

/** Keeps the enterprises' declarations (声明) from cfc.identity.events.v1: what every report prints while they are active. */
export function declarationsConsumer(db: SqlDatabase, client: MessagingClient, options: ConsumerOptions = {}): ConsumerRunner<EventEnvelope> {
  return new ConsumerRunner<EventEnvelope>({
    db,
    client,
    groupId: ConsumerGroups.reportDeclarations + (options.groupSuffix ?? ''),
    topics: [contextEventsTopic('identity')],
    deadLetterTopic: deadLetterTopic('report'),
    decode: onlyTypes(FOLLOWED, followedEventsDecoder(new ContractRegistry([declarationMade, declarationWithdrawn]))),
    fromBeginning: options.fromBeginning ?? true,
    metrics: options.metrics,
    logger: options.logger,
    // In log order, one at a time: a declaration and its withdrawal may share a chunk.
    handleMany: async (items, tx) => {
      for (const { value } of items) await applyDeclarationEvent(tx, value);
    },
  });
}
