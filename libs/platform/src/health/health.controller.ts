import { Controller, Get } from '@nestjs/common';
import { ProblemException } from '../problem/problem.exception';
import { ReadinessRegistry } from './readiness.registry';

/** /healthz: the process answers. /readyz: its database and Kafka connections are up (else a 503 problem). */
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  @Get('healthz')
  healthz(): { status: 'alive' } {
    return { status: 'alive' };
  }

  @Get('readyz')
  async readyz(): Promise<{ status: 'ready'; checks: Record<string, string> }> {
    const report = await this.readiness.report();
    if (!report.ready) throw new ProblemException(503, 'NOT_READY', 'Service Unavailable', 'a dependency is down', { checks: report.checks });
    return { status: 'ready', checks: report.checks };
  }
}
