import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CLOCK, createRootLogger, createServiceApp, type Clock, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, integrationStack, ProviderTap, serviceAuthHeaders, TEST_INTERNAL_AUTH_SECRET, uniqueName } from '@cfc/testing';
import { Client } from 'pg';
// Test-only cross-app imports: the real identity, binding and gateway run in-process beside consent.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DemoDataSet } from '../../../identity/src/domain/demo/demo-data';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { identityService } from '../../../identity/src/identity.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { bindingService } from '../../../binding/src/binding.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayService } from '../../../gateway/src/gateway.service';
import { consentService } from '../consent.service';
import { ProviderConfirmedBindings } from './provider-confirmed.bindings';

// TEST SUPPORT ONLY. One consent stack for a suite: real PostgreSQL databases and the run's broker,
// the real identity (demo registry, SMS outbox file, notice consumer), the real binding (its bindings
// confirmed by provider B0001, played with kafkajs), consent (one or more replicas on one database) and
// optionally the gateway. Each service logs in to Kafka as its own principal; the stack's consumer
// groups carry a suffix of their own (other suites run the same services on the broker).

export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  body: any;
}

export interface ConsentTestStack {
  demo: DemoDataSet;
  /** Real bindings: `await binding.bind(uscc)` is an ACTIVE binding id, `binding.end(id)` unbinds. */
  binding: ProviderConfirmedBindings;
  consentUrls: string[];
  gatewayUrl?: string;
  logs: string[];
  /** HTTP call; `token` becomes a bearer token. */
  call(url: string, init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> }): Promise<Reply>;
  /** A call to consent as the gateway would make it for a principal, or as another service (report). */
  internal(path: string, init?: { method?: string; body?: unknown; as?: { kind: 'enterprise' | 'lender' | 'regulator'; id: string }; service?: string; replica?: number }): Promise<Reply>;
  /** Moves every service's clock to real time + offset, and waits until each has seen it. */
  moveClock(offsetMs: number): Promise<void>;
  /** The one-time login code sent for a challenge (SMS outbox). */
  loginCode(challengeId: string): string;
  /** SMS outbox lines of notices about an authorisation. */
  notices(authorizationId: string): Array<{ to: string; text: string; at: string; kind: string; ref: string }>;
  /** Consent's stored events of one authorisation, in order (type, actor). */
  storedEvents(authorizationId: string): Promise<Array<{ type: string; actor: { kind: string; id: string }; data: Record<string, unknown> }>>;
  stop(): Promise<void>;
}

/**
 * How long a suite's beforeAll may take to start the stack: five or six Nest services and their Kafka
 * consumers in one jest process took 20 s alone and more than the 60 s default while the launcher's and
 * the portal's suites ran beside it on the shared 2 cores.
 */
export const STACK_START_TIMEOUT_MS = 180_000;

