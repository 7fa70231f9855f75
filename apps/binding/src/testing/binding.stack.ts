import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createRootLogger, createServiceApp, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, integrationStack, TEST_INTERNAL_AUTH_SECRET, uniqueName, type TestDatabase } from '@cfc/testing';
// The real identity and gateway run in-process beside binding (test-only cross-app imports, as in
// apps/gateway's front-door suite).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { identityService } from '../../../identity/src/identity.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DemoDataSet } from '../../../identity/src/domain/demo/demo-data';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayService } from '../../../gateway/src/gateway.service';
import { bindingService } from '../binding.service';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type Json = Record<string, any>;
export interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

/** identity, binding and the gateway as in-process apps on the run's PostgreSQL and broker, with a movable clock. */
export interface BindingStack {
  gateway: string;
  binding: string;
  demo: DemoDataSet;
  dataDir: string;
  brokers: string[];
  /** Moves every service's clock to `ms` after the real time (CFC_CLOCK_OFFSET_FILE). */
  moveClock(ms: number): void;
  call(path: string, init?: { method?: string; body?: unknown; token?: string; at?: string; headers?: Record<string, string> }): Promise<Answer>;
  enterpriseToken(index: number): Promise<string>;
  logs: string[];
  close(): Promise<void>;
}

const url = (app: ServiceApp) => `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;

export async function startBindingStack(): Promise<BindingStack> {
  const databases: TestDatabase[] = await Promise.all(['identity', 'binding', 'gateway'].map((s) => createTestDatabase(s)));
  const [identityDb, bindingDb, gatewayDb] = databases;
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-binding-'));
  const clockFile = join(dataDir, 'clock-offset');
  writeFileSync(clockFile, '0');
  const brokers = integrationStack().kafkaBrokers;
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  // Own consumer groups (a suffix keeps them under each service's group ACL): other suites (and the
  // launcher's) may run a binding on the same broker. Each service logs in as its own principal.
  const common = { KAFKA_BROKERS: brokers.join(','), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, CFC_CLOCK_OFFSET_FILE: clockFile, KAFKA_GROUP_SUFFIX: uniqueName('t') };
  const apps: ServiceApp[] = [];
  const start = async (definition: Parameters<typeof createServiceApp>[0], env: Record<string, string>, name: 'identity' | 'binding' | 'gateway') => {
    const service = await createServiceApp(definition, { ...common, ...integrationStack().kafkaServiceEnv(name), ...env }, createRootLogger(name, 'debug', sink));
    await service.app.listen(0, '127.0.0.1');
    apps.unshift(service);
    return url(service);
  };
  // demo.json gets the demo providers' own Kafka logins, as under `npm start` (a provider may answer with kcat).
  const demoLogins = integrationStack().demoKafkaCredentialsPath;
  const identity = await start(identityService, { DATABASE_URL: identityDb.url, CFC_DATA_DIR: dataDir, CFC_EMBEDDED: 'true', ...(demoLogins ? { DEMO_KAFKA_CREDENTIALS_PATH: demoLogins } : {}) }, 'identity');
  const binding = await start(bindingService, { DATABASE_URL: bindingDb.url, IDENTITY_URL: identity, BINDING_EXPIRY_SWEEP_SECONDS: '1' }, 'binding');
  const gateway = await start(gatewayService, { DATABASE_URL: gatewayDb.url, IDENTITY_URL: identity, BINDING_URL: binding }, 'gateway');
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoDataSet;

  const call: BindingStack['call'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(`${init.at ?? gateway}${path}`, { method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, body: init.body !== undefined ? JSON.stringify(init.body) : undefined });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Json };
  };
  const sms = (challengeId: string) =>
    readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.challengeId === challengeId).code as string;

  return {
    gateway,
    binding,
    demo,
    dataDir,
    brokers,
    logs,
    call,
    moveClock: (ms) => writeFileSync(clockFile, String(ms)),
    async enterpriseToken(index) {
      const e = demo.enterprises[index];
      const { body } = await call('/v1/subject/login/challenge', { body: { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
      return (await call('/v1/subject/login', { body: { challengeId: body.challengeId, code: sms(body.challengeId) } })).body.access_token as string;
    },
    async close() {
      for (const service of apps) await service.app.close();
      await Promise.all(databases.map((d) => d.drop()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
