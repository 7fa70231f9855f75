import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry, SERVICE_CONFIG, serviceUrlsFrom } from '@cfc/platform';
import type { GatewayConfig } from '../gateway.config';

const CACHE_MS = 1000;

/**
 * The gateway is ready only when the services behind it answer their /readyz: a client that waits for
 * the gateway's /readyz and then calls never meets a 503 from a service still starting. Each upstream's
 * answer is cached for a second, so a busy prober costs the services at most one request per second.
 */
@Injectable()
export class UpstreamReadiness implements OnModuleInit {
  private readonly cache = new Map<string, { at: number; result: Promise<void> }>();

  constructor(
    private readonly registry: ReadinessRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    for (const [service, url] of Object.entries(serviceUrlsFrom(this.config))) {
      this.registry.register({ name: service, check: () => this.probe(service, url) });
    }
  }

  private probe(service: string, url: string): Promise<void> {
    const cached = this.cache.get(service);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.result;
    const result = fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(1500) }).then(
      (res) => {
        if (!res.ok) throw new Error(`${service} answers /readyz ${res.status}`);
      },
      () => {
        throw new Error(`${service} is not reachable`);
      },
    );
    result.catch(() => undefined);
    this.cache.set(service, { at: Date.now(), result });
    return result;
  }
}
