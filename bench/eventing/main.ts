import { contextEventsTopic, deadLetterTopic } from '@cfc/contracts';
import { CommandHandler, MetricsRegistry, migrateEventing, pgDatabase, PostgresEventStore, RelayThread, type SqlDatabase } from '@cfc/eventing';
import { createKafkaClient, embeddedPostgresSettings } from '@cfc/platform';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Pool } from 'pg';
import { accountDecider } from './bench.decider';
import { CpuAccounting } from './cpu.accounting';
import { startBenchStack } from './bench.stack';
import type { ConsumerWorkerData } from './consumer.worker';
import { percentile } from './percentile';
import { watchStatement } from './statement.stats';
import { startThread, type BenchThread } from './worker.thread';
import { runPacedWriters, runWriters } from './writers';

// npm run bench -- eventing [--seconds 8] [--rate 1000] [--pg-flag synchronous_commit=off ...] [--no-group-commit]. The service's side
// (8 writers issuing single-event commands) runs on the main thread, its outbox relay on a RelayThread as
// services run it; the idempotent consumer and the broker run on their own threads. Baseline: plain INSERTs on the same PostgreSQL.
// Between them, the same commands with nothing downstream, to show what the relay and consumer cost.
const log = (s: string) => process.stdout.write(`${s}\n`);
const WRITERS = 8;
const arg = (name: string) => process.argv.flatMap((a, i) => (a === name ? [process.argv[i + 1]] : []));
const seconds = Number(arg('--seconds')[0] ?? 8);
const rate = Number(arg('--rate')[0] ?? 1000);
const context = { actor: { kind: 'system' as const, id: 'bench' }, correlationId: 'bench' };
const groupCommit = !process.argv.includes('--no-group-commit');
const perSec = (n: number, since: number) => Math.round(n / ((Date.now() - since) / 1000));

