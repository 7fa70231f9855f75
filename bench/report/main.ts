import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { contextEventsTopic, ServiceTokens, type EventEnvelope } from '@cfc/contracts';
import { createKafkaClient } from '@cfc/platform';
import { freePort } from '@cfc/testing';
import { percentile } from '../eventing/percentile';
import { ACCOUNTS_PER_SUBJECT, benchPeriods, benchSubjects, bindingEvents, MONTHS, statisticsEvents } from './bench.data';
import { closedLoop, openLoop, send, type Call, type LoadResult } from './load';
import { cpuReport, processTicks, sample, type CpuSample } from './process.cpu';
import { provisionPlatformTopics, ready, removeTemp, startBrokerProcess, startNode, startPostgres, TEMP, waitUntil, type Child } from './processes';

// npm run bench -- report [--subjects 100] [--seconds 10] [--clients 32] [--rate 100]
// Credit reports over 36 months × 3 accounts through the gateway: gateway, report service, identity (lender
// tokens) and the consent/binding stand-ins as real processes on embedded PostgreSQL and the broker. Phases:
// baseline (the gateway's /healthz round trip), reports straight to the report service (no gateway hop),
// throughput through the gateway with N concurrent clients, latency at a steady rate through the gateway and
// straight to the report service; each with CPU per process and the report service's time per stage.
const log = (s: string) => process.stdout.write(`${s}\n`);
const arg = (name: string, fallback: number) => Number(process.argv.find((_, i, a) => a[i - 1] === name) ?? fallback);
const SUBJECTS = arg('--subjects', 100);
const SECONDS = arg('--seconds', 10);
const CLIENTS = arg('--clients', 32);
const RATE = arg('--rate', 100);
const ms = (n: number) => Math.round(n * 100) / 100;
// --phases healthz,straight,throughput,steady,steady-straight: run only these (for profiling one of them).
const PHASES = new Set((process.argv.find((_, i, a) => a[i - 1] === '--phases') ?? 'healthz,straight,throughput,steady,steady-straight').split(','));
const skipped: LoadResult = { ok: 0, errors: 0, seconds: 1, latencies: [0] };
const phase = (name: string, run: () => Promise<LoadResult>) => (PHASES.has(name) ? run : async () => skipped);

