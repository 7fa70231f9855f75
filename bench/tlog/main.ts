import { hash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { CompactRange, inclusionProof, leafHash, MemoryNodeStore, replayAuditLog, TileCutter, verifyInclusion, type NodeHash } from '@cfc/tlog';
import { sampleLog } from './sample-log';

// npm run bench -- tlog [--entries 300000]: the @cfc/tlog core on this machine, in memory (no I/O): a tight
// SHA-256 loop over the entries' bytes (the hashing limit), appends with tile cutting, the regulator's
// replay verifier (twice, the better run reported), and inclusion proofs. Each rate is given per
// wall-clock second and per CPU-second (this process's CPU time: what the work costs, whatever else the
// shared machine runs meanwhile). Last line: JSON.
const log = (s: string) => process.stdout.write(`${s}\n`);

interface Rates {
  readonly perSec: number;
  readonly perCpuSec: number;
}

async function timed(count: number, work: () => unknown): Promise<Rates> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { perSec: Math.round((count / (performance.now() - start)) * 1000), perCpuSec: Math.round((count / (used.user + used.system)) * 1e6) };
}

const show = (r: Rates, unit: string) => `${r.perSec} ${unit}/s (${r.perCpuSec} per CPU-second)`;

/** As a Kafka consumer hands values over: in batches, one await each. */
async function* asDelivered(values: readonly Buffer[]): AsyncGenerator<Buffer[]> {
  for (let i = 0; i < values.length; i += 500) yield await Promise.resolve(values.slice(i, i + 500));
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--entries');
  const size = at > 0 ? Number(process.argv[at + 1]) : 300_000;
  log(`building ${size} audit entries (JCS) with a signed checkpoint every 1,000; load average ${loadavg()[0].toFixed(1)}, ${availableParallelism()} cores`);
  const sample = sampleLog(size, 1000);
  const avgBytes = Math.round(sample.bytes / size);
  log(`  ${sample.bytes} bytes, ${avgBytes} bytes per entry on average, ${sample.checkpoints.length} checkpoints`);

  log('baseline: SHA-256 of every entry in a tight loop (crypto.hash)');
  const hashOnly = await timed(size, () => {
    for (const e of sample.entries) hash('sha256', e, 'buffer');
  });
  log(`  ${show(hashOnly, 'entries')}`);

  log('append: leaf hash + compact range + tile cutting, root and partial tiles at every 1,000th');
  const tree = CompactRange.empty();
  const cutter = TileCutter.empty();
  const emitted: NodeHash[][] = [];
  let tiles = 0;
  const appends = await timed(size, () => {
    for (const e of sample.entries) {
      const nodes = tree.appendData(e);
      emitted.push(nodes);
      tiles += cutter.add(nodes).length;
      if (tree.size % 1000 === 0) {
        tree.root();
        tiles += cutter.partialTiles().length;
      }
    }
  });
  log(`  ${show(appends, 'appends')}; ${tiles} tiles cut (the node hashes a service would write to its table are only collected)`);

  log('replay verifier (JSON, JCS, seq, roots, signatures, consistency), twice:');
  const runs: Rates[] = [];
  for (let run = 0; run < 2; run++) {
    let covered = 0;
    runs.push(
      await timed(size, async () => {
        const result = await replayAuditLog({ entries: asDelivered(sample.entries), checkpoints: sample.checkpoints, trustedKeys: sample.trustedKeys });
        if (!result.ok) throw new Error(`replay of a clean log failed: ${JSON.stringify(result.problems.slice(0, 3))}`);
        covered = result.counts.entriesCovered;
      }),
    );
    log(`  ${show(runs[run], 'entries')}, ${covered} entries covered by verified checkpoints`);
  }
  const verify = runs[0].perSec >= runs[1].perSec ? runs[0] : runs[1];

  log(`inclusion proofs at size ${size} from stored node hashes (1,000 random leaves, each verified)`);
  const store = new MemoryNodeStore();
  for (const nodes of emitted) store.put(nodes);
  const durations: number[] = [];
  const root = tree.root();
  for (let i = 0; i < 1000; i++) {
    const index = Math.floor(Math.random() * size);
    const start = performance.now();
    const proof = await inclusionProof(index, size, store);
    durations.push(performance.now() - start);
    if (!verifyInclusion(index, size, leafHash(sample.entries[index]), proof, root)) throw new Error(`proof of ${index} does not verify`);
  }
  durations.sort((a, b) => a - b);
  const inclusionProofP99Ms = Math.round(durations[989] * 1000) / 1000;
  log(`  p99 ${inclusionProofP99Ms} ms`);

  log(
    JSON.stringify({
      verifyPerSec: verify.perSec,
      verifyPerCpuSec: verify.perCpuSec,
      appendsPerSec: appends.perSec,
      appendsPerCpuSec: appends.perCpuSec,
      hashOnlyPerSec: hashOnly.perSec,
      hashOnlyPerCpuSec: hashOnly.perCpuSec,
      inclusionProofP99Ms,
      entries: size,
      avgEntryBytes: avgBytes,
      loadAvg1m: Math.round(loadavg()[0] * 10) / 10,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