async function main(): Promise<void> {
  const flags = arg('--pg-flag').flatMap((f) => ['-c', f]);
  const stack = await startBenchStack(flags);
  log(`embedded PostgreSQL and broker ${stack.brokers[0]} up; PostgreSQL settings (launcher's, then --pg-flag): ${[...embeddedPostgresSettings(), ...flags].filter((f) => f !== '-c').join(' ') || 'defaults'}; fsync and synchronous_commit on unless given`);
  const writePool = new Pool({ connectionString: stack.databaseUrl, max: WRITERS, application_name: 'bench-writers' });
  let relay: RelayThread | undefined;
  let consumer: BenchThread<{ tid?: number }> | undefined;
  try {
    const db = pgDatabase(writePool);
    await migrateEventing(db);
    await db.query(`CREATE TABLE baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL)`);
    await db.query(`CREATE TABLE consumed (event_id uuid PRIMARY KEY, published_at bigint NOT NULL, consumed_at bigint NOT NULL)`);

    log(`baseline: plain single-row INSERT transactions, ${WRITERS} writers, ${seconds} s`);
    const baselineCpu = new CpuAccounting(db, [CpuAccounting.mainThread]);
    const baselineFrom = await baselineCpu.sample();
    const b0 = Date.now();
    const inserts = await runWriters(WRITERS, b0 + seconds * 1000, async (w, n) => void (await db.query(`INSERT INTO baseline (payload) VALUES ($1)`, [{ w, n, amount: 1 }])));
    const baselineInsertsPerSec = perSec(inserts, b0);
    log(`  ${inserts} inserts, ${baselineInsertsPerSec}/s`);
    for (const line of await baselineCpu.report(baselineFrom, inserts, 'insert')) log(line);

    log(`appends alone: the same commands with no relay, broker traffic or consumer (the write path's own ceiling), ${seconds} s`);
    log(`  ${await appendsAlone(stack.aloneDatabaseUrl)}/s`);

    const topic = contextEventsTopic('consent');
    const workerData: ConsumerWorkerData = { databaseUrl: stack.databaseUrl, brokers: stack.brokers, topic, deadLetterTopic: deadLetterTopic('audit') };
    const admin = createKafkaClient({ brokers: stack.brokers, clientId: 'bench-admin' }).admin();
    await admin.connect();
    await admin.ensureTopics([{ topic, partitions: 1 }, { topic: workerData.deadLetterTopic, partitions: 1 }]);
    await admin.disconnect();
    const committedAt = new Map<string, number>();
    const relayMetrics = new MetricsRegistry();
    relay = await RelayThread.start({ databaseUrl: stack.databaseUrl, brokers: stack.brokers, topic, clientId: 'bench-relay', batchSize: 1000, metrics: relayMetrics });
    consumer = await startThread('consumer.worker', workerData);

    const appends = watchStatement(db, 'cfc_eventing_append_many');
    const handler = depositHandler(appends.db);
    log(`appends: single-event commands over ${WRITERS * 250} streams, ${WRITERS} writers, ${seconds} s, relay and consumer running, group commit ${groupCommit ? 'on' : 'off'}`);
    const cpu = new CpuAccounting(db, [CpuAccounting.mainThread, { name: 'consumer', tid: consumer.ready.tid, eventLoopUtilization: consumer.eventLoopUtilization }, { name: 'broker', tid: stack.brokerThread.ready.tid, eventLoopUtilization: stack.brokerThread.eventLoopUtilization }, { name: 'relay', tid: relay.threadId }]);
    const cpuFrom = await cpu.sample();
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const a0 = Date.now();
    const appended = await runDeposits(handler, a0 + seconds * 1000);
    const appendsPerSec = perSec(appended, a0);
    log(`  ${appended} commands, ${appendsPerSec}/s`);
    loopDelay.disable();
    for (const line of await cpu.report(cpuFrom, appended, 'command')) log(line);
    log(`  main thread event-loop delay: p50 ${(loopDelay.percentile(50) / 1e6).toFixed(2)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(2)} ms, max ${(loopDelay.max / 1e6).toFixed(2)} ms`);
    if (groupCommit) log(`  group commit: ${appends.summary()}`);
    const d0 = Date.now();
    await drained(db, 120_000);
    log(`  backlog relayed and consumed ${Date.now() - d0} ms after the writers stopped`);
    await new Promise((r) => setTimeout(r, 300)); // the relay thread forwards its metrics every 200 ms
    const chunks = Number((await db.query<{ n: string }>(`SELECT count(DISTINCT consumed_at) AS n FROM consumed`)).rows[0].n);
    const sends = relayMetrics.counter('cfc_outbox_relay_batches_total', '').get({ topic });
    log(`  relay: ${sends} sends (${Math.round(appended / Math.max(1, sends))} events each); consumer: ~${chunks} transactions (${Math.round(appended / Math.max(1, chunks))} events each)`);

    log(`relay lag: ${rate} events/s for ${seconds} s, commit -> published, commit -> consumed (idempotent consumer)`);
    const p0 = Date.now();
    const paced = await runPacedWriters(WRITERS, rate, seconds, async (w, n) => {
      const r = await handler.handle(`steady-${w}-${n % 500}`, { type: 'deposit', amount: 1 }, context);
      committedAt.set(r.events[0].eventId, Date.now());
    });
    log(`  ${paced} commands at ${perSec(paced, p0)}/s`);
    await drained(db, 60_000);
    const consumedAt = await db.query<{ event_id: string; consumed_at: string; published_at: string }>(
      `SELECT event_id, consumed_at, published_at FROM consumed WHERE event_id = ANY($1::uuid[])`,
      [[...committedAt.keys()]],
    );
    const lags = consumedAt.rows.map((r) => Number(r.consumed_at) - committedAt.get(r.event_id)!);
    const publishLags = consumedAt.rows.map((r) => Number(r.published_at) - committedAt.get(r.event_id)!);
    const [relayLagP50Ms, relayLagP99Ms] = [percentile(lags, 50), percentile(lags, 99)];
    log(`  commit -> published: p50 ${percentile(publishLags, 50)} ms, p99 ${percentile(publishLags, 99)} ms`);
    log(`  commit -> consumed: p50 ${relayLagP50Ms} ms, p99 ${relayLagP99Ms} ms, max ${percentile(lags, 100)} ms (${lags.length} events)`);

    const { rows } = await db.query<{ events: string; consumed: string; inbox: string }>(
      `SELECT (SELECT count(*) FROM eventing.events) AS events, (SELECT count(*) FROM consumed) AS consumed, (SELECT count(*) FROM eventing.inbox) AS inbox`,
    );
    if (rows[0].events !== rows[0].consumed || rows[0].events !== rows[0].inbox) throw new Error(`lost or duplicated: ${JSON.stringify(rows[0])}`);
    log(`check: ${rows[0].events} events, ${rows[0].consumed} effects, ${rows[0].inbox} inbox rows: each event applied exactly once`);
    log(JSON.stringify({ appendsPerSec, relayLagP50Ms, relayLagP99Ms, baselineInsertsPerSec }));
  } finally {
    await consumer?.stop().catch(() => undefined);
    await relay?.stop().catch(() => undefined);
    await writePool.end();
    await stack.stop();
  }
}

// The appends phases' commands: one deposit at a time per writer, over 250 accounts each.
const depositHandler = (db: SqlDatabase) => new CommandHandler(new PostgresEventStore(db, groupCommit ? {} : { groupCommit: false }), accountDecider, { cachedStreams: 50_000 });
const runDeposits = (handler: ReturnType<typeof depositHandler>, until: number) =>
  runWriters(WRITERS, until, async (w, n) => void (await handler.handle(`account-${w}-${n % 250}`, { type: 'deposit', amount: 1 }, context)));

/** Appends per second from the 8 writers with nothing else running, in a database no relay reads. */
async function appendsAlone(databaseUrl: string): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: WRITERS, application_name: 'bench-writers-alone' });
  try {
    const db = pgDatabase(pool);
    await migrateEventing(db);
    const t0 = Date.now();
    return perSec(await runDeposits(depositHandler(db), t0 + seconds * 1000), t0);
  } finally {
    await pool.end();
  }
}

/** Waits until the consumer's inbox holds every event in the store. */
async function drained(db: SqlDatabase, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ behind: string }>(`SELECT (SELECT count(*) FROM eventing.events) - (SELECT count(*) FROM eventing.inbox) AS behind`);
    if (rows[0].behind === '0') return;
    if (Date.now() > deadline) throw new Error(`timed out: consumer ${rows[0].behind} events behind`);
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
