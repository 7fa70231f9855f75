import { Headers } from '@cfc/contracts';
import { PoisonMessageError, type MetricsRegistry, type SqlDatabase } from '@cfc/eventing';
import { silentLogger, type IncomingBatch, type IncomingMessage, type MessageConsumer, type MessageProducer, type MessagingClient, type PlatformLogger } from '@cfc/platform';
import { consumedContracts } from '../domain/audited-types/consumed-contracts';
import { sourceEventDecoder, type RecordedEvent } from './source-event.decoder';

export interface RecorderOptions {
  db: SqlDatabase;
  client: MessagingClient;
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  onRecorded?: () => void;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}

type Decoded = { message: IncomingMessage; value: RecordedEvent } | { message: IncomingMessage; error: unknown };

/**
 * Group cfc.audit.recorder on every context's event topic: each fetched batch becomes rows of audit.intake
 * in one statement, then its offset is committed. Idempotent without an inbox: the intake's unique source
 * event id absorbs a redelivery before sequencing, and the sequencer drops one that is already in the log
 * (eventing's ConsumerRunner would add an inbox row per event for the same guarantee, on the hot path).
 * A message that can never be recorded is dead-lettered with its reason; a database outage is waited out,
 * never dead-lettered. Several instances may record at once; only the sequencer orders.
 */
export class SourceEventsRecorder {
  private consumer?: MessageConsumer;
  private producer?: MessageProducer;
  private readonly decode = sourceEventDecoder(consumedContracts());

  constructor(private readonly options: RecorderOptions) {}

  async start(): Promise<void> {
    const o = this.options;
    this.producer = o.client.producer({ idempotent: true });
    // Batches under load (the bytes fill first); on a quiet topic a fetch every 100 ms (at 20 ms, the idle fetches cost ~5% of a core per consumer).
    this.consumer = o.client.consumer({ groupId: o.groupId, maxBytesPerPartition: 1 << 20, minBytes: 64 * 1024, maxWaitMs: 100 });
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe(o.topics, { fromBeginning: true });
    await this.consumer.run({ eachBatch: (batch) => this.onBatch(batch) });
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = this.producer = undefined;
  }

  private async onBatch(batch: IncomingBatch): Promise<void> {
    if (batch.messages.length === 0) return;
    const decoded = batch.messages.map((message): Decoded => {
      try {
        return { message, value: this.decode(message).value };
      } catch (error) {
        return { message, error };
      }
    });
    const audited = decoded.flatMap((d) => ('value' in d && d.value.audited ? [d.value] : []));
    const poison = decoded.flatMap((d) => ('error' in d ? [d] : []));
    for (let attempt = 1; batch.isActive(); attempt++) {
      try {
        if (poison.length > 0) await this.deadLetter(poison);
        if (audited.length > 0) await this.record(audited);
        break;
      } catch (error) {
        (this.options.logger ?? silentLogger).warn({ err: error, topic: batch.topic, partition: batch.partition, attempt }, 'audit recorder could not store a batch; retrying');
        await new Promise((r) => setTimeout(r, Math.min(200 * attempt, 5000)));
        await batch.heartbeat();
      }
    }
    if (!batch.isActive()) return; // not committed: redelivered to whoever holds the partition next
    await batch.commit(batch.messages[batch.messages.length - 1].offset);
    this.count('recorded', audited.length);
    this.count('not-audited', decoded.length - audited.length - poison.length);
    if (audited.length > 0) this.options.onRecorded?.();
  }

  // One JSON parameter, unpacked by PostgreSQL: text arrays would be escaped element by element in Node.
  private async record(events: Array<Extract<RecordedEvent, { audited: true }>>): Promise<void> {
    const rows = events.map((e) => ({ id: e.eventId, subject: e.subject, head: e.parts.head, tail: e.parts.tail }));
    await this.options.db.query(
      `INSERT INTO audit.intake (source_event_id, subject, head, tail) SELECT id, subject, head, tail FROM json_to_recordset($1::json) AS r(id uuid, subject text, head text, tail text) ON CONFLICT (source_event_id) DO NOTHING`,
      [JSON.stringify(rows)],
      'audit-intake-insert',
    );
  }

  private async deadLetter(poison: Array<{ message: IncomingMessage; error: unknown }>): Promise<void> {
    const o = this.options;
    await this.producer!.send(
      o.deadLetterTopic,
      poison.map(({ message, error }) => {
        const reason = error instanceof PoisonMessageError ? error.reason : 'UNDECODABLE';
        (o.logger ?? silentLogger).error({ topic: message.topic, offset: message.offset, reason }, 'source event dead-lettered');
        return {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [Headers.error]: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
            [Headers.errorReason]: reason,
            [Headers.originalTopic]: message.topic,
            [Headers.originalPartition]: String(message.partition),
            [Headers.originalOffset]: message.offset,
            [Headers.consumerGroup]: o.groupId,
            [Headers.attempts]: '0',
          },
        };
      }),
    );
    this.count('dead-lettered', poison.length);
  }

  private count(outcome: string, n: number): void {
    if (n > 0) this.options.metrics?.counter('cfc_audit_recorder_messages_total', 'Source events the recorder finished, by outcome').inc({ outcome }, n);
  }
}
