import type { EventEnvelope } from '@cfc/contracts';
import { createKafkaClient, type MessageProducer, type MessagingClient, type OutgoingMessage } from '@cfc/platform';
import { createTestDatabase, describeIntegration, integrationStack, uniqueName, type TestDatabase } from '@cfc/testing';
import { Pool } from 'pg';
import { ConsumerRunner } from '../consumer/consumer.runner';
import { envelopeDecoder } from '../consumer/decoders';
import { pgDatabase } from '../sql/pg.database';
import { migrateEventing } from '../store/eventing.migration';
import { PostgresEventStore } from '../store/postgres.event-store';
import { eventually, readTopic } from '../testing/kafka.test-helper';
import { OutboxRelay } from './outbox.relay';

const context = { actor: { kind: 'system' as const, id: 'test' }, subject: '91110000600037341L', correlationId: 'c' };

// A relay process that dies at a chosen moment: before its send reaches the broker, or after the broker
// took the batch but before the checkpoint was stored. Its database session is killed like a dead process's.
function dyingProducer(real: MessageProducer, when: 'before-publish' | 'after-publish', died: () => void): MessageProducer {
  return {
    connect: () => real.connect(),
    disconnect: () => real.disconnect(),
    async send(topic: string, messages: OutgoingMessage[]) {
      if (when === 'after-publish') await real.send(topic, messages);
      died();
      return new Promise<void>(() => undefined); // never returns: the process is gone
    },
  };
}

// Other suites' transactions can hold a batch back for a moment: try until the relay reaches its send.
async function untilDead(relay: OutboxRelay, dead: () => boolean): Promise<void> {
  await eventually('the relay to die', async () => {
    if (!dead()) await Promise.race([relay.publishBatch().catch(() => 0), new Promise((r) => setTimeout(r, 100))]);
    return dead();
  });
}

describeIntegration('relay crash between commit and publish', () => {
  let database: TestDatabase;
  let client: MessagingClient;
  let producer: MessageProducer;
  const pools: Pool[] = [];
  const open = (name: string, dies = false) => {
    const pool = new Pool({ connectionString: database.url, max: 2, application_name: name });
    if (dies) {
      // A dead process's clients report their end here; its pool is abandoned, never ended, like the process.
      pool.on('error', () => undefined);
      pool.on('connect', (client) => client.on('error', () => undefined));
    } else {
      pools.push(pool);
    }
    return pgDatabase(pool);
  };
  const kill = (name: string) =>
    open('killer').query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [name]);

  beforeAll(async () => {
    database = await createTestDatabase('crash');
    client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: 'crash-test' });
    producer = client.producer({ idempotent: true });
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    await database.drop();
  });

  it('a restarted relay publishes what the dead one did not, and the consumer applies each event exactly once', async () => {
    const sql = open('service');
    await migrateEventing(sql);
    await sql.query(`CREATE TABLE effects (event_id uuid NOT NULL, amount integer NOT NULL)`);
    const topic = uniqueName('cfc.test.events');
    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic, partitions: 1 }, { topic: `${topic}.dlq`, partitions: 1 }]);
    await admin.disconnect();
    const store = new PostgresEventStore(sql);

    // 1. Committed, then the relay dies before publishing.
    await store.append('tally-1', 0, [{ type: 'tally.added', data: { amount: 1 } }], context);
    let died = false;
    const first = new OutboxRelay({ db: open('relay-1', true), producer: dyingProducer(producer, 'before-publish', () => (died = true)), topic });
    await untilDead(first, () => died);
    await kill('relay-1');

    // 2. More committed; the next relay publishes both, then dies before storing its position.
    await store.append('tally-1', 1, [{ type: 'tally.added', data: { amount: 2 } }], context);
    died = false;
    const second = new OutboxRelay({ db: open('relay-2', true), producer: dyingProducer(producer, 'after-publish', () => (died = true)), topic });
    await untilDead(second, () => died);
    await kill('relay-2');

    // 3. A healthy restart publishes again from the stored position: at least once. Then one more event,
    //    the end marker: published after the republished ones, so handled after them.
    const third = new OutboxRelay({ db: open('relay-3'), producer, topic });
    let republished = 0;
    await eventually('the restarted relay to publish', async () => (republished += await third.publishBatch()) >= 2);
    expect(republished).toBe(2);
    await store.append('tally-end', 0, [{ type: 'tally.added', data: { amount: 99 } }], context);
    await eventually('the end marker to be published', async () => (await third.publishBatch()) === 1);

    // 4. The consumer sees four deliveries of two events and applies each once.
    const consumer = new ConsumerRunner<EventEnvelope>({
      db: sql, client, groupId: uniqueName('cfc.test.effects'), topics: [topic], deadLetterTopic: `${topic}.dlq`, decode: envelopeDecoder(), fetchMaxWaitMs: 100,
      handle: async (event, tx) => void (await tx.query(`INSERT INTO effects VALUES ($1, $2)`, [event.eventId, (event.data as { amount: number }).amount])),
    });
    await consumer.start();
    try {
      await eventually('the end marker handled', async () => (await sql.query(`SELECT 1 FROM effects WHERE amount = 99`)).rowCount === 1);
    } finally {
      await consumer.stop();
    }
    const effects = await sql.query<{ amount: number; n: string }>(`SELECT amount, count(*) AS n FROM effects GROUP BY amount ORDER BY amount`);
    expect(effects.rows).toEqual([{ amount: 1, n: '1' }, { amount: 2, n: '1' }, { amount: 99, n: '1' }]);
    expect((await sql.query(`SELECT 1 FROM eventing.inbox`)).rowCount).toBe(3);
    const published = await readTopic(client, topic, 5, uniqueName('reader'));
    expect(published.map((m) => JSON.parse(m.value!.toString()).data.amount)).toEqual([1, 2, 1, 2, 99]);
  });
});
