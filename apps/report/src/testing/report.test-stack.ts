import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { contextEventsTopic, type EventEnvelope } from '@cfc/contracts';
import { createRootLogger, createServiceApp, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, integrationStack, TEST_INTERNAL_AUTH_SECRET, uniqueName, type TestDatabase } from '@cfc/testing';
// The real gateway and identity run in-process in front of the report service (test-only cross-app imports).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayService } from '../../../gateway/src/gateway.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { identityService } from '../../../identity/src/identity.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DemoDataSet } from '../../../identity/src/domain/demo/demo-data';
import { reportService } from '../report.service';
import { BindingApiStandIn } from './binding-api.stand-in';
import { ConsentCheckStandIn } from './consent-check.stand-in';

// Test support for the report service's integration suites: the service on the real PostgreSQL and
// broker of the jest stack (SASL: every service logs in as its own principal, the test's clients as the
// run's super user), the stand-ins of binding's and consent's internal APIs, a kafkajs producer for the
// events it consumes and a kafkajs consumer of the events it publishes; with `gateway`, the real gateway
// and identity in front (lender tokens, enterprise logins, messages and declarations; identity asks the
// binding stand-in whether a binding is the enterprise's, and its subject services share the moved clock).

/** IDENTITY_OPERATOR_TOKEN of the identity the stack starts. */
export const STACK_OPERATOR_TOKEN = 'operator-token-of-the-report-test-stack-0123456789';

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

export class ReportTestStack {
  readonly reportEvents: EventEnvelope[] = [];
  private readonly apps: ServiceApp[] = [];
  private readonly databases: TestDatabase[] = [];
  private producer?: Producer;
  private consumer?: Consumer;
  private sqlClient?: Client;
  private dataDir?: string;
  consent!: ConsentCheckStandIn;
  bindings!: BindingApiStandIn;
  reportUrl!: string;
  gatewayUrl?: string;
  identityUrl?: string;
  demo?: DemoDataSet;

  /** Milliseconds the report service's clock (and the consent stand-in's) is moved by (CFC_CLOCK_OFFSET_FILE). */
  clockOffsetMs = 0;

  /** The report service's time: the consent stand-in computes authorised months from the same clock. */
  now(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  /** `at`: run the report service's clock as if it were that instant (so that months are fixed in tests). */
  static async start(options: { gateway?: boolean; at?: string } = {}): Promise<ReportTestStack> {
    const stack = new ReportTestStack();
    try {
      if (options.at) stack.clockOffsetMs = Date.parse(options.at) - Date.now();
      await stack.boot(options.gateway ?? false);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  private async boot(withGateway: boolean): Promise<void> {
    const kafka = integrationStack().kafkaBrokers;
    this.bindings = await BindingApiStandIn.start(TEST_INTERNAL_AUTH_SECRET);
    this.consent = await ConsentCheckStandIn.start(TEST_INTERNAL_AUTH_SECRET, { now: () => this.now(), isBound: (id) => this.bindings.status(id) === 'ACTIVE' });
    const reportDb = await this.database('report');
    this.dataDir = mkdtempSync(join(tmpdir(), 'cfc-report-'));
    const clockFile = join(this.dataDir, 'clock-offset');
    writeFileSync(clockFile, String(this.clockOffsetMs));
    const common = { KAFKA_BROKERS: kafka.join(','), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET };
    const login = (service: 'report' | 'identity' | 'gateway') => integrationStack().kafkaServiceEnv(service);
    const client = new Kafka({ clientId: 'report-test', brokers: kafka, sasl: integrationStack().kafkaSasl, logLevel: logLevel.NOTHING });
    const report = await this.app(reportService, { ...common, ...login('report'), DATABASE_URL: reportDb.url, BINDING_URL: this.bindings.url, CONSENT_URL: this.consent.url, REPORT_CONSUMER_GROUP_SUFFIX: `.${uniqueName('t')}`, CFC_CLOCK_OFFSET_FILE: clockFile });
    this.reportUrl = urlOf(report);
    this.sqlClient = new Client({ connectionString: reportDb.url });
    await this.sqlClient.connect();
    this.producer = client.producer();
    await this.producer.connect();
    this.consumer = client.consumer({ groupId: uniqueName('report-events-reader'), maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [contextEventsTopic('report')], fromBeginning: true });
    await this.consumer.run({ eachMessage: async ({ message }) => void this.reportEvents.push(JSON.parse(message.value!.toString('utf8'))) });
    if (!withGateway) return;
    const identity = await this.app(identityService, {
      ...common, ...login('identity'), DATABASE_URL: (await this.database('identity')).url, CFC_DATA_DIR: this.dataDir, CFC_EMBEDDED: 'true',
      BINDING_URL: this.bindings.url, IDENTITY_OPERATOR_TOKEN: STACK_OPERATOR_TOKEN, CFC_CLOCK_OFFSET_FILE: clockFile, KAFKA_GROUP_SUFFIX: uniqueName('t'),
    });
    this.identityUrl = urlOf(identity);
    this.demo = JSON.parse(readFileSync(join(this.dataDir, 'demo.json'), 'utf8')) as DemoDataSet;
    const gateway = await this.app(gatewayService, { ...common, ...login('gateway'), DATABASE_URL: (await this.database('gateway')).url, IDENTITY_URL: this.identityUrl, REPORT_URL: this.reportUrl });
    this.gatewayUrl = urlOf(gateway);
  }

  private async database(name: string): Promise<TestDatabase> {
    const db = await createTestDatabase(name);
    this.databases.push(db);
    return db;
  }

  private async app(definition: Parameters<typeof createServiceApp>[0], env: NodeJS.ProcessEnv): Promise<ServiceApp> {
    const app = await createServiceApp(definition, env, createRootLogger(definition.name, 'warn', quiet()));
    this.apps.push(app);
    await app.app.listen(0, '127.0.0.1');
    return app;
  }

  /** The one-time code identity's embedded SMS port sent for a login challenge. */
  smsCode(challengeId: string): string {
    const lines = readFileSync(join(this.dataDir!, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { challengeId: string; code: string });
    return lines.find((l) => l.challengeId === challengeId)!.code;
  }

  /** Publishes events onto a topic as the owning service's relay would (keyed by subject), or onto one partition. */
  async publish(topic: string, events: readonly EventEnvelope[], partition?: number): Promise<void> {
    const messages = events.map((e) => ({ key: e.subject ?? null, value: JSON.stringify(e), headers: { 'cfc-event-id': e.eventId, 'cfc-event-type': e.type }, ...(partition === undefined ? {} : { partition }) }));
    await this.producer!.send({ topic, messages });
  }

  async sql<Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.sqlClient!.query(text, params)).rows as Row[];
  }

  /** Resolves once the report service's consumers handled the event (its inbox row is written with its effects). */
  handled(eventId: string): Promise<unknown> {
    return eventually(`event ${eventId} handled by the report service`, async () => (await this.sql(`SELECT 1 FROM eventing.inbox WHERE message_id = $1`, [eventId])).length > 0);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    await this.sqlClient?.end().catch(() => undefined);
    for (const app of [...this.apps].reverse()) await app.app.close();
    await this.consent?.stop();
    await this.bindings?.stop();
    await Promise.all(this.databases.map((d) => d.drop()));
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
