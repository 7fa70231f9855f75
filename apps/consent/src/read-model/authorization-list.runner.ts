import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ProjectionRunner } from '@cfc/eventing';
import { CONSENT_RUNTIME, type ConsentRuntime } from '../consent.runtime';
import { authorizationListProjection } from './authorization-list.projection';

/** Keeps the list read model up to date in the background (created, or rebuilt on a version bump, at start). */
@Injectable()
export class AuthorizationListRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private runner?: ProjectionRunner;
  private readonly logger = new Logger('AuthorizationList');

  constructor(@Inject(CONSENT_RUNTIME) private readonly runtime: ConsentRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    const log = { debug: (o: object, m?: string) => this.logger.debug(o, m), info: (o: object, m?: string) => this.logger.log(o, m), warn: (o: object, m?: string) => this.logger.warn(o, m), error: (o: object, m?: string) => this.logger.error(o, m) };
    this.runner = new ProjectionRunner(this.runtime.db, authorizationListProjection, { logger: log, idleMs: 50 });
    await this.runner.init();
    this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner?.stop();
  }
}
