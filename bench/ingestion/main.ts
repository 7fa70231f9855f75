import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { providerOutboundTopic, signProviderMessage, Topics } from '@cfc/contracts';
import { createKafkaClient } from '@cfc/platform';
import { freePort } from '@cfc/testing';
import { cpuReport, processTicks, sample } from '../report/process.cpu';
import { provisionPlatformTopics, removeTemp, startBrokerProcess, startNode, startPostgres, TEMP, waitUntil, type Child } from '../report/processes';
import { benchAccounts, benchRecord, lastMonths, type BenchAccount } from './bench.data';

// npm run bench -- ingestion [--accounts 100000] [--months 2] [--in-flight 8]
// Several providers (the demo's B0001 and P0001, each its own producer) submit signed 1,000-record
// statistics.submitted messages for every bound account's last months; identity, binding and ingestion run as
// processes on embedded PostgreSQL and the broker (another process). Bindings are seeded straight into binding's
// read model (binding.bindings, the table its resolve reads), not through the API. Timed from the first send to
// the last submission.accepted on the providers' outbound topics. Baseline in the same run: COPY of the same rows
// into a table shaped like ingestion's store, in the same PostgreSQL.
const log = (s: string) => process.stdout.write(`${s}\n`);
const arg = (name: string, fallback: number) => Number(process.argv.find((_, i, a) => a[i - 1] === name) ?? fallback);
const ACCOUNTS = arg('--accounts', 100_000);
const MONTHS = arg('--months', 2);
const IN_FLIGHT = arg('--in-flight', 8);
const PROVIDERS = ['B0001', 'P0001'];
const PER_MESSAGE = 1000;
// A service's start (migrations, consumer groups joined) on the shared 2-core machine under load.
const START_MS = 240_000;

/** /readyz answers 200; keeps the last answer, so a start that times out says which check failed. */
const readyz = {
  last: '(none)',
  check: (base: string) => async () => {
    const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5000) });
    readyz.last = `${res.status} ${await res.text()}`;
    return res.status === 200;
  },
};