const url = (app: ServiceApp) => `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;

/** Polls until `check` is truthy (20 s at most), then returns its value. */
export async function eventually<T>(what: string, check: () => Promise<T> | T, timeoutMs = 20_000): Promise<Exclude<T, false | 0 | '' | null | undefined>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | 0 | '' | null | undefined>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function startConsentStack(options: { gateway?: boolean; consentReplicas?: number } = {}): Promise<ConsentTestStack> {
  const databases = await Promise.all(['identity', 'binding', 'consent', 'gateway'].map((s) => createTestDatabase(s)));
  const [identityDb, bindingDb, consentDb, gatewayDb] = databases;
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-consent-'));
  const offsetFile = join(dataDir, 'clock-offset');
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  const stack = integrationStack();
  const common = { KAFKA_BROKERS: stack.kafkaBrokers.join(','), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, CFC_CLOCK_OFFSET_FILE: offsetFile, KAFKA_GROUP_SUFFIX: uniqueName('consent-stack') };
  const apps: ServiceApp[] = [];
  const start = async (definition: Parameters<typeof createServiceApp>[0], env: Record<string, string>, name: 'identity' | 'binding' | 'consent' | 'gateway') => {
    const app = await createServiceApp(definition, { ...common, ...stack.kafkaServiceEnv(name), ...env }, createRootLogger(name, 'debug', sink));
    await app.app.listen(0, '127.0.0.1');
    apps.push(app);
    return app;
  };
  const identity = await start(identityService, { DATABASE_URL: identityDb.url, CFC_DATA_DIR: dataDir, CFC_EMBEDDED: 'true' }, 'identity');
  const bindingUrl = url(await start(bindingService, { DATABASE_URL: bindingDb.url, IDENTITY_URL: url(identity) }, 'binding'));
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoDataSet;
  const tap = new ProviderTap(['B0001']);
  await tap.start();
  const binding = new ProviderConfirmedBindings(bindingUrl, tap, demo.providers.find((p) => p.institutionId === 'B0001')!);
  const consents: ServiceApp[] = [];
  for (let i = 0; i < (options.consentReplicas ?? 1); i++) {
    consents.push(await start(consentService, { DATABASE_URL: consentDb.url, IDENTITY_URL: url(identity), BINDING_URL: bindingUrl, CONSENT_EXPIRY_SWEEP_SECONDS: '1' }, 'consent'));
  }
  const gateway = options.gateway
    ? await start(gatewayService, { DATABASE_URL: gatewayDb.url, IDENTITY_URL: url(identity), CONSENT_URL: url(consents[0]), BINDING_URL: bindingUrl, RATE_LIMIT_TOKEN_BURST: '2000', RATE_LIMIT_TOKEN_PER_SECOND: '1000', RATE_LIMIT_ADDRESS_BURST: '5000', RATE_LIMIT_ADDRESS_PER_SECOND: '2000' }, 'gateway')
    : undefined;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- outbox lines are checked field by field
  const smsLines = (): any[] => {
    try {
      return readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    } catch {
      return [];
    }
  };
  const call: ConsentTestStack['call'] = async (target, init = {}) => {
    const headers: Record<string, string> = { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(target, { method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body) });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, headers: res.headers, body: json && text ? JSON.parse(text) : text || undefined };
  };

  return {
    demo,
    binding,
    consentUrls: consents.map(url),
    gatewayUrl: gateway && url(gateway),
    logs,
    call,
    async internal(path, init = {}) {
      const principal = init.as && { principal: init.as };
      const headers = await serviceAuthHeaders('consent', principal ?? {}, init.service ?? 'gateway');
      return call(`${url(consents[init.replica ?? 0])}${path}`, { method: init.method, body: init.body, headers });
    },
    async moveClock(offsetMs) {
      writeFileSync(offsetFile, String(offsetMs));
      const later = new Date(Date.now() + 10_000 + Math.floor(Math.random() * 10_000));
      utimesSync(offsetFile, later, later); // a distinct mtime even on coarse file systems
      const clocks = apps.map((a) => a.app.get<Clock>(CLOCK));
      await eventually(`every clock at offset ${offsetMs}`, () => clocks.every((c) => Math.abs(c.now().getTime() - Date.now() - offsetMs) < 5_000));
    },
    loginCode(challengeId) {
      return smsLines().find((l) => l.challengeId === challengeId)?.code;
    },
    notices(authorizationId) {
      return smsLines().filter((l) => l.kind === 'AUTHORIZATION_REQUESTED' && l.ref === authorizationId);
    },
    async storedEvents(authorizationId) {
      const client = new Client({ connectionString: consentDb.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT type, metadata->'actor' AS actor, data FROM eventing.events WHERE stream_id = $1 ORDER BY stream_version`, [`authorization-${authorizationId}`]);
        return rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      for (const app of apps.reverse()) await app.app.close();
      await tap.stop();
      await Promise.all(databases.map((d) => d.drop()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
