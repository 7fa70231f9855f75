import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Headers } from '@cfc/contracts';
import { createRootLogger, createServiceApp, defineConfig, MESSAGING_CLIENT, platformVariables, type MessageProducer, type MessagingClient, type ServiceApp, type ServiceDefinition } from '@cfc/platform';
import { createTestDatabase, describeIntegration, integrationStack, kafkaSuperUserEnv, TEST_INTERNAL_AUTH_SECRET, uniqueName, type TestDatabase } from '@cfc/testing';
import { Writable } from 'node:stream';
import type { SqlDatabase } from '../../sql/sql.port';
import { typeormDatabase, type DataSourceLike } from '../../sql/typeorm.database';
import { migrateEventing } from '../../store/eventing.migration';
import { createTopics, eventually, readTopic } from '../../testing/kafka.test-helper';
import { PoisonMessageError } from '../decoders';
import { ConsumerContext } from './consumer.context';
import { ConsumerTransport } from './consumer.transport';
import { jsonTypeRouter } from './message.routers';

const TALLY_TRANSPORT = Symbol('tally transport');
const TALLY_DB = Symbol('tally db');
const attempts = new Map<number, number>();

// A consumer as a service writes one: decorated methods, effects through the context's transaction.
@Controller()
class TallyConsumer {
  @EventPattern('tally.added', TALLY_TRANSPORT)
  async added(@Payload() value: { amount: number }, @Ctx() ctx: ConsumerContext): Promise<void> {
    attempts.set(value.amount, (attempts.get(value.amount) ?? 0) + 1);
    await ctx.tx.query(`INSERT INTO effects (amount, source_offset) VALUES ($1, $2)`, [value.amount, ctx.message.offset]);
    if (value.amount === 13) throw new PoisonMessageError('UNLUCKY_NUMBER', 'thirteen is never accepted');
    if (value.amount === 7 && attempts.get(7) === 1) throw new Error('a transient failure');
  }
}

describeIntegration('ConsumerTransport: @EventPattern handlers over ConsumerRunner', () => {
  let database: TestDatabase;
  let client: MessagingClient;
  let producer: MessageProducer;
  let service: ServiceApp;
  let topic: string;
  let deadLetters: string;
  let db: SqlDatabase;
  const groupId = uniqueName('cfc.test.tally');
  const effects = async () => (await db.query<{ amount: number }>(`SELECT amount FROM effects ORDER BY amount`)).rows.map((r) => r.amount);

  beforeAll(async () => {
    database = await createTestDatabase('transport');
    const brokers = integrationStack().kafkaBrokers;
    topic = uniqueName('cfc.test.inbound');
    deadLetters = uniqueName('cfc.test.dead-letter');

    @Module({
      controllers: [TallyConsumer],
      providers: [
        {
          provide: TALLY_DB,
          inject: [getDataSourceToken()],
          useFactory: async (dataSource: DataSourceLike) => {
            const sql = typeormDatabase(dataSource);
            await migrateEventing(sql);
            await sql.query(`CREATE TABLE IF NOT EXISTS effects (amount integer NOT NULL, source_offset text NOT NULL)`);
            return sql;
          },
        },
        {
          provide: TALLY_TRANSPORT,
          inject: [TALLY_DB, MESSAGING_CLIENT],
          useFactory: (sql: SqlDatabase, messaging: MessagingClient) =>
            new ConsumerTransport({
              db: sql, client: messaging, groupId, topics: [topic], deadLetterTopic: deadLetters, transportId: TALLY_TRANSPORT, retryDelayMs: 20,
              ensureTopics: [{ topic, partitions: 1 }, { topic: deadLetters, partitions: 1 }],
              router: jsonTypeRouter((value) => String(value.id)),
            }),
        },
      ],
    })
    class TallyModule {}

    const definition: ServiceDefinition = { name: 'tally', schema: defineConfig({ ...platformVariables(0) }), imports: [TallyModule], transports: [TALLY_TRANSPORT] };
    const quiet = createRootLogger('tally', 'warn', new Writable({ write: (_c, _e, done) => done() }));
    // A test-only service has no principal of its own: it logs in as the run's super user.
    service = await createServiceApp(definition, { DATABASE_URL: database.url, KAFKA_BROKERS: brokers.join(','), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, ...kafkaSuperUserEnv() }, quiet);
    db = service.app.get<SqlDatabase>(TALLY_DB, { strict: false });
    client = service.app.get<MessagingClient>(MESSAGING_CLIENT, { strict: false });
    await createTopics(client, { topic, partitions: 1 }, { topic: deadLetters, partitions: 1 });
    producer = client.producer({ idempotent: true });
    await producer.connect();
    await service.app.init();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.app.close();
    await database?.drop();
  });

  it('runs each message through its pattern handler once, skips what no handler takes, retries a transient failure, dead-letters poison at once', async () => {
    const send = (value: unknown) => ({ key: 'k', value: typeof value === 'string' ? value : JSON.stringify(value) });
    await producer.send(topic, [
      send({ type: 'tally.added', id: 'a', amount: 1 }),
      send({ type: 'tally.added', id: 'a', amount: 1 }), // redelivered: same id
      send({ type: 'tally.removed', id: 'b', amount: 2 }), // nobody's pattern here
      send('not json at all'),
      send({ type: 'tally.added', id: 'c', amount: 13 }),
      send({ type: 'tally.added', id: 'd', amount: 7 }),
      send({ type: 'tally.added', id: 'e', amount: 99 }), // the end marker
    ]);
    await eventually('the last message handled', async () => (await effects()).includes(99));

    expect(await effects()).toEqual([1, 7, 99]); // 13's insert rolled back with its failure
    // (A failure in a chunk replays that chunk message by message, so a handler may run again after a rollback.)
    expect(attempts.get(7)).toBeGreaterThanOrEqual(2);
    expect(attempts.get(13)).toBeLessThan(3); // poison is not retried (a plain failure is tried maxAttempts = 3 times)
    const inbox = await db.query<{ message_id: string }>(`SELECT message_id FROM eventing.inbox WHERE consumer = $1 ORDER BY message_id`, [groupId]);
    expect(inbox.rows.map((r) => r.message_id)).toEqual(['a', 'd', 'e']); // the group name as given, no suffix; skipped ones leave no row

    const parked = await readTopic(client, deadLetters, 1, uniqueName('reader'));
    expect(parked).toHaveLength(1);
    expect(parked[0].headers[Headers.errorReason]).toBe('UNLUCKY_NUMBER');
    expect(parked[0].headers[Headers.consumerGroup]).toBe(groupId);
    expect(JSON.parse(parked[0].value!.toString())).toEqual({ type: 'tally.added', id: 'c', amount: 13 });
  });

  it('lists the patterns it handles (the transport filter of @EventPattern kept them to this transport)', () => {
    const transport = service.app.get<ConsumerTransport>(TALLY_TRANSPORT, { strict: false });
    expect(transport.patterns()).toEqual(['tally.added']);
  });
});
