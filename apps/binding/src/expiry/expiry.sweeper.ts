import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { StreamVersionConflictError } from '@cfc/eventing';
import { SERVICE_CONFIG } from '@cfc/platform';
import type { BindingConfig } from '../binding.config';
import { BINDING_RUNTIME, type BindingRuntime } from '../binding.runtime';
import { BindingRuleViolation } from '../domain/binding/binding.decider';

const BATCH = 200;

/**
 * Records binding.expired for requests left unanswered 7 days, so the audit stream sees it. Reads never
 * wait for it (a pending binding past its 7 days reads EXPIRED anyway); replicas may sweep together: a
 * binding already answered or expired gets no event, and a racing append only conflicts.
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly logger = new Logger('ExpirySweeper');

  constructor(
    @Inject(BINDING_RUNTIME) private readonly runtime: BindingRuntime,
    @Inject(SERVICE_CONFIG) private readonly config: BindingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.BINDING_EXPIRY_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass (never two at once); resolves with the number of bindings it expired. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce()
      .catch((err: unknown) => {
        this.logger.warn({ err }, 'expiry sweep failed; next pass retries');
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    const { bindings, commands, clock } = this.runtime;
    let expired = 0;
    for (const { bindingId, subject } of await bindings.duePending(clock.now(), BATCH)) {
      try {
        const events = await commands.run(bindingId, { type: 'ExpireBinding' }, { actor: { kind: 'system', id: 'binding' }, subject, correlationId: `expiry-sweep:${bindingId}` });
        expired += events.length;
      } catch (error) {
        if (!(error instanceof BindingRuleViolation) && !(error instanceof StreamVersionConflictError)) throw error;
      }
    }
    if (expired > 0) this.logger.log({ expired }, 'unanswered binding requests expired');
    return expired;
  }
}
