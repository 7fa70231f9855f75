import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { nestPlatformLogger } from '@cfc/platform';
import { ProjectionRunner } from '@cfc/eventing';
import { CONSENT_RUNTIME, type ConsentRuntime } from '../consent.runtime';
import { authorizationListProjection } from './authorization-list.projection';

/** Keeps the list read model up to date in the background (created, or rebuilt on a version bump, at start). */
@Injectable()
export class AuthorizationListRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private runner?: ProjectionRunner;
  private readonly log = nestPlatformLogger('AuthorizationList');

  constructor(@Inject(CONSENT_RUNTIME) private readonly runtime: ConsentRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    this.runner = new ProjectionRunner(this.runtime.db, authorizationListProjection, { logger: this.log, idleMs: 50 });
    await this.runner.init();
    this.runner.start();
    this.runtime.streams.whenCommitted(() => this.runner?.wake());
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner?.stop();
  }
}
