import { type DataSource, type Migration, MigrationExecutor } from 'typeorm';

/**
 * Runs pending migrations under a PostgreSQL advisory lock, each in its own transaction, so two
 * replicas starting together never apply the same migration twice.
 */
export async function runMigrationsLocked(dataSource: DataSource, lockName: string): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]);
    }
  } finally {
    await runner.release();
  }
}
