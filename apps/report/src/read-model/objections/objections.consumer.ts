import { ConsumerGroups, contextEventsTopic, deadLetterTopic, Headers, validateEnvelope, type EventEnvelope } from '@cfc/contracts';
import { ConsumerRunner, PoisonMessageError, type SqlDatabase } from '@cfc/eventing';
import type { MessagingClient } from '@cfc/platform';
import type { ConsumerOptions } from '../event.decoder';
import { OBJECTION_EVENT_TYPES, objectionChangeOf, type ObjectionChange } from './objection-events.adapter';
import { applyObjectionChange } from './objections.repository';

const FOLLOWED = new Set<string>(OBJECTION_EVENT_TYPES);

/**
 * Keeps the objections (异议) from cfc.ingestion.events.v1: open ones mark their month in every report,
 * corrected ones flag the corrected figures. Its own group, beside the statistics consumer's: the
 * statistics events are declined by their header without being read.
 */
export function objectionsConsumer(db: SqlDatabase, client: MessagingClient, options: ConsumerOptions = {}): ConsumerRunner<ObjectionChange | undefined> {
  return new ConsumerRunner<ObjectionChange | undefined>({
    db,
    client,
    groupId: ConsumerGroups.reportObjections + (options.groupSuffix ?? ''),
    topics: [contextEventsTopic('ingestion')],
    deadLetterTopic: deadLetterTopic('report'),
    decode: (message) => {
      const type = message.headers[Headers.eventType];
      if (type !== undefined && !FOLLOWED.has(type)) return undefined;
      let envelope: EventEnvelope;
      try {
        envelope = validateEnvelope(JSON.parse(message.value?.toString('utf8') ?? 'null'));
      } catch (error) {
        throw new PoisonMessageError('CONTRACT_VIOLATION', error);
      }
      try {
        return { id: envelope.eventId, value: objectionChangeOf(envelope) };
      } catch (error) {
        throw new PoisonMessageError('CONTRACT_VIOLATION', error);
      }
    },
    fromBeginning: options.fromBeginning ?? true,
    metrics: options.metrics,
    logger: options.logger,
    handleMany: async (items, tx) => {
      for (const { value } of items) if (value) await applyObjectionChange(tx, value);
    },
  });
}
