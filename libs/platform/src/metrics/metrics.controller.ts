import { Controller, Get, Header } from '@nestjs/common';
import { MetricsSources } from './metrics.sources';

/** GET /metrics: Prometheus text exposition of every registered source. */
@Controller()
export class MetricsController {
  constructor(private readonly sources: MetricsSources) {}

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): string {
    return this.sources.render();
  }
}
