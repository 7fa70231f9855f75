import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SERVICE_CONFIG } from '@cfc/platform';
import type { ConsentConfig } from '../consent.config';
import { CONSENT_RUNTIME, type ConsentRuntime } from '../consent.runtime';

const SYSTEM = { kind: 'system' as const, id: 'consent' };

/**
 * Records authorization.expired for the audit, after the fact: expiry itself is decided by the clock on
 * every read and check, so nothing waits for this sweep. Safe with several replicas (the decider records
 * an expiry once; a racing replica's append conflicts and finds it recorded).
 */
@Injectable()
export class ExpirySweep implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private readonly logger = new Logger('ExpirySweep');

  constructor(
    @Inject(CONSENT_RUNTIME) private readonly runtime: ConsentRuntime,
    @Inject(SERVICE_CONFIG) private readonly config: ConsentConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: every authorisation expired by the clock and not yet recorded. Returns how many it recorded. */
  async sweep(): Promise<number> {
    let recorded = 0;
    for (const { id, subject } of await this.runtime.list.expiredUnrecorded(this.runtime.clock.now(), 500)) {
      if (this.stopped) break;
      const view = await this.runtime.streams.execute(id, { type: 'RecordExpiry' }, SYSTEM, subject, `expiry-sweep-${id}`);
      if (view.status === 'EXPIRED') recorded++;
    }
    return recorded;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then((n) => void (n > 0 && this.logger.log({ recorded: n }, 'expiries recorded')))
        .catch((error: unknown) => this.logger.error({ err: error }, 'expiry sweep failed; next pass retries'))
        .finally(() => this.schedule());
    }, this.config.CONSENT_EXPIRY_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }
}
