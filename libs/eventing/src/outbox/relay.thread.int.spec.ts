import { createKafkaClient, type MessagingClient } from '@cfc/platform';
import { createTestDatabase, describeIntegration, freePort, integrationStack, uniqueName, type TestDatabase } from '@cfc/testing';
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { Pool } from 'pg';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { pgDatabase } from '../sql/pg.database';
import type { SqlDatabase } from '../sql/sql.port';
import { migrateEventing } from '../store/eventing.migration';
import { PostgresEventStore } from '../store/postgres.event-store';
import { eventually, newEventTopic, readTopic } from '../testing/kafka.test-helper';
import { OutboxRelay } from './outbox.relay';
import { RelayThread } from './relay.thread';

const context = { actor: { kind: 'system' as const, id: 'test' }, subject: '91110000600037341L', correlationId: 'c' };
const added = (amount: number) => ({ type: 'tally.added', data: { amount } });

describeIntegration('outbox relay on its own thread', () => {
  let database: TestDatabase;
  let pool: Pool;
  let sql: SqlDatabase;
  let store: PostgresEventStore;
  let client: MessagingClient;

  beforeAll(async () => {
    database = await createTestDatabase('relay-thread');
    pool = new Pool({ connectionString: database.url, max: 4 });
    sql = pgDatabase(pool);
    await migrateEventing(sql);
    store = new PostgresEventStore(sql);
    client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: 'relay-thread-test' });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('publishes committed events, reports metrics and logs to the parent, and stores its checkpoint on stop', async () => {
    const topic = await newEventTopic(client, uniqueName('cfc.test.events'));
    const metrics = new MetricsRegistry();
    const lines: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, warn: (_: object, m?: string) => void lines.push(m ?? ''), error: (_: object, m?: string) => void lines.push(m ?? '') };
    for (let i = 0; i < 3; i++) await store.append(`thread-${i}`, 0, [added(i)], context);
    const thread = await RelayThread.start({ databaseUrl: database.url, brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, topic, idleMs: 5, metrics, logger });
    try {
      const messages = await readTopic(client, topic, 3, uniqueName('reader'));
      expect(messages.map((m) => JSON.parse(m.value!.toString()).data.amount)).toEqual([0, 1, 2]);
      await eventually('metrics from the thread', () => metrics.counter('cfc_outbox_relay_published_total', '').get({ topic }) === 3);
      if (process.platform === 'linux') {
        // Lower priority than the process: the service's commands win the cores under pressure.
        const stat = readFileSync(`/proc/${process.pid}/task/${thread.threadId}/stat`, 'utf8');
        const niceness = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        expect(niceness).toBe(10);
      }
      expect(metrics.counter('cfc_outbox_relay_batches_total', '').get({ topic })).toBeGreaterThanOrEqual(1);
    } finally {
      await thread.stop();
    }
    expect(await new OutboxRelay({ db: sql, producer: client.producer(), topic }).publishBatch()).toBe(0); // nothing left behind
    expect(lines).toEqual([]);
  });

  it('starts the thread again when it dies, and goes on publishing', async () => {
    const topic = await newEventTopic(client, uniqueName('cfc.test.events'));
    const errors: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (_: object, m?: string) => void errors.push(m ?? '') };
    const thread = await RelayThread.start({ databaseUrl: database.url, brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, topic, idleMs: 5, logger });
    try {
      const before = Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM eventing.events`)).rows[0].n);
      await readTopic(client, topic, before, uniqueName('reader'));
      await (thread as unknown as { worker: Worker }).worker.terminate(); // as if it crashed
      await store.append('after-crash', 0, [added(42)], context);
      // The dead thread's last checkpoint may not have been stored: some events may come twice (at least once).
      const streams = await eventually('the event written after the crash', async () => {
        const seen: string[] = (await readTopic(client, topic, before + 1, uniqueName('reader'))).map((m) => JSON.parse(m.value!.toString()).streamId);
        return seen.includes('after-crash') ? seen : undefined;
      });
      expect(streams!.filter((s) => s === 'after-crash')).toHaveLength(1);
      expect(errors).toContain('relay thread exited; starting it again');
    } finally {
      await thread.stop();
    }
  });

  it('fails to start with a message naming the topic when Kafka cannot be reached', async () => {
    const port = await freePort();
    await expect(RelayThread.start({ databaseUrl: database.url, brokers: [`127.0.0.1:${port}`], topic: 'cfc.test.unreachable' })).rejects.toThrow(
      /relay thread for cfc\.test\.unreachable failed to start/,
    );
  }, 30_000);
});
