import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { contextEventsTopic, type EventEnvelope } from '@cfc/contracts';
import { createRootLogger, createServiceApp, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, integrationStack, serviceAuthHeaders, TEST_INTERNAL_AUTH_SECRET, uniqueName, type TestDatabase } from '@cfc/testing';
// The real gateway in front, and the binding stand-in of the report's suites behind (test-only cross-app imports).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayService } from '../../../gateway/src/gateway.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { BindingApiStandIn } from '../../../report/src/testing/binding-api.stand-in';
import type { DemoDataSet } from '../domain/demo/demo-data';
import { identityService } from '../identity.service';

// Test support for the subject services' suite: identity and the gateway as in-process apps on the run's
// PostgreSQL and broker (each logged in to Kafka as its own principal), binding's internal API played by
// the stand-in, a clock file every service reads, and a kafkajs reader of cfc.identity.events.v1.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
export type Json = Record<string, any>;
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

export const OPERATOR_TOKEN = 'operator-token-of-the-subject-services-suite-0123456789';
const quiet = () => new Writable({ write: (_chunk, _enc, done) => done() });
const urlOf = (app: ServiceApp) => `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;

export async function eventually<T>(what: string, check: () => Promise<T> | T, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class SubjectServicesStack {
  readonly identityEvents: EventEnvelope[] = [];
  bindings!: BindingApiStandIn;
  gateway!: string;
  identity!: string;
  demo!: DemoDataSet;
  private readonly apps: ServiceApp[] = [];
  private readonly databases: TestDatabase[] = [];
  private consumer?: Consumer;
  private dataDir?: string;

  /** `at`: the subject services' clock reads that instant (CFC_CLOCK_OFFSET_FILE). */
  static async start(at: string): Promise<SubjectServicesStack> {
    const stack = new SubjectServicesStack();
    try {
      await stack.boot(Date.parse(at) - Date.now());
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  private async boot(offsetMs: number): Promise<void> {
    this.bindings = await BindingApiStandIn.start(TEST_INTERNAL_AUTH_SECRET);
    this.dataDir = mkdtempSync(join(tmpdir(), 'cfc-subject-'));
    const clockFile = join(this.dataDir, 'clock-offset');
    writeFileSync(clockFile, String(offsetMs));
    const [identityDb, gatewayDb] = await Promise.all(['identity', 'gateway'].map((s) => createTestDatabase(s)));
    this.databases.push(identityDb, gatewayDb);
    const stack = integrationStack();
    const common = { KAFKA_BROKERS: stack.kafkaBrokers.join(','), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, CFC_CLOCK_OFFSET_FILE: clockFile };
    const identity = await this.app(identityService, {
      ...common, ...stack.kafkaServiceEnv('identity'), DATABASE_URL: identityDb.url, CFC_DATA_DIR: this.dataDir, CFC_EMBEDDED: 'true',
      BINDING_URL: this.bindings.url, IDENTITY_OPERATOR_TOKEN: OPERATOR_TOKEN, KAFKA_GROUP_SUFFIX: uniqueName('t'),
    });
    this.identity = urlOf(identity);
    this.demo = JSON.parse(readFileSync(join(this.dataDir, 'demo.json'), 'utf8')) as DemoDataSet;
    this.gateway = urlOf(await this.app(gatewayService, { ...common, ...stack.kafkaServiceEnv('gateway'), DATABASE_URL: gatewayDb.url, IDENTITY_URL: this.identity }));
    const kafka = new Kafka({ clientId: 'subject-services-test', brokers: stack.kafkaBrokers, sasl: stack.kafkaSasl, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: uniqueName('identity-events-reader'), maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [contextEventsTopic('identity')], fromBeginning: true });
    await this.consumer.run({ eachMessage: async ({ message }) => void this.identityEvents.push(JSON.parse(message.value!.toString('utf8'))) });
  }

  private async app(definition: Parameters<typeof createServiceApp>[0], env: NodeJS.ProcessEnv): Promise<ServiceApp> {
    const app = await createServiceApp(definition, env, createRootLogger(definition.name, 'warn', quiet()));
    this.apps.push(app);
    await app.app.listen(0, '127.0.0.1');
    return app;
  }

  /** A request to `base` (the gateway by default): `body` as JSON, or `raw` bytes sent as they are. */
  async call(path: string, init: { method?: string; body?: unknown; raw?: string; token?: string; headers?: Record<string, string>; base?: string } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const payload = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${init.base ?? this.gateway}${path}`, { method: init.method ?? (payload === undefined ? 'GET' : 'POST'), headers, body: payload });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && text ? (JSON.parse(text) as Json) : {};
    return { status: res.status, headers: res.headers, text, body: json };
  }

  /** The operator's routes on identity itself (not routed by the gateway), with the operator token unless told otherwise. */
  operator(path: string, init: { method?: string; body?: unknown; authorization?: string | null } = {}): Promise<Answer> {
    const authorization = init.authorization === undefined ? `Bearer ${OPERATOR_TOKEN}` : init.authorization;
    return this.call(path, { ...init, base: this.identity, headers: authorization === null ? {} : { authorization } });
  }

  /** A call straight to identity as the gateway would make it for enterprise `uscc`. */
  async asEnterprise(uscc: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Answer> {
    return this.call(path, { ...init, base: this.identity, headers: await serviceAuthHeaders('identity', { principal: { kind: 'enterprise', id: uscc } }) });
  }

  /** Logs demo enterprise `index` in through the gateway (code from the embedded SMS outbox). */
  async enterpriseToken(index: number): Promise<string> {
    const e = this.demo.enterprises[index];
    const challenge = await this.call('/v1/subject/login/challenge', { body: { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
    const lines = readFileSync(join(this.dataDir!, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { challengeId?: string; code?: string });
    const code = lines.find((l) => l.challengeId === challenge.body.challengeId)!.code;
    const login = await this.call('/v1/subject/login', { body: { challengeId: challenge.body.challengeId, code } });
    return login.body.access_token as string;
  }

  /** The identity event of `type` whose data names `id` (messageId or declarationId), once the relay published it. */
  published(type: string, id: string): Promise<EventEnvelope> {
    return eventually(`${type} ${id} on cfc.identity.events.v1`, () =>
      this.identityEvents.find((e) => e.type === type && [(e.data as Json).messageId, (e.data as Json).declarationId].includes(id)),
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    for (const app of [...this.apps].reverse()) await app.app.close();
    await this.bindings?.stop();
    await Promise.all(this.databases.map((d) => d.drop()));
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
