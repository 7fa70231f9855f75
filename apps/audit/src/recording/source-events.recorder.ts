import { bindingEventContracts, consentEventContracts, ContractRegistry, identityEventContracts, statisticsAccepted, type Contract } from '@cfc/contracts';
import { ConsumerRunner, type MetricsRegistry, type SqlDatabase, type SqlExecutor } from '@cfc/eventing';
import type { IncomingMessage, MessagingClient, PlatformLogger } from '@cfc/platform';
import { pendingContracts } from '../domain/audited-types/pending.contracts';
import type { AuditTopics } from '../audit.topics';
import { sourceEventDecoder, type RecordedEvent } from './source-event.decoder';

/** The contracts of every consumed event type; a pending one only while no library contract has its type and version. */
export function auditContracts(): ContractRegistry {
  const registry = new ContractRegistry([...identityEventContracts, ...bindingEventContracts, ...consentEventContracts, statisticsAccepted] as Contract<string, unknown>[]);
  for (const pending of pendingContracts) if (!registry.has(pending.type, pending.schemaVersion)) registry.register(pending as Contract<string, unknown>);
  return registry;
}

/**
 * Group cfc.audit.recorder on every context's event topic: each audited event becomes a row in
 * audit.intake, with its inbox row in the same transaction (a redelivery records nothing twice), for the
 * sequencer to give a seq. Several instances may record at once; only the sequencer orders.
 */
export function sourceEventsRecorder(options: {
  db: SqlDatabase;
  client: MessagingClient;
  topics: AuditTopics;
  onRecorded?: () => void;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}): ConsumerRunner<RecordedEvent> {
  return new ConsumerRunner<RecordedEvent>({
    db: options.db,
    client: options.client,
    groupId: options.topics.recorderGroup,
    topics: options.topics.sources,
    deadLetterTopic: options.topics.deadLetter,
    decode: sourceEventDecoder(auditContracts()),
    handleMany: async (items, tx) => {
      await recordAll(items, tx);
      if (items.some((i) => i.value.audited)) setTimeout(() => options.onRecorded?.(), 2).unref();
    },
    fetchMinBytes: 64 * 1024,
    fetchMaxWaitMs: 20,
    maxTransactionSize: 500,
    metrics: options.metrics,
    logger: options.logger,
  });
}

async function recordAll(items: Array<{ value: RecordedEvent; message: IncomingMessage }>, tx: SqlExecutor): Promise<void> {
  const audited = items.flatMap(({ value }) => (value.audited ? [value] : []));
  if (audited.length === 0) return;
  // One JSON parameter, unpacked by PostgreSQL: text arrays would be escaped element by element in Node.
  const rows = audited.map((a) => ({ id: a.eventId, subject: a.subject, head: a.parts.head, tail: a.parts.tail }));
  await tx.query(
    `INSERT INTO audit.intake (source_event_id, subject, head, tail) SELECT id, subject, head, tail FROM json_to_recordset($1::json) AS r(id uuid, subject text, head text, tail text) ON CONFLICT (source_event_id) DO NOTHING`,
    [JSON.stringify(rows)],
    'audit-intake-insert',
  );
}
