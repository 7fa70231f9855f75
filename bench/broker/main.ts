import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrokerChild } from './broker.child';
import { latencyRun } from './latency.run';
import { loopbackMbPerSec } from './loopback.run';
import { produceThenConsume, writeInput } from './throughput.run';

// npm run bench -- broker [--scale 0.1]: kcat-driven throughput and latency of the broker CLI, beside the
// loopback socket ceiling. The last line printed is the JSON summary.
const log = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  const scaleAt = process.argv.indexOf('--scale');
  const scale = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
  const small = Math.round(1_000_000 * scale);
  const large = Math.round(200_000 * scale);
  const work = mkdtempSync(join(tmpdir(), 'cfc-bench-broker-'));
  const broker = await startBrokerChild(join(work, 'data'));
  log(`broker CLI listening on ${broker.address}, data in ${work}; load average ${loadavg()[0].toFixed(1)} on this machine`);
  try {
    log(`writing inputs: ${small} x 100 B, ${large} x 1 KiB`);
    writeInput(join(work, 'small.txt'), small, 100);
    writeInput(join(work, 'large.txt'), large, 1024);

    log(`100 B messages (kcat -P, then kcat -C):`);
    const s = await produceThenConsume(broker.address, 'bench-100b', join(work, 'small.txt'), small, 100, log);
    log(`  produce ${s.produceMsgsPerSec} msg/s, consume ${s.consumeMsgsPerSec} msg/s`);
    rmSync(join(work, 'small.txt'));

    log(`1 KiB messages (kcat -P, then kcat -C):`);
    const l = await produceThenConsume(broker.address, 'bench-1kib', join(work, 'large.txt'), large, 1024, log);
    log(`  produce ${l.produceMbPerSec} MB/s, consume ${l.consumeMbPerSec} MB/s`);
    rmSync(join(work, 'large.txt'));

    log(`end-to-end latency (kafkajs-encoded acks=all produce per message -> broker -> kcat consumer):`);
    const lat = await latencyRun(broker.address, 'bench-latency', 1000, 10, log);
    log(`  ${lat.received}/${lat.sent} received, p50 ${lat.p50Ms} ms, p99 ${lat.p99Ms} ms, max ${lat.maxMs} ms; acks p50 ${lat.ackP50Ms} ms, p99 ${lat.ackP99Ms} ms`);

    const loopbackBytes = large * 1024;
    log(`loopback ceiling: plain node sockets moving ${loopbackBytes} bytes`);
    const loopback = await loopbackMbPerSec(loopbackBytes);
    log(`  ${loopback} MB/s`);

    const summary = {
      msgsPerSec: Math.min(s.produceMsgsPerSec, s.consumeMsgsPerSec),
      mbPerSec: Math.min(l.produceMbPerSec, l.consumeMbPerSec),
      e2eP99Ms: lat.p99Ms,
      loopbackMbPerSec: loopback,
      produceMsgsPerSec: s.produceMsgsPerSec,
      consumeMsgsPerSec: s.consumeMsgsPerSec,
      produceMbPerSec: l.produceMbPerSec,
      consumeMbPerSec: l.consumeMbPerSec,
      e2eP50Ms: lat.p50Ms,
      ackP99Ms: lat.ackP99Ms,
      e2eReceived: lat.received,
      scale,
      // Other work on the machine takes cores from both the broker and kcat: read the figures with it.
      loadAvg1m: Math.round(loadavg()[0] * 10) / 10,
    };
    await broker.stop();
    log(JSON.stringify(summary));
  } finally {
    await broker.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench broker failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
