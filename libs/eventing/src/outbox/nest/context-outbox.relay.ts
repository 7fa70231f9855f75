import { Inject, Injectable, type InjectionToken, type OnApplicationBootstrap, type OnModuleDestroy, type Type } from '@nestjs/common';
import { contextEventsTopic, platformTopic, type BoundedContext } from '@cfc/contracts';
import { kafkaSaslFromConfig, MESSAGING_CLIENT, MetricsSources, nestPlatformLogger, SERVICE_CONFIG, type MessagingClient, type PlatformConfig } from '@cfc/platform';
import { MetricsRegistry } from '../../metrics/metrics.registry';
import { RelayThread } from '../relay.thread';

/**
 * A bounded context's outbox relay as a Nest provider: at bootstrap it makes sure the context's event topic
 * exists and starts a RelayThread publishing the event table (the outbox) to it, logged in as the service;
 * its cfc_outbox_relay_* metrics join GET /metrics. `after` is the provider that creates the eventing schema
 * (the service's runtime), so the relay never polls a table that is not there yet.
 */
export function contextOutboxRelay(context: BoundedContext, after: InjectionToken): Type<OnApplicationBootstrap & OnModuleDestroy> {
  const name = `${context[0].toUpperCase()}${context.slice(1)}OutboxRelay`;

  @Injectable()
  class ContextOutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
    private relay?: RelayThread;
    private readonly metrics = new MetricsRegistry();

    constructor(
      @Inject(MESSAGING_CLIENT) private readonly messaging: MessagingClient,
      @Inject(SERVICE_CONFIG) private readonly config: PlatformConfig,
      private readonly metricsSources: MetricsSources,
      @Inject(after) _runtime: unknown,
    ) {}

    async onApplicationBootstrap(): Promise<void> {
      const topic = contextEventsTopic(context);
      const admin = this.messaging.admin();
      await admin.connect();
      await admin.ensureTopics([platformTopic(topic)]);
      await admin.disconnect();
      this.metricsSources.register(`${context}-outbox-relay`, () => this.metrics.render());
      // The thread builds its own Kafka client: it logs in as this service, as MESSAGING_CLIENT does.
      this.relay = await RelayThread.start({
        databaseUrl: this.config.DATABASE_URL,
        brokers: this.config.KAFKA_BROKERS,
        sasl: kafkaSaslFromConfig(this.config),
        topic,
        clientId: `cfc-${context}-relay`,
        idleMs: 50,
        metrics: this.metrics,
        logger: nestPlatformLogger(name),
      });
    }

    async onModuleDestroy(): Promise<void> {
      await this.relay?.stop();
    }
  }

  Object.defineProperty(ContextOutboxRelay, 'name', { value: name });
  return ContextOutboxRelay;
}
