import { ConsumerGroups, ContractRegistry, contextEventsTopic, deadLetterTopic, statisticsAccepted, type EventEnvelope, type StatisticsAcceptedData } from '@cfc/contracts';
import { ConsumerRunner, type SqlDatabase } from '@cfc/eventing';
import type { MessagingClient } from '@cfc/platform';
import { followedEventsDecoder, type ConsumerOptions } from './event.decoder';
import { upsertStatistics, type IncomingRecord } from './statistics.repository';

/**
 * Keeps the read model of accepted statistics from cfc.ingestion.events.v1: per (bindingId, period) the
 * highest revision, whatever the arrival order. Idempotent (inbox); a chunk of events is one bulk upsert.
 */
export function statisticsConsumer(db: SqlDatabase, client: MessagingClient, options: ConsumerOptions = {}): ConsumerRunner<EventEnvelope> {
  return new ConsumerRunner<EventEnvelope>({
    db,
    client,
    groupId: ConsumerGroups.reportStatistics + (options.groupSuffix ?? ''),
    topics: [contextEventsTopic('ingestion')],
    deadLetterTopic: deadLetterTopic('report'),
    decode: followedEventsDecoder(new ContractRegistry([statisticsAccepted])),
    // 1,000 records an event, ~1 KiB each: ten events are a 10,000-row upsert at most.
    maxTransactionSize: 10,
    maxBytesPerPartition: 4 << 20,
    fromBeginning: options.fromBeginning ?? true,
    metrics: options.metrics,
    logger: options.logger,
    handleMany: async (items, tx) => {
      const records: IncomingRecord[] = items
        .filter(({ value }) => value.type === 'statistics.accepted')
        .flatMap(({ value }) => {
          const data = value.data as StatisticsAcceptedData;
          return data.records.map((record) => ({ record, submissionId: data.submissionId, acceptedAt: data.acceptedAt }));
        });
      if (records.length > 0) await upsertStatistics(tx, records);
    },
  });
}
