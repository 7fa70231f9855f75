import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every service's first migration: a one-row table naming the service that owns the database, so a
 * misconfigured DATABASE_URL pointing at another service's database is caught at boot.
 */
export function serviceInfoMigration(service: string): new () => MigrationInterface {
  return class ServiceInfo1732406400000 implements MigrationInterface {
    name = 'ServiceInfo1732406400000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE TABLE service_info (
        service text PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
      await runner.query('INSERT INTO service_info (service) VALUES ($1)', [service]);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query('DROP TABLE service_info');
    }
  };
}

/** Fails when the database belongs to a different service (see serviceInfoMigration). */
export async function assertDatabaseOwner(runner: { query(sql: string): Promise<Array<{ service: string }>> }, service: string): Promise<void> {
  const rows = await runner.query('SELECT service FROM service_info');
  const owners = rows.map((r) => r.service);
  if (!owners.includes(service)) {
    throw new Error(`DATABASE_URL points at the database of ${owners.join(', ') || 'nobody'}, not ${service}`);
  }
}
