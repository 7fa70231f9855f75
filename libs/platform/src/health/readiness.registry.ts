import { Injectable } from '@nestjs/common';

/** Something /readyz must see up: the database, Kafka, or a check a service adds. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export type ReadinessReport = { ready: boolean; checks: Record<string, 'up' | string> };

/** Collects readiness checks; flips to not-ready as soon as shutdown begins. */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];
  private stopping = false;

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  markStopping(): void {
    this.stopping = true;
  }

  async report(timeoutMs = 2000): Promise<ReadinessReport> {
    const checks: Record<string, string> = {};
    await Promise.all(
      this.checks.map(async (c) => {
        checks[c.name] = await withTimeout(c.check(), timeoutMs).then(
          () => 'up',
          (e: unknown) => `down: ${e instanceof Error ? e.message : String(e)}`,
        );
      }),
    );
    if (this.stopping) checks.shutdown = 'down: shutting down';
    return { ready: Object.values(checks).every((v) => v === 'up'), checks };
  }
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
