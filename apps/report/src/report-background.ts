import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { contextEventsTopic, deadLetterTopic } from '@cfc/contracts';
import { RelayThread, type ConsumerRunner } from '@cfc/eventing';
import { kafkaSaslFromConfig, MESSAGING_CLIENT, MetricsSources, nestPlatformLogger, SERVICE_CONFIG, type MessagingClient } from '@cfc/platform';
import { bindingsConsumer } from './read-model/bindings.consumer';
import { declarationsConsumer } from './read-model/declarations/declarations.consumer';
import { objectionsConsumer } from './read-model/objections/objections.consumer';
import { statisticsConsumer } from './read-model/statistics.consumer';
import type { ReportConfig } from './report.config';
import { REPORT_RUNTIME, type ReportRuntime } from './report.runtime';

/**
 * What runs beside the HTTP routes: the read-model consumers (statistics, bindings, declarations,
 * objections) and the relay that publishes query.performed to cfc.report.events.v1 from a thread of its own.
 */
@Injectable()
export class ReportBackground implements OnApplicationBootstrap, OnModuleDestroy {
  private relay?: RelayThread;
  private consumers: ConsumerRunner<unknown>[] = [];
  private readonly logger = new Logger('report');
  private readonly log = nestPlatformLogger('report');

  constructor(
    @Inject(MESSAGING_CLIENT) private readonly messaging: MessagingClient,
    @Inject(SERVICE_CONFIG) private readonly config: ReportConfig,
    @Inject(REPORT_RUNTIME) private readonly runtime: ReportRuntime,
    private readonly metricsSources: MetricsSources,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const own = contextEventsTopic('report');
    const admin = this.messaging.admin();
    await admin.connect();
    await admin.ensureTopics([own, deadLetterTopic('report')].map((topic) => ({ topic, partitions: 3 })));
    // The consumed topics belong to ingestion, binding and identity; a consumer started before their owners must
    // still find them. Best effort: where the broker's ACLs grant this service only READ on them, their owners create them.
    await admin.ensureTopics([contextEventsTopic('ingestion'), contextEventsTopic('binding'), contextEventsTopic('identity')].map((topic) => ({ topic, partitions: 3 }))).catch((error: Error) => {
      this.logger.warn({ err: error.message }, 'could not create the consumed topics (their owners will)');
    });
    await admin.disconnect();
    this.metricsSources.register('report', () => this.runtime.metrics.render());
    const options = { metrics: this.runtime.metrics, logger: this.log, groupSuffix: this.config.REPORT_CONSUMER_GROUP_SUFFIX };
    this.consumers = [
      statisticsConsumer(this.runtime.db, this.messaging, options),
      bindingsConsumer(this.runtime.db, this.messaging, options),
      declarationsConsumer(this.runtime.db, this.messaging, options),
      objectionsConsumer(this.runtime.db, this.messaging, options),
    ];
    await Promise.all(this.consumers.map((c) => c.start()));
    this.relay = await RelayThread.start({
      databaseUrl: this.config.DATABASE_URL,
      brokers: this.config.KAFKA_BROKERS,
      sasl: kafkaSaslFromConfig(this.config),
      topic: own,
      clientId: 'cfc-report-relay',
      idleMs: 50,
      metrics: this.runtime.metrics,
      logger: this.log,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay?.stop();
    await this.runtime.close();
  }
}
