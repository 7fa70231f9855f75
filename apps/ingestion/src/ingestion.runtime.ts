import { ContractRegistry, httpProviderKeyRegistry, ingestionEventContracts } from '@cfc/contracts';
import { migrateEventing, pgDatabase, PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import { ProviderDirectory, SERVICE_TOKEN_HEADER, type Clock, type InternalClient, type PlatformLogger, type ServiceAuth } from '@cfc/platform';
import { Pool } from 'pg';
import { InboundAuthentication } from './inbound/inbound.authentication';
import { InboundHandler } from './inbound/inbound.handler';
import { ObjectionAnswerIntake } from './inbound/objection-answer.intake';
import { OutcomeRecorder } from './inbound/outcome.recorder';
import { StatisticsIntake } from './inbound/statistics.intake';
import type { IngestionConfig } from './ingestion.config';
import { IngestionMetrics } from './ingestion.metrics';
import { migrateIngestion } from './ingestion.migration';
import { ObjectionCommands } from './objections/objection.commands';
import { ObjectionsQueries } from './objections/objections.queries';
import { RaiseObjectionService } from './objections/raise-objection.service';
import { HttpBindingDirectory, type BindingDirectory } from './ports/binding-directory';
import type { Patience } from './ports/until-answered';
import { ProvidersQueries } from './regulator/providers.queries';
import { StatisticsStore } from './statistics/statistics.store';

/** Everything ingestion's controllers, consumers and sweep use, built once at start. */
export interface IngestionRuntime {
  db: SqlDatabase;
  clock: Clock;
  metrics: IngestionMetrics;
  inbound: InboundHandler;
  objectionCommands: ObjectionCommands;
  objections: ObjectionsQueries;
  raiseObjection: RaiseObjectionService;
  providers: ProvidersQueries;
  /** From now on, waits for binding or identity give up (the service is stopping). */
  stopping(): void;
  close(): Promise<void>;
}

/** DI token of the IngestionRuntime. */
export const INGESTION_RUNTIME = Symbol('INGESTION_RUNTIME');

export interface IngestionPorts {
  bindings?: BindingDirectory;
}

/**
 * Migrates and wires the use cases on a pg pool of its own (named prepared statements for the hot writes;
 * the platform's TypeORM pool serves the health check).
 */
export async function createIngestionRuntime(config: IngestionConfig, clock: Clock, internal: InternalClient, auth: ServiceAuth, logger: PlatformLogger, ports: IngestionPorts = {}): Promise<IngestionRuntime> {
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_MAX, application_name: 'cfc-ingestion' });
  pool.on('error', () => undefined); // an idle client's backend went away: the pool replaces it
  const db = pgDatabase(pool);
  await migrateEventing(db);
  await migrateIngestion(db);
  const now = () => clock.now();
  const metrics = new IngestionMetrics();
  let stopping = false;
  const patience: Patience = { stopping: () => stopping, logger, onWait: (what) => metrics.dependencyWait(what) };
  const store = new PostgresEventStore(db, { contracts: new ContractRegistry(ingestionEventContracts), now });
  const statistics = new StatisticsStore();
  const bindings = ports.bindings ?? new HttpBindingDirectory(internal);
  const keys = httpProviderKeyRegistry(config.IDENTITY_URL, { headers: async () => ({ [SERVICE_TOKEN_HEADER]: await auth.tokens.sign('identity') }) });
  const authentication = new InboundAuthentication(keys, new ProviderDirectory(internal), patience);
  const recorder = new OutcomeRecorder(store);
  const objectionCommands = new ObjectionCommands(db, store, now);
  const objections = new ObjectionsQueries(db);
  return {
    db,
    clock,
    metrics,
    inbound: new InboundHandler(authentication, new StatisticsIntake(bindings, statistics, recorder, patience), new ObjectionAnswerIntake(objectionCommands, statistics), recorder, clock, metrics),
    objectionCommands,
    objections,
    raiseObjection: new RaiseObjectionService(db, bindings, statistics, objectionCommands, objections),
    providers: new ProvidersQueries(db),
    stopping: () => void (stopping = true),
    close: () => pool.end(),
  };
}
