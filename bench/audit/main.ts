import { spawn } from 'node:child_process';
import { hash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { BOUNDED_CONTEXTS, contextEventsTopic, inNamespace, Topics, type BoundedContext } from '@cfc/contracts';
import { pgDatabase } from '@cfc/eventing';
import { createKafkaClient } from '@cfc/platform';
import { freePort, serviceAuthHeaders, TEST_INTERNAL_AUTH_SECRET } from '@cfc/testing';
import { startBenchStack } from '../eventing/bench.stack';
import { CpuAccounting } from '../eventing/cpu.accounting';
import { percentile } from '../eventing/percentile';
import { startAuditProcess, type AuditProcess } from './audit.process';
import { CheckpointWatch } from './checkpoint.watch';
import { sourceEvent } from './source-events';

// npm run bench -- audit [--entries 1000000] [--lag-rate 1000] [--lag-seconds 15]: source events produced
// onto the contexts' topics go through the audit service (its own process, durable PostgreSQL with fsync
// and synchronous commit as the launcher runs it, checkpoints on), then the regulator tool verifies the
// topics from offset 0, then inclusion proofs are timed at the final size. Baseline in the same run:
// SHA-256 of the same entry bytes in a tight loop. Last line: JSON.
const log = (s: string) => process.stdout.write(`${s}\n`);
const arg = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const repoRoot = join(__dirname, '..', '..', '..'); // bench/dist/audit -> the repository
const n = (v: number) => Math.round(v).toLocaleString('en-US');

async function main(): Promise<void> {
  const total = arg('entries', 1_000_000);
  const lagRate = arg('lag-rate', 1000);
  const lagSeconds = arg('lag-seconds', 15);
  log(`audit bench: ${n(total)} entries, load average ${loadavg()[0].toFixed(1)}, ${availableParallelism()} cores`);
  const stack = await startBenchStack([]);
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-bench-audit-'));
  const namespace = `bench${Date.now().toString(36)}`;
  const kafka = createKafkaClient({ brokers: stack.brokers, clientId: 'bench-audit' });
  const topic = (context: BoundedContext) => inNamespace(contextEventsTopic(context), namespace);
  const [entriesTopic, checkpointsTopic] = [inNamespace(Topics.audit, namespace), inNamespace(Topics.auditCheckpoints, namespace)];
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  const db = pgDatabase(pool);
  let audit: AuditProcess | undefined;
  try {
    const admin = kafka.admin();
    await admin.connect();
    await admin.ensureTopics(BOUNDED_CONTEXTS.filter((c) => c !== 'audit').map((c) => ({ topic: topic(c), partitions: 3 })));
    await admin.disconnect();

    log(`1. producing ${n(total)} source events onto the contexts' topics (binding, consent, report, identity), as their relays would`);
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const produceStart = performance.now();
    for (let i = 0; i < total; i += 2000) {
      const batch = Array.from({ length: Math.min(2000, total - i) }, (_, j) => sourceEvent(i + j));
      for (const [t, messages] of groupBy(batch, topic)) await producer.send(t, messages);
    }
    log(`   ${n(total / ((performance.now() - produceStart) / 1000))} events/s produced`);

    log('2. the audit service appends them: recorder -> intake -> one sequencer (entries, nodes, tiles, signed checkpoints) -> publisher');
    const port = await freePort();
    audit = await startAuditProcess(repoRoot, {
      DATABASE_URL: stack.databaseUrl, KAFKA_BROKERS: stack.brokers.join(','), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, CFC_DATA_DIR: dataDir,
      AUDIT_KAFKA_NAMESPACE: namespace, LOG_LEVEL: 'warn', DATABASE_POOL_MAX: '10',
    }, port, profileArgs());
    const watch = new CheckpointWatch(kafka);
    await watch.follow(checkpointsTopic);
    const cpu = new CpuAccounting(db, [{ name: 'bench main (broker on its own thread)', tid: process.pid }, { name: 'broker', tid: stack.brokerThread.ready.tid }]);
    const before = await cpu.sample();
    const auditCpu0 = audit.cpuSeconds();
    const appendStart = Date.now();
    let shown = 0;
    while (watch.latest < total) {
      await new Promise((r) => setTimeout(r, 250));
      if (Date.now() - shown > 5000) {
        shown = Date.now();
        log(`   ${n(watch.latest)} entries under a published checkpoint, ${n(watch.latest / ((Date.now() - appendStart) / 1000))}/s`);
      }
    }
    const appendSeconds = (Date.now() - appendStart) / 1000;
    const appendsPerSec = total / appendSeconds;
    log(`   ${n(total)} entries appended, published and checkpointed in ${appendSeconds.toFixed(1)} s: ${n(appendsPerSec)} appends/s (${watch.arrivals.length} checkpoints)`);
    for (const line of await cpu.report(before, total, 'entry')) log(line);
    log(`    audit service process: ${(audit.cpuSeconds() - auditCpu0).toFixed(1)} s (${Math.round(((audit.cpuSeconds() - auditCpu0) * 1e6) / total)} µs/entry)`);

    log(`3. checkpoint lag at a steady ${n(lagRate)} events/s for ${lagSeconds} s (source commit -> first published checkpoint covering the entry)`);
    const lagWatch = new CheckpointWatch(kafka);
    await lagWatch.follow(checkpointsTopic, entriesTopic, total);
    const lagStart = Date.now();
    let sent = 0;
    while (Date.now() - lagStart < lagSeconds * 1000) {
      const due = Math.floor(((Date.now() - lagStart) / 1000) * lagRate);
      const batch: Array<ReturnType<typeof sourceEvent>> = [];
      for (; sent < due; sent++) batch.push(sourceEvent(total + sent, new Date().toISOString()));
      for (const [t, group] of groupBy(batch, topic)) await producer.send(t, group);
      await new Promise((r) => setTimeout(r, 10));
    }
    const lagged = total + sent;
    while (lagWatch.latest < lagged || lagWatch.entryAt.size < sent) await new Promise((r) => setTimeout(r, 50));
    const lags = lagWatch.lags(total);
    await lagWatch.stop();
    const checkpointLagP99Ms = percentile(lags, 99);
    log(`   ${n(lags.length)} entries: lag p50 ${percentile(lags, 50)} ms, p99 ${checkpointLagP99Ms} ms, max ${percentile(lags, 100)} ms`);
    await producer.disconnect();
    await watch.stop();

    log(`4. the regulator tool verifies all ${n(lagged)} entries from offset 0 (npm run audit -- verify)`);
    const keys = await (await fetch(`${audit.url}/v1/regulator/audit/keys`, { headers: await serviceAuthHeaders('audit', { principal: { kind: 'regulator', id: 'R0001' } }) })).text();
    writeFileSync(join(dataDir, 'keys.json'), keys);
    const tool = await runTool(['verify', '--brokers', stack.brokers.join(','), '--keys', join(dataDir, 'keys.json'), '--entries-topic', entriesTopic, '--checkpoints-topic', checkpointsTopic, '--json']);
    if (!tool.report.ok) throw new Error(`the clean log did not verify: ${JSON.stringify(tool.report.problems).slice(0, 500)}`);
    const verifyPerSec = tool.report.entriesPerSec;
    log(`   ok: ${n(tool.report.entries)} entries, ${tool.report.checkpointsVerified} checkpoints verified, ${tool.report.activity.enterprises} activity records rebuilt; replay ${tool.report.seconds.toFixed(1)} s = ${n(verifyPerSec)} entries/s (process ${tool.wallSeconds.toFixed(1)} s with start-up, cpu ${tool.cpuSeconds.toFixed(1)} s = ${n(tool.report.entries / tool.cpuSeconds)} per CPU-second)`);

    log(`5. inclusion proofs at ${n(lagged)} (1,000 random entries, GET /v1/regulator/audit/proofs/inclusion on the service)`);
    // Service tokens live a minute: a fresh one every 100 rounds, signed outside the timed calls.
    let headers = await serviceAuthHeaders('audit', { principal: { kind: 'regulator', id: 'R0001' } });
    const times: number[] = [];
    const baselineTimes: number[] = [];
    const timedGet = async (path: string, into: number[]) => {
      const t = performance.now();
      const res = await fetch(`${audit!.url}${path}`, { headers });
      await res.json();
      into.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    };
    // Interleaved with a baseline on the same route stack (the regulator's service token, one indexed read):
    // what a proof costs beyond an authenticated round trip.
    for (let i = 0; i < 1000; i++) {
      if (i % 100 === 99) headers = await serviceAuthHeaders('audit', { principal: { kind: 'regulator', id: 'R0001' } });
      await timedGet(`/v1/regulator/audit/proofs/inclusion?seq=${Math.floor(Math.random() * lagged)}`, times);
      await timedGet('/v1/regulator/audit/checkpoint', baselineTimes);
    }
    const inclusionProofP99Ms = Number(percentile(times, 99).toFixed(2));
    log(`   p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${inclusionProofP99Ms} ms`);
    log(`   baseline, GET /v1/regulator/audit/checkpoint between them: p50 ${percentile(baselineTimes, 50).toFixed(2)} ms, p99 ${percentile(baselineTimes, 99).toFixed(2)} ms`);
    await audit.stop();

    log('6. baseline: SHA-256 of the same entry bytes in a tight loop');
    let hashed = 0;
    let hashMs = 0;
    for (let from = 0; from < lagged; from += 100_000) {
      const { rows } = await db.query<{ bytes: Buffer }>(`SELECT bytes FROM audit.entries WHERE seq >= $1 AND seq < $2`, [from, from + 100_000]);
      const t = performance.now();
      for (const r of rows) hash('sha256', r.bytes, 'buffer');
      hashMs += performance.now() - t;
      hashed += rows.length;
    }
    const hashOnlyPerSec = hashed / (hashMs / 1000);
    log(`   ${n(hashOnlyPerSec)} entries/s; load average now ${loadavg()[0].toFixed(1)}`);
    log(JSON.stringify({ entries: lagged, loadAverage: loadavg()[0], appendSeconds, checkpoints: watch.arrivals.length, lagP50Ms: percentile(lags, 50), verifyCpuSeconds: tool.cpuSeconds, proofP50Ms: percentile(times, 50), checkpointReadP50Ms: percentile(baselineTimes, 50), checkpointReadP99Ms: percentile(baselineTimes, 99) }));
    log(JSON.stringify({ appendsPerSec: Math.round(appendsPerSec), verifyPerSec, inclusionProofP99Ms, checkpointLagP99Ms, hashOnlyPerSec: Math.round(hashOnlyPerSec) }));
  } finally {
    if (audit?.child.exitCode === null) audit.child.kill('SIGKILL'); // a failed run leaves no service behind
    await pool.end();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** --profile: V8 CPU profiles of the service and the tool into .bench/profiles (where their time goes). */
function profileArgs(): string[] {
  return process.argv.includes('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${join(repoRoot, '.bench', 'profiles')}`] : [];
}

function groupBy(events: Array<ReturnType<typeof sourceEvent>>, topicOf: (c: BoundedContext) => string): Map<string, Array<{ key: string; value: string }>> {
  const out = new Map<string, Array<{ key: string; value: string }>>();
  for (const { context, envelope } of events) {
    const t = topicOf(context);
    if (!out.has(t)) out.set(t, []);
    out.get(t)!.push({ key: envelope.subject!, value: JSON.stringify(envelope) });
  }
  return out;
}

async function runTool(args: string[]): Promise<{ report: { ok: boolean; entries: number; checkpointsVerified: number; entriesPerSec: number; seconds: number; activity: { enterprises: number }; problems: unknown[] }; wallSeconds: number; cpuSeconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...profileArgs(), join(repoRoot, 'apps', 'audit', 'dist', 'regulator-tool', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  if (code !== 0 && code !== 1) throw new Error(`the tool exited ${code ?? signal}: ${out.slice(-2000)}`);
  const report = JSON.parse(out.trim().split('\n').pop()!);
  return { report, wallSeconds: (performance.now() - started) / 1000, cpuSeconds: report.cpuSeconds };
}

void main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
