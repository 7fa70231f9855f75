import { Client } from 'pg';
import { databaseName, type ServiceName } from './services.catalog';

/** The URL of a service's own database on the same server as baseUrl. */
export function serviceDatabaseUrl(baseUrl: string, service: ServiceName, prefix: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${databaseName(service, prefix)}`;
  return url.toString();
}

/** Creates the services' databases that do not exist yet; returns those it could not create, with why. */
export async function ensureDatabases(adminUrl: string, services: readonly ServiceName[], prefix: string): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const failures: string[] = [];
  try {
    const existing = new Set(
      (await client.query<{ datname: string }>('SELECT datname FROM pg_database')).rows.map((r) => r.datname),
    );
    for (const service of services) {
      const name = databaseName(service, prefix);
      if (existing.has(name)) continue;
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.end();
  }
  return failures;
}
