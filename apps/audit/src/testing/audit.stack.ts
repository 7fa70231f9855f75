import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { contextEventsTopic, Headers, type BoundedContext, type EventEnvelope, type OnBehalfOf } from '@cfc/contracts';
import { createKafkaClient, createRootLogger, createServiceApp, type IncomingMessage, type MessagingClient, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, integrationStack, serviceAuthHeaders, TEST_INTERNAL_AUTH_SECRET, uniqueName, type TestDatabase } from '@cfc/testing';
import { auditService } from '../audit.service';
import { AUDIT_RUNTIME, type AuditRuntime } from '../audit.runtime';
import { auditTopics, type AuditTopics } from '../audit.topics';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type Json = Record<string, any>;

/** The audit service as an in-process app on the run's PostgreSQL and broker, in a Kafka namespace of its own. */
export interface AuditStack {
  app: ServiceApp;
  url: string;
  db: TestDatabase;
  runtime: AuditRuntime;
  topics: AuditTopics;
  namespace: string;
  dataDir: string;
  kafka: MessagingClient;
  logs: string[];
  /** Publishes envelopes on a context's event topic as its outbox relay would (keyed by subject). */
  publish(context: BoundedContext, envelopes: EventEnvelope[]): Promise<void>;
  /** Publishes one event at a time, each once the previous one is logged: a journey, whose steps follow each other. */
  publishInOrder(steps: ReadonlyArray<readonly [BoundedContext, EventEnvelope]>): Promise<void>;
  /** Publishes raw values (bad input). */
  publishRaw(context: BoundedContext, values: string[]): Promise<void>;
  call(path: string, principal?: OnBehalfOf, headers?: Record<string, string>): Promise<{ status: number; headers: globalThis.Headers; text: string; body: Json }>;
  /** Every value on a topic from offset 0, once at least `count` are there. */
  read(topic: string, count: number): Promise<IncomingMessage[]>;
  /** Waits until the log's latest checkpoint covers `size` entries and both are on the topics. */
  untilPublished(size: number): Promise<void>;
  stop(): Promise<void>;
}

export async function eventually<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function startAuditStack(env: Record<string, string> = {}, reuse?: { db: TestDatabase; namespace: string; dataDir: string }): Promise<AuditStack> {
  const db = reuse?.db ?? (await createTestDatabase('audit'));
  const namespace = reuse?.namespace ?? uniqueName('a').replace(/_/g, '-');
  const dataDir = reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'cfc-audit-'));
  const { kafkaBrokers: brokers, kafkaSasl, kafkaServiceEnv } = integrationStack();
  // The suite plays the contexts' relays (and reads the topics) as the run's super user; the service logs
  // in as cfc-audit, under its own ACLs (namespaced copies of its topics: kafka-permissions.ts).
  const kafka = createKafkaClient({ brokers, clientId: uniqueName('audit-test'), sasl: kafkaSasl });
  const topics = auditTopics(namespace);
  const admin = kafka.admin();
  await admin.connect();
  await admin.ensureTopics(topics.sources.map((topic) => ({ topic, partitions: 3 })));
  await admin.disconnect();
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  const app = await createServiceApp(
    auditService,
    {
      DATABASE_URL: db.url, KAFKA_BROKERS: brokers.join(','), ...kafkaServiceEnv('audit'), PORT: '0', INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
      CFC_DATA_DIR: dataDir, AUDIT_KAFKA_NAMESPACE: namespace, AUDIT_CHECKPOINT_INTERVAL_MS: '200', LOG_LEVEL: 'info', ...env,
    },
    createRootLogger('audit', 'info', sink),
  );
  await app.app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;
  const runtime = app.app.get<AuditRuntime>(AUDIT_RUNTIME);
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const topicOf = (context: BoundedContext) => topics.sources.find((t) => t.startsWith(`${contextEventsTopic(context)}.`))!;
  const publish = (context: BoundedContext, envelopes: EventEnvelope[]) =>
    producer.send(topicOf(context), envelopes.map((e) => ({ key: e.subject ?? e.streamId, value: JSON.stringify(e), headers: { [Headers.eventId]: e.eventId, [Headers.eventType]: e.type, [Headers.schemaVersion]: String(e.schemaVersion), [Headers.correlationId]: e.correlationId } })));
  return {
    app, url, db, runtime, topics, namespace, dataDir, kafka, logs, publish,
    async publishInOrder(steps) {
      for (const [context, event] of steps) {
        await publish(context, [event]);
        await eventually(`${event.type} logged`, async () => (await runtime.db.query(`SELECT 1 FROM audit.entries WHERE source_event_id = $1`, [event.eventId])).rowCount === 1);
      }
    },
    publishRaw: (context, values) => producer.send(topicOf(context), values.map((value) => ({ key: 'raw', value }))),
    async call(path, principal, headers = {}) {
      const res = await fetch(`${url}${path}`, { headers: { ...(await serviceAuthHeaders('audit', principal ? { principal } : {})), ...headers } });
      const text = await res.text();
      let body: Json = {};
      try {
        body = JSON.parse(text) as Json;
      } catch {
        body = { text };
      }
      return { status: res.status, headers: res.headers, text, body };
    },
    read: (topic, count) => readAll(kafka, topic, count),
    async untilPublished(size) {
      await eventually(`checkpoint of ${size} published`, async () => {
        const { rows } = await runtime.db.query<{ n: string }>(`SELECT coalesce(max(tree_size), 0) AS n FROM audit.checkpoints`);
        return Number(rows[0].n) >= size && runtime.publisher.published.entries >= size && runtime.publisher.published.checkpoints > 0 && (await checkpointsOnTopicCover(runtime, size));
      });
    },
    async stop() {
      await producer.disconnect();
      await app.app.close();
      if (!reuse) {
        await db.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function checkpointsOnTopicCover(runtime: AuditRuntime, size: number): Promise<boolean> {
  const { rows } = await runtime.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit.checkpoints WHERE tree_size < $1`, [size]);
  return runtime.publisher.published.checkpoints > Number(rows[0].n);
}

/** Reads a topic from offset 0 with a throwaway group until `count` values came. */
export async function readAll(kafka: MessagingClient, topic: string, count: number): Promise<IncomingMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('audit-reader'), maxWaitMs: 50 });
  const seen: IncomingMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe([topic], { fromBeginning: true });
    await consumer.run({ eachMessage: async (m) => void seen.push(m) });
    await eventually(`${count} values on ${topic} (have ${seen.length})`, () => seen.length >= count);
    return [...seen];
  } finally {
    await consumer.stop();
    await consumer.disconnect();
  }
}
