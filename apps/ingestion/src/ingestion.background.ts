import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConsumerGroups, contextEventsTopic, platformTopic, Topics } from '@cfc/contracts';
import { ConsumerRunner, RelayThread, type EventForwarder } from '@cfc/eventing';
import { kafkaSaslFromConfig, MESSAGING_CLIENT, MetricsSources, nestPlatformLogger, SERVICE_CONFIG, type MessagingClient } from '@cfc/platform';
import { bindingsConsumer } from './bindings/bindings.consumer';
import { inboundDecoder, type InboundValue } from './inbound/inbound.decoder';
import type { IngestionConfig } from './ingestion.config';
import { INGESTION_RUNTIME, type IngestionRuntime } from './ingestion.runtime';
import { OverdueSweeper } from './objections/overdue.sweeper';
import { providerOutboundForwarder } from './provider-forwarding/provider-outbound.forwarder';

/**
 * What runs beside the HTTP routes: the inbound consumer (cfc.provider.inbound.v1), the relay publishing
 * ingestion's events from a thread of its own, the forwarder to providers and the dead-letter topic, the
 * bindings read model and the overdue sweep.
 */
@Injectable()
export class IngestionBackground implements OnApplicationBootstrap, OnModuleDestroy {
  private relay?: RelayThread;
  private inbound?: ConsumerRunner<InboundValue>;
  private bindings?: ConsumerRunner<unknown>;
  private forwarder?: EventForwarder;
  private sweeper?: OverdueSweeper;
  private readonly log = nestPlatformLogger('ingestion');

  constructor(
    @Inject(MESSAGING_CLIENT) private readonly messaging: MessagingClient,
    @Inject(SERVICE_CONFIG) private readonly config: IngestionConfig,
    @Inject(INGESTION_RUNTIME) private readonly runtime: IngestionRuntime,
    private readonly metricsSources: MetricsSources,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const own = contextEventsTopic('ingestion');
    const admin = this.messaging.admin();
    await admin.connect();
    // Ingestion's own topics (the catalogue's specs); binding's events topic is provisioned with the platform's.
    await admin.ensureTopics([own, Topics.providerInbound, Topics.ingestionDeadLetter].map(platformTopic));
    await admin.disconnect();
    const { metrics } = this.runtime;
    this.metricsSources.register('ingestion', () => metrics.render());
    this.relay = await RelayThread.start({ databaseUrl: this.config.DATABASE_URL, brokers: this.config.KAFKA_BROKERS, sasl: kafkaSaslFromConfig(this.config), topic: own, clientId: 'cfc-ingestion-relay', idleMs: 20, metrics: metrics.registry, logger: this.log });
    this.forwarder = providerOutboundForwarder(this.messaging, { metrics: metrics.registry, logger: this.log });
    this.bindings = bindingsConsumer(this.runtime.db, this.messaging, { metrics: metrics.registry, logger: this.log }) as ConsumerRunner<unknown>;
    this.inbound = new ConsumerRunner<InboundValue>({
      db: this.runtime.db,
      client: this.messaging,
      groupId: ConsumerGroups.ingestionInbound,
      topics: [Topics.providerInbound],
      // Last resort only: every refusal ingestion can name is recorded and published through its outbox.
      deadLetterTopic: Topics.ingestionDeadLetter,
      decode: inboundDecoder(),
      handleMany: (items, tx) => this.runtime.inbound.handleMany(items, tx),
      maxTransactionSize: this.config.INGESTION_MESSAGES_PER_TRANSACTION,
      maxBytesPerPartition: this.config.INGESTION_FETCH_BYTES_PER_PARTITION,
      fetchMinBytes: 256 << 10,
      fetchMaxWaitMs: 100, // a quiet topic: one fetch every 100 ms (20 ms cost ~5% of a core idle); under load the bytes fill first
      maxAttempts: 5,
      retryDelayMs: 500,
      fromBeginning: true,
      metrics: metrics.registry,
      logger: this.log,
    });
    await Promise.all([this.forwarder.start(), this.bindings.start(), this.inbound.start()]);
    this.sweeper = new OverdueSweeper(this.runtime.objections, this.runtime.objectionCommands, () => this.runtime.clock.now(), this.config.INGESTION_OVERDUE_SWEEP_SECONDS * 1000, this.log);
    this.sweeper.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.runtime.stopping();
    await this.sweeper?.stop();
    await Promise.all([this.inbound?.stop(), this.bindings?.stop(), this.forwarder?.stop()]);
    await this.relay?.stop();
    await this.runtime.close();
  }
}
