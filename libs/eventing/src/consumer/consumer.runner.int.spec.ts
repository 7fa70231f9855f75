import { ContractRegistry, defineEvent, Headers, type EventEnvelope } from '@cfc/contracts';
import { createKafkaClient, type MessageProducer, type MessagingClient } from '@cfc/platform';
import { createTestDatabase, describeIntegration, integrationStack, uniqueName, type TestDatabase } from '@cfc/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { pgDatabase } from '../sql/pg.database';
import type { SqlDatabase, SqlExecutor } from '../sql/sql.port';
import { migrateEventing } from '../store/eventing.migration';
import { createTopics, eventually, readTopic } from '../testing/kafka.test-helper';
import { ConsumerRunner } from './consumer.runner';
import { envelopeDecoder } from './decoders';

const envelope = (amount: number, eventId: string = randomUUID(), type = 'tally.added', data: unknown = { amount }): EventEnvelope => ({
  eventId, type, schemaVersion: 1, streamId: `tally-${amount}`, streamVersion: 1,
  actor: { kind: 'system', id: 'test' }, occurredAt: new Date().toISOString(), correlationId: 'c', data: data as Record<string, unknown>,
});
const json = (e: EventEnvelope) => ({ key: 'k', value: JSON.stringify(e) });

// Every test has its own topics, consumer group and effects table: none reads what another wrote.
describeIntegration('consumer runner: inbox, retries, dead letters', () => {
  let database: TestDatabase;
  let pool: Pool;
  let sql: SqlDatabase;
  let client: MessagingClient;
  let producer: MessageProducer;

  interface Fixture {
    topic: string;
    deadLetters: string;
    group: string;
    attempts: Map<number, number>;
    effects(): Promise<number[]>;
    insert(tx: SqlExecutor, amount: number): Promise<void>;
  }
  const fixture = async (partitions = 2): Promise<Fixture> => {
    const table = uniqueName('effects');
    await sql.query(`CREATE TABLE ${table} (amount integer NOT NULL)`);
    const [topic, deadLetters] = await createTopics(client, { topic: uniqueName('cfc.test.events'), partitions }, { topic: uniqueName('cfc.test.dead-letter'), partitions: 1 });
    const attempts = new Map<number, number>();
    return {
      topic, deadLetters, group: uniqueName('cfc.test.effects'), attempts,
      effects: async () => (await sql.query<{ amount: number }>(`SELECT amount FROM ${table} ORDER BY amount`)).rows.map((r) => r.amount),
      insert: async (tx, amount) => {
        attempts.set(amount, (attempts.get(amount) ?? 0) + 1);
        await tx.query(`INSERT INTO ${table} (amount) VALUES ($1)`, [amount]);
      },
    };
  };
  // 13 is unlucky: its handler writes its effect, then fails, so the effect rolls back with it.
  const runner = (f: Fixture, metrics?: MetricsRegistry, decode = envelopeDecoder()) =>
    new ConsumerRunner<EventEnvelope>({
      db: sql, client, groupId: f.group, topics: [f.topic], deadLetterTopic: f.deadLetters, decode, retryDelayMs: 20, metrics, fetchMaxWaitMs: 100,
      async handle(event, tx) {
        const amount = Number((event.data as { amount: number }).amount);
        await f.insert(tx, amount);
        if (amount === 13) throw new Error('thirteen is unlucky');
      },
    });
  const runUntil = async (r: ConsumerRunner<EventEnvelope>, what: string, done: () => Promise<boolean>) => {
    await r.start();
    try {
      await eventually(what, done);
    } finally {
      await r.stop();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase('consumer');
    pool = new Pool({ connectionString: database.url, max: 6 });
    sql = pgDatabase(pool);
    await migrateEventing(sql);
    client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: 'consumer-test' });
    producer = client.producer({ idempotent: true });
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await pool.end();
    await database.drop();
  });

  it('applies a redelivered event once, dead-letters a failing one after its attempts and moves on, and parks poison at once', async () => {
    const f = await fixture();
    const metrics = new MetricsRegistry();
    const twice = envelope(1);
    await producer.send(f.topic, [json(twice), json(twice), json(envelope(13)), { key: 'k', value: '{not json' }, json({ ...envelope(5), actor: 'nobody' } as unknown as EventEnvelope), json(envelope(2))]);
    await runUntil(runner(f, metrics), 'the message after the failures', async () => (await f.effects()).includes(2));
    expect(await f.effects()).toEqual([1, 2]); // one effect of the event delivered twice
    expect(f.attempts.get(13)).toBe(3);
    expect(f.attempts.has(5)).toBe(false);

    const parked = await readTopic(client, f.deadLetters, 3, uniqueName('reader'));
    expect(parked.map((m) => [m.headers[Headers.errorReason], m.headers[Headers.attempts]])).toEqual([
      ['HANDLER_FAILED', '3'], ['INVALID_JSON', '0'], ['CONTRACT_VIOLATION', '0'],
    ]);
    expect(parked[0].headers[Headers.error]).toContain('thirteen is unlucky');
    expect(parked[0].headers[Headers.originalTopic]).toBe(f.topic);
    expect(parked[1].value?.toString()).toBe('{not json');
    expect(metrics.counter('cfc_consumer_messages_total', '').get({ group: f.group, outcome: 'duplicate' })).toBe(1);
  });

  it('hands new messages to handleMany in chunks, once each', async () => {
    const f = await fixture(1);
    const chunkSizes: number[] = [];
    const events = Array.from({ length: 30 }, (_, i) => envelope(100 + i));
    // The five redeliveries come before the end marker (199): once 199 is applied, they have been seen.
    await producer.send(f.topic, [...events, ...events.slice(0, 5), envelope(199)].map(json));
    const r = new ConsumerRunner<EventEnvelope>({
      db: sql, client, groupId: f.group, topics: [f.topic], deadLetterTopic: f.deadLetters, decode: envelopeDecoder(), fetchMaxWaitMs: 100,
      async handleMany(items, tx) {
        chunkSizes.push(items.length);
        for (const item of items) await f.insert(tx, Number((item.value.data as { amount: number }).amount));
      },
    });
    await runUntil(r, 'the end marker', async () => (await f.effects()).includes(199));
    expect(await f.effects()).toEqual([...events.map((_, i) => 100 + i), 199]);
    expect(Math.max(...chunkSizes)).toBeGreaterThan(1);
    expect(() => new ConsumerRunner<EventEnvelope>({ db: sql, client, groupId: 'g', topics: [], deadLetterTopic: 'd', decode: envelopeDecoder() })).toThrow(/exactly one/);
  });

  it('after a restart resumes at its committed offsets; an event seen before has no second effect', async () => {
    const f = await fixture();
    const first = envelope(1);
    await producer.send(f.topic, [json(first), json(envelope(13))]);
    await runUntil(runner(f), 'the first run', async () => (await f.effects()).includes(1) && f.attempts.get(13) === 3);
    // Handler calls so far (a chunk that failed on 13 rolled back and ran 1 again, depending on batching).
    const callsOfFirst = f.attempts.get(1);
    await producer.send(f.topic, [json(first), json(envelope(3))]);
    await runUntil(runner(f), 'the new event', async () => (await f.effects()).includes(3));
    expect(await f.effects()).toEqual([1, 3]);
    expect(f.attempts.get(1)).toBe(callsOfFirst); // the inbox answered for the redelivery: no handler call
    expect(f.attempts.get(13)).toBe(3); // not redelivered: its offset was committed after dead-lettering
  });

  it('dead-letters an envelope whose data breaks its contract, or whose type has none, and handles the valid ones', async () => {
    const f = await fixture(1);
    const contracts = new ContractRegistry([defineEvent<{ amount: number }>()('tally.added', 1, { type: 'object', required: ['amount'], additionalProperties: false, properties: { amount: { type: 'integer' } } })]);
    await producer.send(f.topic, [json(envelope(7)), json(envelope(8, randomUUID(), 'tally.added', { amount: 'eight' })), json(envelope(9, randomUUID(), 'tally.removed')), json(envelope(10))]);
    await runUntil(runner(f, undefined, envelopeDecoder(contracts)), 'the valid event after the violations', async () => (await f.effects()).includes(10));
    expect(await f.effects()).toEqual([7, 10]);
    const parked = await readTopic(client, f.deadLetters, 2, uniqueName('reader'));
    expect(parked.map((m) => m.headers[Headers.errorReason])).toEqual(['CONTRACT_VIOLATION', 'CONTRACT_VIOLATION']);
    expect(parked[0].headers[Headers.error]).toMatch(/tally\.added v1 data/);
    expect(parked[1].headers[Headers.error]).toMatch(/tally\.removed v1: .*no such contract/);
  });

  it('counts a message a twin handled meanwhile as a duplicate: its own effects roll back, nothing is dead-lettered', async () => {
    const f = await fixture(1);
    const metrics = new MetricsRegistry();
    const raced = envelope(21);
    let entered!: () => void;
    const handling = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const twinDone = new Promise<void>((resolve) => (release = resolve));
    const r = new ConsumerRunner<EventEnvelope>({
      db: sql, client, groupId: f.group, topics: [f.topic], deadLetterTopic: f.deadLetters, decode: envelopeDecoder(), metrics, fetchMaxWaitMs: 100,
      async handle(event, tx) {
        const amount = Number((event.data as { amount: number }).amount);
        await f.insert(tx, amount);
        if (event.eventId === raced.eventId) {
          entered();
          await twinDone; // another member (after a rebalance) commits the same message now
        }
      },
    });
    await producer.send(f.topic, [json(raced)]);
    await r.start();
    try {
      await handling;
      await sql.query(`INSERT INTO eventing.inbox (consumer, message_id) VALUES ($1, $2)`, [f.group, raced.eventId]);
      release();
      await producer.send(f.topic, [json(envelope(22))]); // the end marker: handled after the raced one
      await eventually('the end marker', async () => (await f.effects()).includes(22));
    } finally {
      await r.stop();
    }
    expect(await f.effects()).toEqual([22]); // the raced message's effect rolled back with its transaction
    expect(metrics.counter('cfc_consumer_messages_total', '').get({ group: f.group, outcome: 'duplicate' })).toBe(1);
    expect(metrics.counter('cfc_consumer_messages_total', '').get({ group: f.group, outcome: 'dead-lettered' })).toBe(0);
  });
});
