import { consumerGroup, contextEventsTopic, deadLetterTopic, type EventEnvelope } from '@cfc/contracts';
import { CommandHandler, ConsumerRunner, envelopeDecoder, migrateEventing, OutboxRelay, pgDatabase, PostgresEventStore } from '@cfc/eventing';
import { createKafkaClient } from '@cfc/platform';
import { Pool } from 'pg';
import { accountDecider } from './bench.decider';
import { startBenchStack } from './bench.stack';
import { percentile } from './percentile';
import { runPacedWriters, runWriters } from './writers';

// npm run bench -- eventing [--seconds 8] [--pg-flag synchronous_commit=off ...]: event-store appends with
// 8 writers while the outbox relay publishes to the embedded broker and an idempotent consumer applies
// them; relay lag at a steady 1,000 events/s; and plain INSERTs on the same PostgreSQL as the baseline.
const log = (s: string) => process.stdout.write(`${s}\n`);
const WRITERS = 8;
const arg = (name: string) => process.argv.flatMap((a, i) => (a === name ? [process.argv[i + 1]] : []));
const seconds = Number(arg('--seconds')[0] ?? 8);
const context = { actor: { kind: 'system' as const, id: 'bench' }, correlationId: 'bench' };

async function main(): Promise<void> {
  const flags = arg('--pg-flag').flatMap((f) => ['-c', f]);
  const stack = await startBenchStack(flags);
  log(`embedded PostgreSQL and broker ${stack.brokers[0]} up; PostgreSQL flags: ${flags.join(' ') || '(defaults, fsync on)'}`);
  const writePool = new Pool({ connectionString: stack.databaseUrl, max: WRITERS });
  const sidePool = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  const client = createKafkaClient({ brokers: stack.brokers, clientId: 'bench-eventing' });
  const producer = client.producer({ idempotent: true });
  let relay: OutboxRelay | undefined;
  let consumer: ConsumerRunner<EventEnvelope> | undefined;
  try {
    const db = pgDatabase(writePool);
    await migrateEventing(db);
    await db.query(`CREATE TABLE baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL)`);
    await db.query(`CREATE TABLE consumed (event_id uuid PRIMARY KEY)`);

    log(`baseline: plain single-row INSERT transactions, ${WRITERS} writers, ${seconds} s`);
    const b0 = Date.now();
    const inserts = await runWriters(WRITERS, b0 + seconds * 1000, async (w, n) => void (await db.query(`INSERT INTO baseline (payload) VALUES ($1)`, [{ w, n, amount: 1 }])));
    const baselineInsertsPerSec = Math.round(inserts / ((Date.now() - b0) / 1000));
    log(`  ${inserts} inserts, ${baselineInsertsPerSec}/s`);

    const topic = contextEventsTopic('consent');
    const dlq = deadLetterTopic('audit');
    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic, partitions: 1 }, { topic: dlq, partitions: 1 }]);
    await admin.disconnect();
    await producer.connect();
    const side = pgDatabase(sidePool);
    relay = new OutboxRelay({ db: side, producer, topic, idleMs: 5, batchSize: 1000 });
    const committedAt = new Map<string, number>();
    const lags: number[] = [];
    let consumed = 0;
    consumer = new ConsumerRunner<EventEnvelope>({
      db: side, client, groupId: consumerGroup('audit', 'bench-recorder'), topics: [topic], deadLetterTopic: dlq, decode: envelopeDecoder(), maxTransactionSize: 500,
      async handle(event, tx) {
        await tx.query(`INSERT INTO consumed (event_id) VALUES ($1)`, [event.eventId]);
        const at = committedAt.get(event.eventId);
        if (at !== undefined) lags.push(Date.now() - at);
        consumed++;
      },
    });
    relay.start();
    await consumer.start();

    const handler = new CommandHandler(new PostgresEventStore(db), accountDecider, { cachedStreams: 50_000 });
    log(`appends: single-event commands over ${WRITERS * 250} streams, ${WRITERS} writers, ${seconds} s, relay and consumer running`);
    const a0 = Date.now();
    const appended = await runWriters(WRITERS, a0 + seconds * 1000, async (w, n) => void (await handler.handle(`account-${w}-${n % 250}`, { type: 'deposit', amount: 1 }, context)));
    const appendsPerSec = Math.round(appended / ((Date.now() - a0) / 1000));
    log(`  ${appended} commands, ${appendsPerSec}/s; consumed so far ${consumed}`);
    const d0 = Date.now();
    await until(() => consumed >= appended, 120_000, () => `consumer at ${consumed}/${appended}`);
    log(`  backlog relayed and consumed ${Date.now() - d0} ms after the writers stopped`);

    log(`relay lag: 1,000 events/s for ${seconds} s, commit -> consumed by the idempotent consumer`);
    const target = appended;
    const paced = await runPacedWriters(WRITERS, 1000, seconds, async (w, n) => {
      const r = await handler.handle(`steady-${w}-${n % 500}`, { type: 'deposit', amount: 1 }, context);
      committedAt.set(r.events[0].eventId, Date.now());
    });
    await until(() => consumed >= target + paced, 60_000, () => `consumer at ${consumed}/${target + paced}`);
    const relayLagP50Ms = percentile(lags, 50);
    const relayLagP99Ms = percentile(lags, 99);
    log(`  ${lags.length} events: p50 ${relayLagP50Ms} ms, p99 ${relayLagP99Ms} ms, max ${percentile(lags, 100)} ms`);

    const rows = await db.query<{ events: string; consumed: string; inbox: string }>(
      `SELECT (SELECT count(*) FROM eventing.events) AS events, (SELECT count(*) FROM consumed) AS consumed, (SELECT count(*) FROM eventing.inbox) AS inbox`,
    );
    const counts = rows.rows[0];
    if (counts.events !== counts.consumed || counts.events !== counts.inbox) throw new Error(`lost or duplicated: ${JSON.stringify(counts)}`);
    log(`check: ${counts.events} events, ${counts.consumed} consumed, ${counts.inbox} inbox rows: each event applied exactly once`);
    log(JSON.stringify({ appendsPerSec, relayLagP50Ms, relayLagP99Ms, baselineInsertsPerSec }));
  } finally {
    await consumer?.stop().catch(() => undefined);
    await relay?.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await Promise.all([writePool.end(), sidePool.end()]);
    await stack.stop();
  }
}

async function until(done: () => boolean, timeoutMs: number, progress: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${progress()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
