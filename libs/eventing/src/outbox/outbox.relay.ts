// Light entry points: this runs in the relay's worker thread, which should not load Nest and TypeORM.
import { Headers } from '@cfc/contracts/headers';
import { silentLogger, type MessageProducer, type OutgoingMessage, type PlatformLogger } from '@cfc/platform/kafka';
import type { MetricsRegistry } from '../metrics/metrics.registry';
import { IdleBackoff } from '../polling/idle-backoff';
import { WakeablePause } from '../polling/wakeable-pause';
import type { SqlDatabase, SqlExecutor } from '../sql/sql.port';
import { toStoredEvent } from '../store/stored-event';
import { Upcasters } from '../store/upcasters';
import { RelayLease } from './relay.lease';

/** Longest pause of an idle relay. */
const RELAY_MAX_IDLE_MS = 100;

export interface OutboxRelayOptions {
  db: SqlDatabase;
  /** An idempotent producer (MessagingClient.producer({ idempotent: true })), connected by the caller. */
  producer: MessageProducer;
  /** The context's event topic, from @cfc/contracts (contextEventsTopic). */
  topic: string;
  upcasters?: Upcasters;
  batchSize?: number;
  /** Pause after a poll that published less than a batch. Default 10 ms; doubles while polls find nothing (IdleBackoff). */
  idleMs?: number;
  /** How often a standby instance tries to take over the lease. Default 1000 ms. */
  standbyMs?: number;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}

/**
 * Publishes committed events from the event table (the outbox) to Kafka, in commit-safe order, keyed by
 * subject (else stream id), and then advances its checkpoint. One instance per topic holds the lease
 * and publishes; others stand by. A crash between publish and stored checkpoint publishes again on
 * restart: at least once, and consumers dedupe by event id.
 */
export class OutboxRelay {
  private readonly name: string;
  private readonly upcasters: Upcasters;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private running?: Promise<void>;
  private stopping = false;
  private readonly pause = new WakeablePause();

  constructor(private readonly options: OutboxRelayOptions) {
    this.name = `relay:${options.topic}`;
    this.upcasters = options.upcasters ?? new Upcasters();
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 10;
  }

  /** Takes the lease, publishes one batch and gives the lease back; 0 when another instance holds it. */
  async publishBatch(): Promise<number> {
    return this.options.db.session(async (connection) => {
      const lease = await RelayLease.acquire(connection, this.name);
      if (!lease) return 0;
      const published = await this.publishNext(lease);
      await lease.release(); // on a failure the session's connection closes, and the lock goes with it
      return published;
    });
  }

  /** Starts the polling loop; errors are logged and retried after a pause. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.pause.resume();
    this.running = this.loop();
  }

  /** Stops after the batch in flight, storing the checkpoint reached. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.stop();
    await this.running;
    this.running = undefined;
  }

  private async publishNext(lease: RelayLease): Promise<number> {
    const rows = await lease.next(this.batchSize);
    if (rows.length === 0) return this.idle();
    const events = rows.map((r) => toStoredEvent(r, this.upcasters));
    await this.options.producer.send(this.options.topic, events.map(toMessage));
    const last = rows[rows.length - 1];
    lease.advance({ transactionId: last.txid, position: String(last.position) });
    this.record(rows.length, Date.parse(events[events.length - 1].occurredAt));
    return rows.length;
  }

  private idle(): number {
    this.options.metrics?.gauge('cfc_outbox_relay_lag_seconds', 'Age of the newest event at publish time').set({ topic: this.options.topic }, 0);
    return 0;
  }

  private async loop(): Promise<void> {
    const logger = this.options.logger ?? silentLogger;
    while (!this.stopping) {
      try {
        await this.options.db.session((connection) => this.lead(connection));
      } catch (error) {
        logger.error({ err: error, topic: this.options.topic }, 'outbox relay failed; retrying');
        await this.pause.wait(500);
      }
    }
  }

  // Holds the lease for as long as this instance runs; stands by while another instance holds it.
  private async lead(connection: SqlExecutor): Promise<void> {
    const lease = await RelayLease.acquire(connection, this.name);
    if (!lease) return this.pause.wait(this.options.standbyMs ?? 1000);
    // Other services wait on what the relay publishes: it backs off to 100 ms, not the default 250 ms.
    const backoff = new IdleBackoff(this.idleMs, Math.max(this.idleMs, RELAY_MAX_IDLE_MS));
    while (!this.stopping) {
      const published = await this.publishNext(lease);
      if (published < this.batchSize) await this.pause.wait(backoff.next(published > 0));
    }
    await lease.release();
  }


  private record(count: number, newestAt: number): void {
    const metrics = this.options.metrics;
    if (!metrics) return;
    metrics.counter('cfc_outbox_relay_published_total', 'Events published by the outbox relay').inc({ topic: this.options.topic }, count);
    metrics.counter('cfc_outbox_relay_batches_total', 'Batches (Kafka produce requests) sent by the outbox relay').inc({ topic: this.options.topic });
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
