import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { providerOutboundTopic } from '@cfc/contracts';
import { describeIntegration, integrationStack, TEST_INTERNAL_AUTH_SECRET } from '@cfc/testing';
import { startIngestionStack, type IngestionStack } from './testing/ingestion.stack';
import { monthsAgo, recordFor, submission } from './testing/submissions';

// The built service as a real process (node apps/ingestion/dist/main.js), killed with SIGKILL in the middle of a
// backlog and started again: no accepted record lost, none accepted twice, every provider told.
const main = join(__dirname, '..', 'dist', 'main.js');
const MESSAGES = 24;
const PAIRS = 500; // (binding, month) pairs per binding: 2 bindings x 500 = 1,000 records a message

describeIntegration('ingestion: a crash in the middle of a batch', () => {
  let stack: IngestionStack;
  let db: Client;
  let child: ChildProcess | undefined;
  let output = '';

  const startService = () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const env = {
      PATH: process.env.PATH,
      DATABASE_URL: stack.ingestionDb.url,
      KAFKA_BROKERS: integrationStack().kafkaBrokers.join(','),
      ...integrationStack().kafkaServiceEnv('ingestion'),
      KAFKA_GROUP_SUFFIX: stack.groupSuffix,
      INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET,
      IDENTITY_URL: stack.identity,
      BINDING_URL: stack.binding,
      PORT: '0',
      LOG_LEVEL: 'warn',
      INGESTION_MESSAGES_PER_TRANSACTION: '2',
    };
    const started = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout!.on('data', (c) => (output = (output + c).slice(-20_000)));
    started.stderr!.on('data', (c) => (output = (output + c).slice(-20_000)));
    return started;
  };
  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);
  // Waits on the running service: fails at once, with its output, if it exits; its output also in a timeout.
  const whileRunning = <T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number) =>
    stack.eventually(what, async () => {
      if (!child || child.exitCode !== null || child.signalCode !== null) throw new Error(`the service exited (${child?.exitCode ?? child?.signalCode}) while waiting for ${what}`);
      return check();
    }, timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message}; the service's output: ${output.slice(-2000)}`);
    });

  beforeAll(async () => {
    stack = await startIngestionStack({ withoutIngestion: true });
    db = new Client({ connectionString: stack.ingestionDb.url });
  }, 180_000);
  afterAll(async () => {
    child?.kill('SIGKILL');
    await db?.end();
    await stack?.close();
  });

  it('loses no accepted record and accepts none twice when killed mid-batch and restarted', async () => {
    const token = await stack.enterpriseToken(6);
    const e = stack.demo.enterprises[6];
    const accounts = e.accounts.filter((a) => a.provider === 'B0001').slice(0, 2);
    expect(accounts).toHaveLength(2);
    for (const a of accounts) await stack.bindActive(token, a);
    // Message k carries revision k+1 of the same 1,000 account-months: the last one must end current.
    const messages = Array.from({ length: MESSAGES }, (_, k) => submission('B0001', accounts.flatMap((a) => Array.from({ length: PAIRS }, (_, p) => recordFor(a, e.uscc, monthsAgo(p), k + 1, k)))));
    const ids = messages.map((m) => m.submissionId);

    child = startService();
    for (let i = 0; i < MESSAGES; i += 4) await stack.provider.sendAll(messages.slice(i, i + 4), stack.signer('B0001'), 'crash-test');
    await db.connect();
    // The start (migrations, consumer groups) and the first 3,000 records: minutes when CI's 2 cores run ~190 suites.
    await whileRunning('the first submissions stored', async () => (await count(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'ingestion'`)) > 0 && (await count(`SELECT count(*) AS n FROM ingestion.submissions`)) >= 3, 240_000);
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const atKill = await count(`SELECT count(*) AS n FROM ingestion.submissions`);
    expect(atKill).toBeLessThan(MESSAGES); // killed with work left, not after it

    child = startService();
    await whileRunning(`all ${MESSAGES} submissions stored`, async () => (await count(`SELECT count(*) AS n FROM ingestion.submissions`)) === MESSAGES, 300_000);
    await whileRunning('every provider told', async () => {
      const told = new Set(stack.provider.seen.filter((m) => m.topic === providerOutboundTopic('B0001') && m.value?.type === 'submission.accepted').map((m) => m.value.submissionId));
      return ids.every((id) => told.has(id));
    }, 180_000);

    const submitted = await db.query<{ records_stored: number }>(`SELECT records_stored FROM ingestion.submissions WHERE submission_id = ANY($1)`, [ids]);
    expect(submitted.rows.map((r) => r.records_stored)).toEqual(ids.map(() => 1000));
    expect(await count(`SELECT count(*) AS n FROM ingestion.statistics`)).toBe(MESSAGES * 1000);
    expect(await count(`SELECT count(*) AS n FROM eventing.events WHERE type = 'statistics.accepted'`)).toBe(MESSAGES);
    expect(await count(`SELECT count(DISTINCT data->>'submissionId') AS n FROM eventing.events WHERE type = 'statistics.accepted'`)).toBe(MESSAGES);
    expect(await count(`SELECT count(*) AS n FROM ingestion.current_statistics WHERE revision = ${MESSAGES}`)).toBe(2 * PAIRS);
    expect(await count(`SELECT count(*) AS n FROM ingestion.current_statistics`)).toBe(2 * PAIRS);
  }, 900_000);
});
