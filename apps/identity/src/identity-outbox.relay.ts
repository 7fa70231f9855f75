import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { contextEventsTopic } from '@cfc/contracts';
import { MetricsRegistry, OutboxRelay, typeormDatabase, type DataSourceLike } from '@cfc/eventing';
import { MESSAGING_CLIENT, MessagingLifecycle, MetricsSources, type MessagingClient } from '@cfc/platform';
import { IDENTITY_RUNTIME } from './identity.runtime';

/** Publishes identity's committed events (logins, failed logins, data accounts, institutions) to cfc.identity.events.v1. */
@Injectable()
export class IdentityOutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private relay?: OutboxRelay;
  // Relay lag and published count (cfc_outbox_relay_*), rendered by the platform's GET /metrics.
  private readonly metrics = new MetricsRegistry();
  private readonly logger = new Logger('IdentityOutboxRelay');

  constructor(
    @Inject(MESSAGING_CLIENT) private readonly messaging: MessagingClient,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSourceLike,
    private readonly lifecycle: MessagingLifecycle,
    private readonly metricsSources: MetricsSources,
    // Depends on the runtime so the eventing schema exists before the relay polls it.
    @Inject(IDENTITY_RUNTIME) _runtime: unknown,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topic = contextEventsTopic('identity');
    const admin = this.messaging.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic, partitions: 3 }]);
    await admin.disconnect();
    const producer = this.messaging.producer({ idempotent: true });
    await producer.connect();
    this.lifecycle.manageProducer(producer);
    const log = { debug: (o: object, m?: string) => this.logger.debug(o, m), info: (o: object, m?: string) => this.logger.log(o, m), warn: (o: object, m?: string) => this.logger.warn(o, m), error: (o: object, m?: string) => this.logger.error(o, m) };
    this.metricsSources.register('identity-outbox-relay', () => this.metrics.render());
    this.relay = new OutboxRelay({ db: typeormDatabase(this.dataSource), producer, topic, logger: log, idleMs: 50, metrics: this.metrics });
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop();
  }
}
