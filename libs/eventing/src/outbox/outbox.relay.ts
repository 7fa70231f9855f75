import { Headers } from '@cfc/contracts';
import type { MessageProducer, OutgoingMessage, PlatformLogger } from '@cfc/platform';
import { silentLogger } from '@cfc/platform';
import type { MetricsRegistry } from '../metrics/metrics.registry';
import type { SqlDatabase } from '../sql/sql.port';
import { toStoredEvent } from '../store/stored-event';
import { Upcasters } from '../store/upcasters';
import { ensureCheckpoint, lockCheckpoint, readCommittedAfter, storeCheckpoint, type Checkpoint } from './committed-events.reader';

export interface OutboxRelayOptions {
  db: SqlDatabase;
  /** An idempotent producer (MessagingClient.producer({ idempotent: true })), connected by the caller. */
  producer: MessageProducer;
  /** The context's event topic, from @cfc/contracts (contextEventsTopic). */
  topic: string;
  upcasters?: Upcasters;
  batchSize?: number;
  /** Pause between polls when there was nothing to publish. Default 10 ms. */
  idleMs?: number;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}

/**
 * Publishes committed events from the event table (the outbox) to Kafka, in commit-safe order, keyed by
 * subject (else stream id), and then advances its checkpoint. A crash between publish and checkpoint
 * publishes again on restart: at least once, and consumers dedupe by event id.
 */
export class OutboxRelay {
  private readonly name: string;
  private readonly upcasters: Upcasters;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private checkpointReady = false;
  private lastPublished?: Checkpoint;

  constructor(private readonly options: OutboxRelayOptions) {
    this.name = `relay:${options.topic}`;
    this.upcasters = options.upcasters ?? new Upcasters();
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 10;
  }

  /** Publishes one batch if this instance holds the relay lock; returns how many events went out. */
  async publishBatch(): Promise<number> {
    const { db, producer, topic } = this.options;
    if (!this.checkpointReady) await ensureCheckpoint(db, this.name);
    this.checkpointReady = true;
    // Idle polls cost one cheap query: peek past what this instance last published before taking the lock.
    if (this.lastPublished && (await readCommittedAfter(db, this.lastPublished, 1)).length === 0) return this.idle();
    return db.transaction(async (tx) => {
      const at = await lockCheckpoint(tx, this.name);
      if (!at) return 0;
      const rows = await readCommittedAfter(tx, at, this.batchSize);
      if (rows.length === 0) return this.idle(at);
      const events = rows.map((r) => toStoredEvent(r, this.upcasters));
      await producer.send(topic, events.map(toMessage));
      const last = rows[rows.length - 1];
      const next = { transactionId: last.txid, position: String(last.position) };
      await storeCheckpoint(tx, this.name, next);
      this.lastPublished = next;
      this.record(rows.length, Date.parse(events[events.length - 1].occurredAt));
      return rows.length;
    });
  }

  private idle(at?: Checkpoint): number {
    if (at) this.lastPublished = at;
    this.options.metrics?.gauge('cfc_outbox_relay_lag_seconds', 'Age of the newest event at publish time').set({ topic: this.options.topic }, 0);
    return 0;
  }

  /** Starts the polling loop; errors are logged and retried after a pause. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Stops after the batch in flight. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private async loop(): Promise<void> {
    const logger = this.options.logger ?? silentLogger;
    while (!this.stopping) {
      let published = 0;
      let pause = this.idleMs;
      try {
        published = await this.publishBatch();
      } catch (error) {
        logger.error({ err: error, topic: this.options.topic }, 'outbox relay batch failed; retrying');
        pause = 500;
      }
      if (published < this.batchSize) await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => (clearTimeout(timer), resolve());
    });
  }

  private record(count: number, newestAt: number): void {
    const metrics = this.options.metrics;
    if (!metrics) return;
    metrics.counter('cfc_outbox_relay_published_total', 'Events published by the outbox relay').inc({ topic: this.options.topic }, count);
    metrics.gauge('cfc_outbox_relay_lag_seconds', 'Age of the newest event at publish time').set({ topic: this.options.topic }, Math.max(0, (Date.now() - newestAt) / 1000));
  }
}

function toMessage(event: ReturnType<typeof toStoredEvent>): OutgoingMessage {
  const { position: _position, ...envelope } = event;
  return {
    key: event.subject ?? event.streamId,
    value: JSON.stringify(envelope),
    headers: {
      [Headers.eventId]: event.eventId,
      [Headers.eventType]: event.type,
      [Headers.schemaVersion]: String(event.schemaVersion),
      [Headers.correlationId]: event.correlationId,
    },
  };
}
