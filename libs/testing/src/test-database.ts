import { Client } from 'pg';
import { integrationStack } from './stack';
import { uniqueName } from './unique-name';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the run's PostgreSQL, for one suite. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const admin = integrationStack().databaseUrl;
  const name = uniqueName(prefix);
  await withClient(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withClient(admin, async (c) => {
      // A pool's end() resolves before its connections have closed; forcing the drop meanwhile sends each a
      // FATAL that its (ended) pool re-emits unheard, crashing the suite. Let them go first; then force the
      // drop for what a test abandoned on purpose (a "dead" process's pool).
      for (let i = 0; i < 100 && (await c.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1`, [name])).rowCount! > 0; i++) await new Promise((r) => setTimeout(r, 50));
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }),
  };
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
