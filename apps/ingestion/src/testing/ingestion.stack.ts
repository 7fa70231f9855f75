import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Kafka, logLevel } from 'kafkajs';
import { providerOutboundTopic } from '@cfc/contracts';
import { createRootLogger, createServiceApp, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, integrationStack, TEST_INTERNAL_AUTH_SECRET, uniqueName, type TestDatabase } from '@cfc/testing';
// The real identity, binding and gateway run in-process beside ingestion (test-only cross-app imports, as in
// apps/gateway's front-door suite).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { identityService } from '../../../identity/src/identity.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DemoDataSet } from '../../../identity/src/domain/demo/demo-data';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { bindingService } from '../../../binding/src/binding.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayService } from '../../../gateway/src/gateway.service';
import { ingestionService } from '../ingestion.service';
import { ProviderClient } from './provider.client';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type Json = Record<string, any>;
export interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

/** identity, binding, ingestion (unless `withoutIngestion`) and the gateway in-process on the run's PostgreSQL and broker. */
export interface IngestionStack {
  gateway: string;
  identity: string;
  binding: string;
  ingestionDb: TestDatabase;
  demo: DemoDataSet;
  dataDir: string;
  clockFile: string;
  /** KAFKA_GROUP_SUFFIX of this stack's services (a service started beside it as a process joins the same groups). */
  groupSuffix: string;
  provider: ProviderClient;
  moveClock(ms: number): void;
  call(path: string, init?: { method?: string; body?: unknown; token?: string }): Promise<Answer>;
  enterpriseToken(index: number): Promise<string>;
  regulatorToken(): Promise<string>;
  /** Binds account `accountIndex` of enterprise `enterprise` and has its provider confirm it: the ACTIVE binding's id. */
  bindActive(token: string, account: { provider: string; number: string; type: string }): Promise<string>;
  signer(provider: string): { institutionId: string; keyId: string; privateKeyPem: string };
  eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const PROVIDERS = ['B0001', 'P0001'];
const url = (app: ServiceApp) => `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;

/**
 * The demo providers' outbound topics, created by the run's super user: the provider client reads them from
 * its start, before binding's first message to a provider would create them. The platform topics are
 * provisioned by the jest global setup.
 */
async function createProviderTopics(brokers: string[]): Promise<void> {
  const admin = new Kafka({ clientId: 'test-admin', brokers, sasl: integrationStack().kafkaSasl, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const wanted = PROVIDERS.map(providerOutboundTopic);
  const existing = new Set(await admin.listTopics());
  await admin.createTopics({ topics: wanted.filter((t) => !existing.has(t)).map((topic) => ({ topic, numPartitions: 3 })) }).catch(() => undefined);
  await admin.disconnect();
}

export async function startIngestionStack(options: { withoutIngestion?: boolean } = {}): Promise<IngestionStack> {
  const names = ['identity', 'binding', 'ingestion', 'gateway'];
  const databases: TestDatabase[] = await Promise.all(names.map((s) => createTestDatabase(s)));
  const [identityDb, bindingDb, ingestionDb, gatewayDb] = databases;
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-ingestion-'));
  const clockFile = join(dataDir, 'clock-offset');
  writeFileSync(clockFile, '0');
  const stack = integrationStack();
  const brokers = stack.kafkaBrokers;
  await createProviderTopics(brokers);
  // CFC_TEST_LOGS=1 shows the services' warnings and errors.
  const sink = new Writable({ write: (chunk, _enc, done) => (process.env.CFC_TEST_LOGS && process.stderr.write(chunk), done()) });
  // Own consumer groups (other suites run ingestion and binding on the same broker); a suffix keeps them
  // under each service's group ACL prefix: cfc.ingestion.provider-inbound.<unique>.
  const groupSuffix = uniqueName('t');
  const common = { KAFKA_BROKERS: brokers.join(','), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, CFC_CLOCK_OFFSET_FILE: clockFile, KAFKA_GROUP_SUFFIX: groupSuffix, LOG_LEVEL: 'warn' };
  const apps: ServiceApp[] = [];
  const start = async (definition: Parameters<typeof createServiceApp>[0], env: Record<string, string>, name: Parameters<typeof stack.kafkaServiceEnv>[0]) => {
    const service = await createServiceApp(definition, { ...common, ...stack.kafkaServiceEnv(name), ...env }, createRootLogger(name, 'warn', sink));
    await service.app.listen(0, '127.0.0.1');
    if (process.env.CFC_TEST_LOGS) process.stderr.write(`${name} up\n`);
    apps.unshift(service);
    return url(service);
  };
  const identity = await start(identityService, { DATABASE_URL: identityDb.url, CFC_DATA_DIR: dataDir, CFC_EMBEDDED: 'true' }, 'identity');
  const binding = await start(bindingService, { DATABASE_URL: bindingDb.url, IDENTITY_URL: identity }, 'binding');
  const ingestion = options.withoutIngestion ? 'http://127.0.0.1:9' : await start(ingestionService, { DATABASE_URL: ingestionDb.url, IDENTITY_URL: identity, BINDING_URL: binding, INGESTION_OVERDUE_SWEEP_SECONDS: '1' }, 'ingestion');
  const gateway = await start(gatewayService, { DATABASE_URL: gatewayDb.url, IDENTITY_URL: identity, BINDING_URL: binding, INGESTION_URL: ingestion }, 'gateway');
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoDataSet;
  const provider = new ProviderClient(brokers, PROVIDERS);
  await provider.start();

  const call: IngestionStack['call'] = async (path, init = {}) => {
    const headers: Record<string, string> = init.body !== undefined ? { 'content-type': 'application/json' } : {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(`${gateway}${path}`, { method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, body: init.body !== undefined ? JSON.stringify(init.body) : undefined });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Json };
  };
  const eventually: IngestionStack['eventually'] = async (what, check, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const sms = (challengeId: string) =>
    readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.challengeId === challengeId).code as string;
  const signer = (id: string) => demo.providers.find((p) => p.institutionId === id)!;

  return {
    gateway,
    identity,
    binding,
    ingestionDb,
    demo,
    dataDir,
    clockFile,
    groupSuffix,
    provider,
    call,
    eventually,
    signer,
    moveClock: (ms) => writeFileSync(clockFile, String(ms)),
    async enterpriseToken(index) {
      const e = demo.enterprises[index];
      const { body } = await call('/v1/subject/login/challenge', { body: { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
      return (await call('/v1/subject/login', { body: { challengeId: body.challengeId, code: sms(body.challengeId) } })).body.access_token as string;
    },
    async regulatorToken() {
      const r = demo.regulators[0];
      return (await call('/v1/oauth/token', { body: { grant_type: 'client_credentials', client_id: r.clientId, client_secret: r.clientSecret } })).body.access_token as string;
    },
    async bindActive(token, account) {
      const res = await call('/v1/subject/bindings', { token, body: { provider: account.provider, accountNumber: account.number, accountType: account.type, agreementVersion: '1.0', agreementAccepted: true } });
      if (res.status !== 202) throw new Error(`binding refused: ${res.status} ${JSON.stringify(res.body)}`);
      const id = res.body.id as string;
      await provider.send({ type: 'binding.confirmed', bindingId: id, provider: account.provider }, signer(account.provider), { kafkaKey: id });
      await eventually(`binding ${id} ACTIVE`, async () => (await call(`/v1/subject/bindings/${id}`, { token })).body.status === 'ACTIVE');
      return id;
    },
    async close() {
      await provider.stop();
      for (const service of apps) await service.app.close();
      await Promise.all(databases.map((d) => d.drop()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
