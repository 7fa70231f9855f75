import { ContractRegistry, reportEventContracts } from '@cfc/contracts';
import { MetricsRegistry, migrateEventing, pgDatabase, PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import type { Clock, InternalClient } from '@cfc/platform';
import { Pool } from 'pg';
import { HttpBindingDirectory } from './ports/binding-directory.http-adapter';
import type { BindingDirectory } from './ports/binding-directory.port';
import { HttpConsentCheck } from './ports/consent-check.http-adapter';
import type { ConsentCheck } from './ports/consent-check.port';
import { QueryMetrics } from './queries/query.metrics';
import { QueryService } from './queries/query.service';
import { ReportDataLoader } from './read-model/report-data.loader';
import { StatisticsCache } from './read-model/statistics.cache';
import { loadSubjectNotes } from './read-model/subject-notes.loader';
import type { ReportConfig } from './report.config';
import { migrateReport } from './report.migration';

/** Everything the report service's controllers and consumers use, built once at start. */
export interface ReportRuntime {
  db: SqlDatabase;
  queries: QueryService;
  cache: StatisticsCache;
  /** The service's own figures (query stages, consumers), rendered on GET /metrics. */
  metrics: MetricsRegistry;
  close(): Promise<void>;
}

/** DI token of the ReportRuntime. */
export const REPORT_RUNTIME = Symbol('REPORT_RUNTIME');

export interface ReportPorts {
  consent?: ConsentCheck;
  bindings?: BindingDirectory;
}

/**
 * Migrates and wires the use cases. The hot path uses a pg pool of its own (named prepared statements,
 * parsed and planned once per connection), beside the platform's TypeORM pool for health checks.
 */
export async function createReportRuntime(config: ReportConfig, internal: InternalClient, clock: Clock, ports: ReportPorts = {}): Promise<ReportRuntime> {
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_MAX, application_name: 'cfc-report' });
  pool.on('error', () => undefined); // an idle client's backend went away: the pool replaces it
  const db = pgDatabase(pool);
  await migrateEventing(db);
  await migrateReport(db);
  const metrics = new MetricsRegistry();
  const store = new PostgresEventStore(db, { contracts: new ContractRegistry(reportEventContracts), now: () => clock.now() });
  const cache = new StatisticsCache(config.REPORT_CACHE_BINDINGS);
  const queries = new QueryService({
    consent: ports.consent ?? new HttpConsentCheck(internal),
    bindings: ports.bindings ?? new HttpBindingDirectory(internal),
    loader: new ReportDataLoader(db, cache),
    notes: (subject, bindingIds) => loadSubjectNotes(db, subject, bindingIds),
    store,
    clock,
    metrics: new QueryMetrics(metrics),
    selfQueryMonths: config.REPORT_SELF_QUERY_MONTHS,
  });
  return { db, queries, cache, metrics, close: () => pool.end() };
}