async function main(): Promise<void> {
  const children: Child[] = [];
  let pg: Awaited<ReturnType<typeof startPostgres>> | undefined;
  try {
    pg = await startPostgres(['cfc_identity', 'cfc_report', 'cfc_gateway']);
    const broker = await startBrokerProcess();
    children.push(broker);
    log(`embedded PostgreSQL and broker ${broker.address} up (temp dir ${TEMP}); ${await provisionPlatformTopics(broker.address)} platform topics created`);
    const secret = randomBytes(32).toString('base64url');
    const common = { KAFKA_BROKERS: broker.address, INTERNAL_AUTH_SECRET: secret, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const [identityPort, reportPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    const url = (port: number) => `http://127.0.0.1:${port}`;
    const identity = startNode('identity', 'apps/identity/dist/main.js', { ...common, PORT: String(identityPort), DATABASE_URL: pg.url('cfc_identity'), CFC_DATA_DIR: join(TEMP, 'identity'), CFC_EMBEDDED: 'true', INSTITUTION_TOKEN_TTL_SECONDS: '3600' });
    children.push(identity);
    await waitUntil('identity', ready(url(identityPort)), 90_000, identity.output);
    const demo = JSON.parse(readFileSync(join(TEMP, 'identity', 'demo.json'), 'utf8')) as { lenders: Array<{ institutionId: string; clientId: string; clientSecret: string }> };
    const lender = demo.lenders[0];

    const subjects = benchSubjects(SUBJECTS);
    const standInsFile = join(TEMP, 'stand-ins.json');
    writeFileSync(standInsFile, JSON.stringify({
      bindings: subjects.flatMap((s) => s.bindings),
      authorizations: subjects.map((s) => ({ authorizationId: s.authorizationId, subject: s.uscc, lender: lender.institutionId, status: 'ACTIVE', products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], accounts: s.bindings.map((b) => b.bindingId), months: MONTHS, validUntil: '2099-01-01T00:00:00Z' })),
    }));
    let standInUrls: { consent: string; binding: string } | undefined;
    const standIns = startNode('stand-ins (consent, binding)', 'apps/report/dist/testing/stand-ins.main.js', { INTERNAL_AUTH_SECRET: secret, STAND_INS_FILE: standInsFile }, { onLine: (line) => void (line.startsWith('{') && (standInUrls = JSON.parse(line))) });
    children.push(standIns);
    await waitUntil('the stand-ins', async () => standInUrls !== undefined, 30_000, standIns.output);
    const report = startNode('report', 'apps/report/dist/main.js', { ...common, PORT: String(reportPort), DATABASE_URL: pg.url('cfc_report'), CONSENT_URL: standInUrls!.consent, BINDING_URL: standInUrls!.binding });
    const gateway = startNode('gateway', 'apps/gateway/dist/main.js', {
      ...common, PORT: String(gatewayPort), DATABASE_URL: pg.url('cfc_gateway'), IDENTITY_URL: url(identityPort), REPORT_URL: url(reportPort),
      // One lender from one address drives the whole load: its per-token and per-address limits are lifted for the bench.
      RATE_LIMIT_TOKEN_BURST: '100000', RATE_LIMIT_TOKEN_PER_SECOND: '100000', RATE_LIMIT_ADDRESS_BURST: '100000', RATE_LIMIT_ADDRESS_PER_SECOND: '100000',
    });
    children.push(report, gateway);
    await waitUntil('report', ready(url(reportPort)), 90_000, report.output);
    // Alive, not /readyz: the gateway's readiness asks every service behind it, and only identity and report run here.
    await waitUntil('gateway', async () => (await fetch(`${url(gatewayPort)}/healthz`)).status === 200, 90_000, gateway.output);
    log(`processes up: identity ${identity.pid}, stand-ins ${standIns.pid}, report ${report.pid}, gateway ${gateway.pid}, broker ${broker.pid}`);

    const periods = benchPeriods();
    const db = new Client({ connectionString: pg.url('cfc_report') });
    await db.connect();
    const expected = SUBJECTS * ACCOUNTS_PER_SUBJECT * MONTHS;
    const t0 = Date.now();
    await publish(broker.address, contextEventsTopic('binding'), bindingEvents(subjects));
    await publish(broker.address, contextEventsTopic('ingestion'), statisticsEvents(subjects, periods));
    await waitUntil('the report read model', async () => {
      const { rows } = await db.query<{ s: string; b: string }>(`SELECT (SELECT count(*) FROM report.statistics) AS s, (SELECT count(*) FROM report.bindings WHERE status = 'ACTIVE') AS b`);
      return Number(rows[0].s) === expected && Number(rows[0].b) === SUBJECTS * ACCOUNTS_PER_SUBJECT;
    }, 120_000, report.output);
    log(`read model: ${expected} account-months of ${SUBJECTS * ACCOUNTS_PER_SUBJECT} bindings (${periods[0]}..${periods[periods.length - 1]}) consumed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const token = JSON.parse((await send({ url: `${url(gatewayPort)}/v1/oauth/token`, method: 'POST', body: JSON.stringify({ grant_type: 'client_credentials', client_id: lender.clientId, client_secret: lender.clientSecret }) })).bytes.toString('utf8')).access_token as string;
    const viaGateway = (i: number): Call => ({ url: `${url(gatewayPort)}/v1/queries`, method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ authorizationId: subjects[i % SUBJECTS].authorizationId, product: 'CREDIT_REPORT' }) });
    const serviceTokens = new ServiceTokens(secret, 'gateway');
    let direct = { token: '', at: 0 };
    const straight = (i: number): Call => ({ ...viaGateway(i), url: `${url(reportPort)}/v1/queries`, headers: { 'x-cfc-service-token': direct.token } });
    const refreshDirectToken = async () => (direct = { token: await serviceTokens.sign('report', { principal: { kind: 'lender', id: lender.institutionId } }), at: Date.now() });
    await refreshDirectToken();
    const keepDirectToken = setInterval(() => void refreshDirectToken(), 20_000);

    const first = await send(viaGateway(0));
    const sampleReport = JSON.parse(first.bytes.toString('utf8'));
    if (first.status !== 200 || sampleReport.coverage?.accountMonthsPresent !== ACCOUNTS_PER_SUBJECT * MONTHS) throw new Error(`unexpected first report: ${first.status} ${first.bytes.toString('utf8').slice(0, 500)}`);
    log(`a credit report: ${first.bytes.length} bytes, ${sampleReport.accounts.length} accounts × ${sampleReport.period.months} months, ${sampleReport.consolidated.groups.flatMap((g: { indicators: unknown[] }) => g.indicators).length} indicators consolidated and per account`);
    for (let i = 0; i < SUBJECTS; i++) await send(viaGateway(i)); // every binding's rows into the report's cache

    const processes = children.map((c) => ({ name: c.name, pid: c.pid })).concat({ name: 'bench (load generator)', pid: process.pid });
    const pgTicks = async () => {
      const { rows } = await db.query<{ pid: number; who: string }>(`SELECT pid, coalesce(nullif(application_name, ''), backend_type) AS who FROM pg_stat_activity`);
      const byApp = new Map<string, number>();
      for (const r of rows) byApp.set(`postgres ${r.who}`, (byApp.get(`postgres ${r.who}`) ?? 0) + processTicks(r.pid));
      return byApp;
    };
    const stages = async () => parseStages(await (await fetch(`${url(reportPort)}/metrics`)).text());
    const measure = async (title: string, unit: string, run: () => Promise<LoadResult>) => {
      log(title);
      const [cpu0, stages0] = [sample(processes, await pgTicks()), await stages()];
      const result = await run();
      const [cpu1, stages1] = [sample(processes, await pgTicks()), await stages()];
      const perSec = Math.round(result.ok / result.seconds);
      log(`  ${result.ok} ${unit}s in ${result.seconds.toFixed(1)} s: ${perSec}/s; latency p50 ${ms(percentile(result.latencies, 50))} ms, p99 ${ms(percentile(result.latencies, 99))} ms, max ${ms(Math.max(...result.latencies))} ms; errors ${result.errors}${result.firstError ? ` (first: ${result.firstError})` : ''}`);
      for (const line of cpuReport(cpu0 as CpuSample, cpu1, result.ok, unit)) log(line);
      const stageLines = stageReport(stages0, stages1);
      if (stageLines.length) log(`  inside the report service, per query: ${stageLines.join(', ')}`);
      return { perSec, p50: percentile(result.latencies, 50), p99: percentile(result.latencies, 99), errors: result.errors };
    };

    const healthz = await measure(`baseline: GET /healthz on the gateway, ${CLIENTS} clients, ${SECONDS / 2} s (the HTTP round trip alone)`, 'request', phase('healthz', () => closedLoop(CLIENTS, SECONDS / 2, () => ({ url: `${url(gatewayPort)}/healthz`, method: 'GET' }))));
    const straightThroughput = await measure(`reports straight to the report service (service token, no gateway hop), ${CLIENTS} clients, ${SECONDS / 2} s`, 'report', phase('straight', () => closedLoop(CLIENTS, SECONDS / 2, straight)));
    const throughput = await measure(`throughput: credit reports through the gateway, ${CLIENTS} clients, ${SECONDS} s`, 'report', phase('throughput', () => closedLoop(CLIENTS, SECONDS, viaGateway)));
    const steady = await measure(`latency: ${RATE} credit reports/s through the gateway, ${SECONDS} s`, 'report', phase('steady', () => openLoop(RATE, SECONDS, viaGateway)));
    const steadyStraight = await measure(`latency: ${RATE} credit reports/s straight to the report service, ${SECONDS / 2} s`, 'report', phase('steady-straight', () => openLoop(RATE, SECONDS / 2, straight)));
    clearInterval(keepDirectToken);
    log(`per hop at ${RATE}/s (p50): gateway ${ms(steady.p50 - steadyStraight.p50)} ms, report service ${ms(steadyStraight.p50)} ms (of which the stages above)`);
    await db.end();
    const failed = throughput.errors + steady.errors + straightThroughput.errors;
    if (failed > 0) throw new Error(`${failed} requests failed`);
    log(JSON.stringify({ reportsPerSec: throughput.perSec, p50Ms: ms(steady.p50), p99Ms: ms(steady.p99), baselineHealthzPerSec: healthz.perSec, straightReportsPerSec: straightThroughput.perSec, straightP50Ms: ms(steadyStraight.p50), straightP99Ms: ms(steadyStraight.p99) }));
  } finally {
    for (const child of [...children].reverse()) await child.stop().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    removeTemp();
  }
}

async function publish(broker: string, topic: string, events: EventEnvelope[]): Promise<void> {
  const producer = createKafkaClient({ brokers: [broker], clientId: 'bench-publisher' }).producer();
  await producer.connect();
  for (let i = 0; i < events.length; i += 100) await producer.send(topic, events.slice(i, i + 100).map((e) => ({ key: e.subject ?? null, value: JSON.stringify(e) })));
  await producer.disconnect();
}

type Stages = Map<string, { seconds: number; count: number }>;
function parseStages(metrics: string): Stages {
  const stages: Stages = new Map();
  for (const [, kind, stage, value] of metrics.matchAll(/^cfc_report_query_stage_(seconds_total|total)\{stage="(\w+)"\} ([\d.e+-]+)$/gm)) {
    const entry = stages.get(stage) ?? { seconds: 0, count: 0 };
    if (kind === 'seconds_total') entry.seconds = Number(value);
    else entry.count = Number(value);
    stages.set(stage, entry);
  }
  return stages;
}

function stageReport(from: Stages, to: Stages): string[] {
  return [...to].flatMap(([stage, { seconds, count }]) => {
    const n = count - (from.get(stage)?.count ?? 0);
    return n > 0 ? [`${stage} ${ms(((seconds - (from.get(stage)?.seconds ?? 0)) * 1000) / n)} ms`] : [];
  });
}

main().catch((error: Error) => {
  process.stderr.write(`bench report failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
