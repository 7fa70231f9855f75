import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CLOCK, MESSAGING_CLIENT, MetricsSources, ReadinessRegistry, SERVICE_CONFIG, type Clock, type MessagingClient, type PlatformLogger } from '@cfc/platform';
import type { AuditConfig } from './audit.config';
import { AUDIT_RUNTIME, createAuditRuntime, type AuditRuntime } from './audit.runtime';
import { ActivityHttpController } from './http/activity.http.controller';
import { RegulatorAuditHttpController } from './http/regulator-audit.http.controller';

const nest = new Logger('audit');
const logger: PlatformLogger = {
  debug: (o, m) => nest.debug(o, m),
  info: (o, m) => nest.log(o, m),
  warn: (o, m) => nest.warn(o, m),
  error: (o, m) => nest.error(o, m),
};

/** Starts the recorder, sequencer, publisher and activity projection once the app is up; stops them first on shutdown. */
@Injectable()
class AuditWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(AUDIT_RUNTIME) private readonly audit: AuditRuntime,
    private readonly readiness: ReadinessRegistry,
    private readonly metrics: MetricsSources,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.metrics.register('audit', () => this.audit.metrics.render());
    this.readiness.register({
      name: 'audit-log',
      check: async () => {
        const why = this.audit.publisher.blocked ?? this.audit.activity.broken;
        if (why) throw new Error(why);
      },
    });
    await this.audit.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.audit.stop();
  }
}

/** The audit service: the log, its checkpoints and proofs, and the activity records. */
@Module({
  controllers: [RegulatorAuditHttpController, ActivityHttpController],
  providers: [
    AuditWorkers,
    {
      provide: AUDIT_RUNTIME,
      inject: [SERVICE_CONFIG, MESSAGING_CLIENT, CLOCK],
      useFactory: (config: AuditConfig, messaging: MessagingClient, clock: Clock) => createAuditRuntime(config, messaging, clock, logger),
    },
  ],
})
export class AuditModule {}
