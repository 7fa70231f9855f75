import { bindingEventContracts, ConsumerGroups, ContractRegistry, contextEventsTopic, Topics, validateEnvelope, type EventEnvelope } from '@cfc/contracts';
import { ConsumerRunner, type MessageDecoder, type MetricsRegistry, type SqlDatabase } from '@cfc/eventing';
import type { MessagingClient, PlatformLogger } from '@cfc/platform';
import { silentLogger } from '@cfc/platform';

const contracts = new ContractRegistry(bindingEventContracts);
const STATUS_BY_TYPE: Record<string, string> = {
  'binding.requested': 'PENDING_PROVIDER',
  'binding.confirmed': 'ACTIVE',
  'binding.rejected': 'REJECTED',
  'binding.ended': 'ENDED',
  'binding.expired': 'EXPIRED',
};

/**
 * Which accounts are bound, from cfc.binding.events.v1 (group cfc.ingestion.bindings): the regulator's
 * freshness view lists every bound account, also those never supplied. Lagging is fine here; whether a record
 * may be accepted is asked of binding itself, at that instant. An event that breaks binding's contract (a bug:
 * binding validates on append) is logged and passed over: binding's events must not reach the providers'
 * dead-letter topic that regulators read, and this read model is advisory.
 */
export function bindingsConsumer(db: SqlDatabase, client: MessagingClient, options: { metrics?: MetricsRegistry; logger?: PlatformLogger } = {}): ConsumerRunner<EventEnvelope> {
  const logger = options.logger ?? silentLogger;
  const decode: MessageDecoder<EventEnvelope> = (message) => {
    try {
      const envelope = validateEnvelope(JSON.parse(message.value?.toString('utf8') ?? 'null'));
      if (!(envelope.type in STATUS_BY_TYPE)) return undefined;
      contracts.validate(envelope.type, envelope.schemaVersion, envelope.data);
      return { id: envelope.eventId, value: envelope };
    } catch (error) {
      logger.error({ err: error, offset: message.offset, partition: message.partition }, 'unreadable binding event passed over');
      options.metrics?.counter('cfc_ingestion_binding_events_unreadable_total', 'Binding events the freshness read model could not read').inc();
      return undefined;
    }
  };
  return new ConsumerRunner<EventEnvelope>({
    db,
    client,
    groupId: ConsumerGroups.ingestionBindings,
    topics: [contextEventsTopic('binding')],
    deadLetterTopic: Topics.ingestionDeadLetter,
    decode,
    fromBeginning: true,
    metrics: options.metrics,
    logger,
    handleMany: async (items, tx) => {
      // Last event per binding wins by stream version (a redelivered older one changes nothing).
      const rows = items.map(({ value }) => {
        const d = value.data as { bindingId: string; subject: string; provider: string; account: { number: string; type: string } };
        return { binding_id: d.bindingId, subject: d.subject, provider: d.provider, account_number: d.account.number, account_type: d.account.type, status: STATUS_BY_TYPE[value.type], stream_version: value.streamVersion };
      });
      const latest = new Map<string, (typeof rows)[number]>();
      for (const r of rows) if ((latest.get(r.binding_id)?.stream_version ?? 0) < r.stream_version) latest.set(r.binding_id, r);
      await tx.query(
        `INSERT INTO ingestion.bindings AS b (binding_id, subject, provider, account_number, account_type, status, stream_version)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(binding_id text, subject text, provider text, account_number text, account_type text, status text, stream_version integer)
         ORDER BY binding_id
         ON CONFLICT (binding_id) DO UPDATE SET status = excluded.status, stream_version = excluded.stream_version WHERE b.stream_version < excluded.stream_version`,
        [JSON.stringify([...latest.values()])],
      );
    },
  });
}
