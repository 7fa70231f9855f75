import type { MetricsRegistry } from '@cfc/eventing';

export type QueryStage = 'consent' | 'bindings' | 'load' | 'notes' | 'compute' | 'record';

/** Where a query's time goes, as Prometheus counters (seconds and counts per stage): the bench reads them. */
export class QueryMetrics {
  constructor(private readonly registry: MetricsRegistry) {}

  async time<T>(stage: QueryStage, work: () => Promise<T> | T): Promise<T> {
    const started = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.registry.counter('cfc_report_query_stage_seconds_total', 'Time spent per query stage').inc({ stage }, seconds);
      this.registry.counter('cfc_report_query_stage_total', 'Query stages run').inc({ stage });
    }
  }

  outcome(kind: 'INSTITUTION' | 'SELF', product: string, outcome: string): void {
    this.registry.counter('cfc_report_queries_total', 'Queries by kind, product and outcome').inc({ kind, product, outcome });
  }
}
