import { Headers, type EventEnvelope } from '@cfc/contracts';
import { createKafkaClient, type MessageProducer, type MessagingClient } from '@cfc/platform';
import { createTestDatabase, describeIntegration, integrationStack, uniqueName, type TestDatabase } from '@cfc/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { pgDatabase } from '../sql/pg.database';
import type { SqlDatabase } from '../sql/sql.port';
import { migrateEventing } from '../store/eventing.migration';
import { createTopics, eventually, readTopic } from '../testing/kafka.test-helper';
import { ConsumerRunner } from './consumer.runner';
import { envelopeDecoder } from './decoders';

const envelope = (amount: number, eventId: string = randomUUID()): EventEnvelope => ({
  eventId, type: 'tally.added', schemaVersion: 1, streamId: `tally-${amount}`, streamVersion: 1,
  actor: { kind: 'system', id: 'test' }, occurredAt: new Date().toISOString(), correlationId: 'c', data: { amount },
});

describeIntegration('consumer runner: inbox, retries, dead letters', () => {
  let database: TestDatabase;
  let pool: Pool;
  let sql: SqlDatabase;
  let client: MessagingClient;
  let producer: MessageProducer;
  let topic: string;
  let deadLetters: string;
  const attempts = new Map<number, number>();
  const effects = async () => (await sql.query<{ amount: number }>(`SELECT amount FROM effects ORDER BY amount`)).rows.map((r) => r.amount);

  const runner = (metrics?: MetricsRegistry, groupId = 'cfc.test.effects') =>
    new ConsumerRunner<EventEnvelope>({
      db: sql, client, groupId, topics: [topic], deadLetterTopic: deadLetters, decode: envelopeDecoder(), retryDelayMs: 20, metrics,
      async handle(event, tx) {
        const amount = Number((event.data as { amount: number }).amount);
        attempts.set(amount, (attempts.get(amount) ?? 0) + 1);
        await tx.query(`INSERT INTO effects (amount) VALUES ($1)`, [amount]); // an effect, then maybe a failure: both roll back
        if (amount === 13) throw new Error('thirteen is unlucky');
      },
    });

  beforeAll(async () => {
    database = await createTestDatabase('consumer');
    pool = new Pool({ connectionString: database.url, max: 4 });
    sql = pgDatabase(pool);
    await migrateEventing(sql);
    await sql.query(`CREATE TABLE effects (amount integer NOT NULL)`);
    client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: 'consumer-test' });
    [topic, deadLetters] = await createTopics(client, { topic: uniqueName('cfc.test.events'), partitions: 2 }, { topic: uniqueName('cfc.test.dead-letter'), partitions: 1 });
    producer = client.producer({ idempotent: true });
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await pool.end();
    await database.drop();
  });

  it('applies a redelivered event once, dead-letters a failing one after its attempts and moves on, and parks poison at once', async () => {
    const metrics = new MetricsRegistry();
    const twice = envelope(1);
    await producer.send(topic, [
      { key: 'k', value: JSON.stringify(twice) },
      { key: 'k', value: JSON.stringify(twice) },
      { key: 'k', value: JSON.stringify(envelope(13)) },
      { key: 'k', value: '{not json' },
      { key: 'k', value: JSON.stringify({ ...envelope(5), actor: 'nobody' }) },
      { key: 'k', value: JSON.stringify(envelope(2)) },
    ]);
    const r = runner(metrics);
    await r.start();
    try {
      await eventually('the message after the failures', async () => (await effects()).includes(2));
    } finally {
      await r.stop();
    }
    expect(await effects()).toEqual([1, 2]);
    expect(attempts.get(1)).toBe(1);
    expect(attempts.get(13)).toBe(3);
    expect(attempts.has(5)).toBe(false);

    const parked = await readTopic(client, deadLetters, 3, uniqueName('reader'));
    expect(parked.map((m) => [m.headers[Headers.errorReason], m.headers[Headers.attempts]])).toEqual([
      ['HANDLER_FAILED', '3'], ['INVALID_JSON', '0'], ['CONTRACT_VIOLATION', '0'],
    ]);
    expect(parked[0].headers[Headers.error]).toContain('thirteen is unlucky');
    expect(parked[0].headers[Headers.originalTopic]).toBe(topic);
    expect(parked[1].value?.toString()).toBe('{not json');
    expect(metrics.counter('cfc_consumer_messages_total', '').get({ group: 'cfc.test.effects', outcome: 'duplicate' })).toBe(1);
  });

  it('hands new messages to handleMany in chunks, once each', async () => {
    const chunkSizes: number[] = [];
    const batchTopic = uniqueName('cfc.test.events');
    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic: batchTopic, partitions: 1 }]);
    await admin.disconnect();
    const events = Array.from({ length: 30 }, (_, i) => envelope(100 + i));
    await producer.send(batchTopic, [...events, ...events.slice(0, 5)].map((e) => ({ key: 'k', value: JSON.stringify(e) })));
    const r = new ConsumerRunner<EventEnvelope>({
      db: sql, client, groupId: 'cfc.test.bulk', topics: [batchTopic], deadLetterTopic: deadLetters, decode: envelopeDecoder(),
      async handleMany(items, tx) {
        chunkSizes.push(items.length);
        await tx.query(`INSERT INTO effects (amount) SELECT unnest($1::int[])`, [items.map((i) => Number((i.value.data as { amount: number }).amount))]);
      },
    });
    await r.start();
    try {
      await eventually('all 30 effects', async () => (await effects()).filter((a) => a >= 100).length >= 30);
      await new Promise((res) => setTimeout(res, 300));
    } finally {
      await r.stop();
    }
    expect((await effects()).filter((a) => a >= 100)).toEqual(events.map((_, i) => 100 + i));
    expect(Math.max(...chunkSizes)).toBeGreaterThan(1);
    expect(() => new ConsumerRunner<EventEnvelope>({ db: sql, client, groupId: 'g', topics: [], deadLetterTopic: 'd', decode: envelopeDecoder() })).toThrow(/exactly one/);
  });

  it('after a restart resumes at its committed offsets; an event seen before has no second effect', async () => {
    const again = envelope(1, (await sql.query<{ message_id: string }>(`SELECT message_id FROM eventing.inbox WHERE consumer = 'cfc.test.effects' LIMIT 1`)).rows[0].message_id);
    await producer.send(topic, [{ key: 'k', value: JSON.stringify(again) }, { key: 'k', value: JSON.stringify(envelope(3)) }]);
    const r = runner();
    await r.start();
    try {
      await eventually('the new event', async () => (await effects()).includes(3));
    } finally {
      await r.stop();
    }
    expect((await effects()).filter((a) => a < 100)).toEqual([1, 2, 3]);
    expect(attempts.get(13)).toBe(3); // not redelivered: its offset was committed after dead-lettering
  });
});
