import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SERVICE_NAME } from '../service/platform.tokens';
import { HttpMetrics } from './http.metrics';
import { MetricsSources } from './metrics.sources';
import { processMetrics } from './process.metrics';

/** Registers the platform's own metrics (process, HTTP) before any service adds its own. */
@Injectable()
export class MetricsRegistration implements OnModuleInit {
  constructor(
    private readonly sources: MetricsSources,
    private readonly http: HttpMetrics,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  onModuleInit(): void {
    this.sources.register('process', processMetrics(this.service));
    this.sources.register('http', () => this.http.render());
  }
}