async function main(): Promise<void> {
  const children: Child[] = [];
  let pg: Awaited<ReturnType<typeof startPostgres>> | undefined;
  try {
    pg = await startPostgres(['cfc_identity', 'cfc_binding', 'cfc_ingestion', 'cfc_baseline']);
    const broker = await startBrokerProcess();
    children.push(broker);
    log(`embedded PostgreSQL and broker ${broker.address} up (temp dir ${TEMP})`);
    const client = createKafkaClient({ brokers: [broker.address], clientId: 'bench-providers' });
    // The demo providers' outbound topics too, before the listener.
    const topics = await provisionPlatformTopics(broker.address, PROVIDERS.map((p) => ({ topic: providerOutboundTopic(p), partitions: 3 })));
    log(`${topics} topics created (the platform's and ${PROVIDERS.length} provider outbound topics)`);
    const secret = randomBytes(32).toString('base64url');
    const common = { KAFKA_BROKERS: broker.address, INTERNAL_AUTH_SECRET: secret, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const [identityPort, bindingPort, ingestionPort] = [await freePort(), await freePort(), await freePort()];
    const url = (port: number) => `http://127.0.0.1:${port}`;
    const identity = startNode('identity', 'apps/identity/dist/main.js', { ...common, PORT: String(identityPort), DATABASE_URL: pg.url('cfc_identity'), CFC_DATA_DIR: join(TEMP, 'identity'), CFC_EMBEDDED: 'true' });
    children.push(identity);
    await waitUntil('identity', readyz.check(url(identityPort)), START_MS, () => `${identity.output()}\nlast /readyz: ${readyz.last}`);
    const binding = startNode('binding', 'apps/binding/dist/main.js', { ...common, PORT: String(bindingPort), DATABASE_URL: pg.url('cfc_binding'), IDENTITY_URL: url(identityPort) });
    children.push(binding);
    await waitUntil('binding', readyz.check(url(bindingPort)), START_MS, () => `${binding.output()}\nlast /readyz: ${readyz.last}`);
    const ingestion = startNode('ingestion', 'apps/ingestion/dist/main.js', { ...common, PORT: String(ingestionPort), DATABASE_URL: pg.url('cfc_ingestion'), IDENTITY_URL: url(identityPort), BINDING_URL: url(bindingPort) });
    children.push(ingestion);
    await waitUntil('ingestion', readyz.check(url(ingestionPort)), START_MS, () => `${ingestion.output()}\nlast /readyz: ${readyz.last}`);
    const demo = JSON.parse(readFileSync(join(TEMP, 'identity', 'demo.json'), 'utf8')) as { providers: Array<{ institutionId: string; keyId: string; privateKeyPem: string }> };
    log(`processes up: identity ${identity.pid}, binding ${binding.pid}, ingestion ${ingestion.pid}, broker ${broker.pid}`);

    const accounts = benchAccounts(ACCOUNTS, PROVIDERS);
    await seedBindings(pg.url('cfc_binding'), accounts);
    const months = lastMonths(MONTHS);
    const total = ACCOUNTS * MONTHS;
    log(`seeded ${ACCOUNTS} ACTIVE bindings into binding.bindings; ${total} records to send (${months.join(', ')}), ${PER_MESSAGE} a message, ${IN_FLIGHT} messages in flight per provider`);

    const accepted = new Map<string, number>();
    let lastAcceptedAt = 0;
    const listener = client.consumer({ groupId: `bench-${randomUUID()}`, maxBytesPerPartition: 1 << 20 });
    await listener.connect();
    await listener.subscribe(PROVIDERS.map(providerOutboundTopic), { fromBeginning: true });
    let rejections = 0;
    await listener.run({
      eachMessage: async (m) => {
        const value = JSON.parse(m.value?.toString('utf8') ?? '{}') as { type?: string; submissionId?: string; acceptedRecords?: number; records?: unknown[] };
        if (value.type === 'submission.accepted' && value.submissionId && !accepted.has(value.submissionId)) {
          accepted.set(value.submissionId, value.acceptedRecords ?? 0);
          lastAcceptedAt = Date.now();
        }
        if (value.type === 'submission.rejected') rejections += value.records?.length || 1;
      },
    });

    const db = new Client({ connectionString: pg.url('cfc_ingestion') });
    await db.connect();
    const processes = children.map((c) => ({ name: c.name, pid: c.pid })).concat({ name: 'bench (providers)', pid: process.pid });
    const pgTicks = async () => {
      const { rows } = await db.query<{ pid: number; datname: string | null; who: string }>(`SELECT pid, datname, coalesce(nullif(application_name, ''), backend_type) AS who FROM pg_stat_activity`);
      const byApp = new Map<string, number>();
      for (const r of rows) {
        const name = `postgres ${r.datname ?? ''} ${r.who}`.replace(/\s+/g, ' ');
        byApp.set(name, (byApp.get(name) ?? 0) + processTicks(r.pid));
      }
      return byApp;
    };
    let peakRssKb = 0;
    const rss = setInterval(() => (peakRssKb = Math.max(peakRssKb, vmHwmKb(ingestion.pid))), 200);

    log(`sending: ${PROVIDERS.length} providers, each its own producer`);
    const before = sample(processes, await pgTicks());
    const t0 = Date.now();
    const sent: string[] = [];
    await Promise.all(PROVIDERS.map(async (provider) => {
      const key = demo.providers.find((p) => p.institutionId === provider)!;
      const producer = client.producer({ idempotent: false });
      await producer.connect();
      const mine = accounts.filter((a) => a.provider === provider);
      const jobs: Array<() => Promise<void>> = [];
      const records = months.flatMap((period) => mine.map((a) => [a, period] as [BenchAccount, string]));
      for (let i = 0; i < records.length; i += PER_MESSAGE) {
        const slice = records.slice(i, i + PER_MESSAGE);
        jobs.push(async () => {
          const submissionId = randomUUID();
          const value = Buffer.from(JSON.stringify({ type: 'statistics.submitted', schemaVersion: 1, submissionId, provider, sentAt: new Date().toISOString(), records: slice.map(([a, period], k) => benchRecord(a, period, i + k)) }));
          sent.push(submissionId);
          await producer.send(Topics.providerInbound, [{ key: submissionId, value, headers: signProviderMessage({ provider, keyId: key.keyId, privateKeyPem: key.privateKeyPem, value }) }]);
        });
      }
      // A bounded window of messages in flight: the bench never holds the whole backlog either.
      let next = 0;
      await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
        while (next < jobs.length) await jobs[next++]();
      }));
      await producer.disconnect();
    }));
    const sendSeconds = (Date.now() - t0) / 1000;
    log(`  sent ${sent.length} messages in ${sendSeconds.toFixed(1)} s; waiting for every submission.accepted`);
    await waitUntil('every submission.accepted', async () => sent.every((id) => accepted.has(id)), 900_000, ingestion.output);
    const seconds = (lastAcceptedAt - t0) / 1000;
    const after = sample(processes, await pgTicks());
    clearInterval(rss);
    peakRssKb = Math.max(peakRssKb, vmHwmKb(ingestion.pid));
    const acceptedRecords = [...accepted.values()].reduce((a, b) => a + b, 0);
    const recordsPerSec = Math.round(acceptedRecords / seconds);
    log(`  ${acceptedRecords} records accepted (${rejections} refused) in ${seconds.toFixed(1)} s from the first send to the last submission.accepted: ${recordsPerSec} records/s; ingestion's peak RSS ${Math.round(peakRssKb / 1024)} MB`);
    for (const line of cpuReport(before, after, acceptedRecords, 'record')) log(line);
    const stored = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ingestion.statistics`)).rows[0].n);
    if (stored !== total || acceptedRecords !== total) throw new Error(`expected ${total} records stored and accepted, got ${stored} stored and ${acceptedRecords} accepted`);
    await listener.stop();
    await listener.disconnect();

    log(`baseline: COPY of the same ${total} rows into a table shaped like ingestion.statistics, same PostgreSQL`);
    const baselineRowsPerSec = await copyBaseline(pg.url('cfc_baseline'), accounts, months);
    log(`  ${baselineRowsPerSec} rows/s (ingestion: ${(recordsPerSec / baselineRowsPerSec).toFixed(2)} of COPY)`);
    await db.end();
    log(JSON.stringify({ recordsPerSec, baselineRowsPerSec, peakRssMb: Math.round(peakRssKb / 1024) }));
  } finally {
    for (const child of [...children].reverse()) await child.stop().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    removeTemp();
  }
}

/** Bindings ACTIVE in binding's read model, as if each had been requested and confirmed. */
async function seedBindings(databaseUrl: string, accounts: readonly BenchAccount[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  for (let i = 0; i < accounts.length; i += 10_000) {
    const chunk = accounts.slice(i, i + 10_000);
    await db.query(
      `INSERT INTO binding.bindings (binding_id, subject, provider, account_number, account_type, status, agreement_version, agreement_sha256, accepted_at, requested_at, expires_at, activated_at, stream_version)
       SELECT id, subject, provider, number, type, 'ACTIVE', '1.0', repeat('a', 64), now(), now(), now() + interval '7 days', now(), 2
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, subject, provider, number, type)`,
      [chunk.map((a) => a.bindingId), chunk.map((a) => a.subject), chunk.map((a) => a.provider), chunk.map((a) => a.number), chunk.map((a) => a.type)],
    );
  }
  await db.query('ANALYZE binding.bindings');
  await db.end();
}

/** COPY (text format) of the same rows, in 1,000-row statements like ingestion's messages; rows per second. */
async function copyBaseline(databaseUrl: string, accounts: readonly BenchAccount[], months: readonly string[]): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`CREATE TABLE statistics (binding_id text, period text, revision integer, provider text, subject text, record jsonb, submission_id text, received_at timestamptz, PRIMARY KEY (binding_id, period, revision))`);
  const rows = months.flatMap((period) => accounts.map((a, i) => [a, period, i] as const));
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  const t0 = Date.now();
  for (let i = 0; i < rows.length; i += PER_MESSAGE) {
    const submissionId = randomUUID();
    const at = new Date().toISOString();
    const lines = rows.slice(i, i + PER_MESSAGE).map(([a, period, k]) => [a.bindingId, period, '1', a.provider, a.subject, escape(JSON.stringify({ ...benchRecord(a, period, k), bindingId: a.bindingId })), submissionId, at].join('\t') + '\n');
    await pipeline(Readable.from(lines), db.query(copyFrom('COPY statistics FROM STDIN')));
  }
  const seconds = (Date.now() - t0) / 1000;
  await db.end();
  return Math.round(rows.length / seconds);
}

function vmHwmKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench ingestion failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
