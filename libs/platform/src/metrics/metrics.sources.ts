import { Injectable } from '@nestjs/common';

/** Something that contributes Prometheus text (format 0.0.4) to GET /metrics: eventing lag, a service's own figures. */
export type MetricsSource = () => string;

/** Collects the sources rendered by GET /metrics; the platform registers process and HTTP metrics itself. */
@Injectable()
export class MetricsSources {
  private readonly sources = new Map<string, MetricsSource>();

  register(name: string, source: MetricsSource): void {
    this.sources.set(name, source);
  }

  render(): string {
    return [...this.sources.values()].map((render) => render().trimEnd()).filter(Boolean).join('\n') + '\n';
  }
}
