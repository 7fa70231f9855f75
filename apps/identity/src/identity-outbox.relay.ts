import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { contextEventsTopic, platformTopic } from '@cfc/contracts';
import { MetricsRegistry, RelayThread } from '@cfc/eventing';
import { kafkaSaslFromConfig, MESSAGING_CLIENT, MetricsSources, SERVICE_CONFIG, type MessagingClient } from '@cfc/platform';
import type { IdentityConfig } from './identity.config';
import { IDENTITY_RUNTIME } from './identity.runtime';

/**
 * Publishes identity's committed events (logins, failed logins, data accounts, institutions) to
 * cfc.identity.events.v1, from a relay thread of its own so publishing never delays a login.
 */
@Injectable()
export class IdentityOutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private relay?: RelayThread;
  // Relay lag and published count (cfc_outbox_relay_*), rendered by the platform's GET /metrics.
  private readonly metrics = new MetricsRegistry();
  private readonly logger = new Logger('IdentityOutboxRelay');

  constructor(
    @Inject(MESSAGING_CLIENT) private readonly messaging: MessagingClient,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
    private readonly metricsSources: MetricsSources,
    // Depends on the runtime so the eventing schema exists before the relay polls it.
    @Inject(IDENTITY_RUNTIME) _runtime: unknown,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topic = contextEventsTopic('identity');
    const admin = this.messaging.admin();
    await admin.connect();
    await admin.ensureTopics([platformTopic(topic)]);
    await admin.disconnect();
    const log = { debug: (o: object, m?: string) => this.logger.debug(o, m), info: (o: object, m?: string) => this.logger.log(o, m), warn: (o: object, m?: string) => this.logger.warn(o, m), error: (o: object, m?: string) => this.logger.error(o, m) };
    this.metricsSources.register('identity-outbox-relay', () => this.metrics.render());
    this.relay = await RelayThread.start({
      databaseUrl: this.config.DATABASE_URL,
      brokers: this.config.KAFKA_BROKERS,
      sasl: kafkaSaslFromConfig(this.config),
      topic,
      clientId: 'cfc-identity-relay',
      idleMs: 50,
      metrics: this.metrics,
      logger: log,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop();
  }
}
