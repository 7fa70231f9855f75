import { DataSource, type EntitySchema, type MigrationInterface, type MixedList } from 'typeorm';
import type { PlatformLogger } from '../logging/logger.port';
import { runMigrationsLocked } from './migration.runner';
import { assertDatabaseOwner, serviceInfoMigration } from './service-info.migration';

export interface ServiceDatabaseOptions {
  service: string;
  url: string;
  poolMax: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  /** The service's migrations, oldest first; the service-info migration is prepended. */
  migrations?: Array<new () => MigrationInterface>;
  logger: PlatformLogger;
}

/** Opens the service's own database and brings its schema up to date; never synchronize. */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: [serviceInfoMigration(options.service), ...(options.migrations ?? [])],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: options.poolMax, connectionTimeoutMillis: 5000, application_name: `cfc-${options.service}` },
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`PostgreSQL not reachable at ${describeUrl(options.url)}: ${(error as Error).message}. Check DATABASE_URL.`, {
      cause: error,
    });
  }
  const applied = await runMigrationsLocked(dataSource, `cfc-migrations-${options.service}`);
  await assertDatabaseOwner(dataSource, options.service);
  options.logger.info({ applied: applied.map((m) => m.name), database: describeUrl(options.url) }, 'database ready');
  return dataSource;
}

/** host:port/database of a connection URL (the socket directory for a Unix socket), without credentials, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.searchParams.get('host') ?? u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
