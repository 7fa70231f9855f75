import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { contextEventsTopic, platformTopic } from '@cfc/contracts';
import { MetricsRegistry, RelayThread } from '@cfc/eventing';
import { kafkaSaslFromConfig, MESSAGING_CLIENT, MetricsSources, SERVICE_CONFIG, type MessagingClient } from '@cfc/platform';
import type { BindingConfig } from './binding.config';
import { BINDING_RUNTIME } from './binding.runtime';

/** Publishes binding's committed events to cfc.binding.events.v1 (audit, consent, report, and the provider forwarder read them). */
@Injectable()
export class BindingOutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private relay?: RelayThread;
  private readonly metrics = new MetricsRegistry();
  private readonly logger = new Logger('BindingOutboxRelay');

  constructor(
    @Inject(MESSAGING_CLIENT) private readonly messaging: MessagingClient,
    @Inject(SERVICE_CONFIG) private readonly config: BindingConfig,
    private readonly metricsSources: MetricsSources,
    // Depends on the runtime so the eventing schema exists before the relay polls it.
    @Inject(BINDING_RUNTIME) _runtime: unknown,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topic = contextEventsTopic('binding');
    const admin = this.messaging.admin();
    await admin.connect();
    await admin.ensureTopics([platformTopic(topic)]);
    await admin.disconnect();
    const log = { debug: (o: object, m?: string) => this.logger.debug(o, m), info: (o: object, m?: string) => this.logger.log(o, m), warn: (o: object, m?: string) => this.logger.warn(o, m), error: (o: object, m?: string) => this.logger.error(o, m) };
    this.metricsSources.register('binding-outbox-relay', () => this.metrics.render());
    // The relay thread builds its own Kafka client: it logs in as this service, as MESSAGING_CLIENT does.
    this.relay = await RelayThread.start({
      databaseUrl: this.config.DATABASE_URL,
      brokers: this.config.KAFKA_BROKERS,
      sasl: kafkaSaslFromConfig(this.config),
      topic,
      clientId: 'cfc-binding-relay',
      idleMs: 50,
      metrics: this.metrics,
      logger: log,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop();
  }
}
