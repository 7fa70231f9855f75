import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { kcatSasl, writeBenchAuthFile, type BenchLogin } from './bench.login';
import { startBrokerChild } from './broker.child';
import { latencyRun } from './latency.run';
import { loopbackMbPerSec } from './loopback.run';
import { produceThenConsume, writeInput } from './throughput.run';

// npm run bench -- broker [--scale 0.1] [--phase open|sasl|both]: kcat-driven throughput and latency of
// the broker CLI, without auth and with SASL (SCRAM-SHA-256) and ACLs, beside the loopback socket ceiling.
// The goals hold with SASL on; the open phase is the baseline of the same run. The last line is the JSON summary.
const log = (s: string) => process.stdout.write(`${s}\n`);

interface PhaseResult {
  msgsPerSec: number;
  mbPerSec: number;
  e2eP99Ms: number;
  produceMsgsPerSec: number;
  consumeMsgsPerSec: number;
  produceMbPerSec: number;
  consumeMbPerSec: number;
  e2eP50Ms: number;
  ackP99Ms: number;
  e2eReceived: number;
}

async function phase(name: string, work: string, inputs: { small: string; large: string; smallCount: number; largeCount: number }, login?: BenchLogin, authFile?: string): Promise<PhaseResult> {
  const broker = await startBrokerChild(join(work, `data-${name}`), authFile);
  log(`[${name}] broker CLI listening on ${broker.address}${login ? ' with SASL and ACLs (kcat logs in with SCRAM-SHA-256 as an ordinary user)' : ' without authentication'}`);
  try {
    const sasl = kcatSasl(login);
    log(`[${name}] 100 B messages (kcat -P, then kcat -C):`);
    const s = await produceThenConsume(broker.address, 'bench-100b', inputs.small, inputs.smallCount, 100, log, sasl);
    log(`  produce ${s.produceMsgsPerSec} msg/s, consume ${s.consumeMsgsPerSec} msg/s`);
    log(`[${name}] 1 KiB messages (kcat -P, then kcat -C):`);
    const l = await produceThenConsume(broker.address, 'bench-1kib', inputs.large, inputs.largeCount, 1024, log, sasl);
    log(`  produce ${l.produceMbPerSec} MB/s, consume ${l.consumeMbPerSec} MB/s`);
    log(`[${name}] end-to-end latency (kafkajs-encoded acks=all produce per message -> broker -> kcat consumer):`);
    const lat = await latencyRun(broker.address, 'bench-latency', 1000, 10, log, login);
    log(`  ${lat.received}/${lat.sent} received, p50 ${lat.p50Ms} ms, p99 ${lat.p99Ms} ms, max ${lat.maxMs} ms; acks p50 ${lat.ackP50Ms} ms, p99 ${lat.ackP99Ms} ms`);
    return {
      msgsPerSec: Math.min(s.produceMsgsPerSec, s.consumeMsgsPerSec),
      mbPerSec: Math.min(l.produceMbPerSec, l.consumeMbPerSec),
      e2eP99Ms: lat.p99Ms,
      produceMsgsPerSec: s.produceMsgsPerSec,
      consumeMsgsPerSec: s.consumeMsgsPerSec,
      produceMbPerSec: l.produceMbPerSec,
      consumeMbPerSec: l.consumeMbPerSec,
      e2eP50Ms: lat.p50Ms,
      ackP99Ms: lat.ackP99Ms,
      e2eReceived: lat.received,
    };
  } finally {
    await broker.stop();
  }
}

async function main(): Promise<void> {
  const arg = (flag: string) => (process.argv.indexOf(flag) > 0 ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
  const scale = Number(arg('--scale') ?? 1);
  const which = arg('--phase') ?? 'both';
  if (!['open', 'sasl', 'both'].includes(which)) throw new Error(`--phase must be open, sasl or both, got ${which}`);
  const smallCount = Math.round(1_000_000 * scale);
  const largeCount = Math.round(200_000 * scale);
  const work = mkdtempSync(join(tmpdir(), 'cfc-bench-broker-'));
  log(`load average ${loadavg()[0].toFixed(1)} on this machine; work in ${work}`);
  try {
    log(`writing inputs: ${smallCount} x 100 B, ${largeCount} x 1 KiB`);
    const inputs = { small: join(work, 'small.txt'), large: join(work, 'large.txt'), smallCount, largeCount };
    writeInput(inputs.small, smallCount, 100);
    writeInput(inputs.large, largeCount, 1024);

    const open = which === 'sasl' ? undefined : await phase('open', work, inputs);
    let sasl: PhaseResult | undefined;
    if (which !== 'open') {
      mkdirSync(join(work, 'auth'));
      const { file, login } = await writeBenchAuthFile(join(work, 'auth'));
      sasl = await phase('sasl', work, inputs, login, file);
    }

    const loopbackBytes = largeCount * 1024;
    log(`loopback ceiling: plain node sockets moving ${loopbackBytes} bytes`);
    const loopback = await loopbackMbPerSec(loopbackBytes);
    log(`  ${loopback} MB/s`);

    const headline = (sasl ?? open)!;
    const summary = {
      // The goals (>= 200 k msg/s, >= 100 MB/s, p99 <= 10 ms) are judged with SASL and ACLs on.
      auth: sasl ? 'sasl' : 'off',
      msgsPerSec: headline.msgsPerSec,
      mbPerSec: headline.mbPerSec,
      e2eP99Ms: headline.e2eP99Ms,
      loopbackMbPerSec: loopback,
      sasl,
      open,
      scale,
      // Other work on the machine takes cores from both the broker and kcat: read the figures with it.
      loadAvg1m: Math.round(loadavg()[0] * 10) / 10,
    };
    log(JSON.stringify(summary));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench broker failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
