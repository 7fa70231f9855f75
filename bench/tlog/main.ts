import { hash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { CompactRange, inclusionProof, leafHash, MemoryNodeStore, replayAuditLog, TileCutter, verifyInclusion, type NodeHash } from '@cfc/tlog';
import { sampleLog } from './sample-log';

// npm run bench -- tlog [--entries 300000]: the @cfc/tlog core on this machine, in-memory (no I/O): a tight
// SHA-256 loop over the entries' bytes (the hashing limit), appends with tile cutting, the regulator's
// replay verifier (twice: the better run is reported), and inclusion proofs. Last line: JSON.
const log = (s: string) => process.stdout.write(`${s}\n`);
const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000);
const now = () => performance.now();

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
  let t = now();
  for (const e of sample.entries) hash('sha256', e, 'buffer');
  const hashOnlyPerSec = perSec(size, now() - t);
  log(`  ${hashOnlyPerSec} entries/s`);

  log('append: leaf hash + compact range + tile cutting, root and partial tiles at every 1,000th');
  const tree = CompactRange.empty();
  const cutter = TileCutter.empty();
  const emitted: NodeHash[][] = [];
  let tiles = 0;
  t = now();
  for (const e of sample.entries) {
    const nodes = tree.appendData(e);
    emitted.push(nodes);
    tiles += cutter.add(nodes).length;
    if (tree.size % 1000 === 0) {
      tree.root();
      tiles += cutter.partialTiles().length;
    }
  }
  const appendsPerSec = perSec(size, now() - t);
  log(`  ${appendsPerSec} appends/s (${tiles} tiles cut; the node hashes a service would write to its table are only collected here)`);
  const store = new MemoryNodeStore();
  for (const nodes of emitted) store.put(nodes);

  const verify = async () => {
    const start = now();
    const cpu = process.cpuUsage();
    const result = await replayAuditLog({ entries: asDelivered(sample.entries), checkpoints: sample.checkpoints, trustedKeys: sample.trustedKeys });
    const rate = perSec(size, now() - start);
    const used = process.cpuUsage(cpu);
    // CPU time of all threads: what the work costs, whatever else the shared machine runs meanwhile.
    const perCpuSec = perSec(size, (used.user + used.system) / 1000);
    if (!result.ok || result.counts.entriesCovered !== size) throw new Error(`replay of a clean log failed: ${JSON.stringify(result.problems.slice(0, 3))}`);
    log(`  ${rate} entries/s (${perCpuSec} per CPU-second), ${result.counts.checkpointsVerified} checkpoints verified`);
    return { rate, perCpuSec };
  };
  log('replay verifier (JSON, JCS, seq, roots, signatures, consistency), twice:');
  const first = await verify();
  const second = await verify();

  log(`inclusion proofs at size ${size} from stored node hashes (1,000 random leaves, each verified)`);
  const durations: number[] = [];
  const root = tree.root();
  for (let i = 0; i < 1000; i++) {
    const index = Math.floor(Math.random() * size);
    const start = now();
    const proof = await inclusionProof(index, size, store);
    durations.push(now() - start);
    if (!verifyInclusion(index, size, leafHash(sample.entries[index]), proof, root)) throw new Error(`proof of ${index} does not verify`);
  }
  durations.sort((a, b) => a - b);
  const inclusionProofP99Ms = Math.round(durations[989] * 1000) / 1000;
  log(`  p99 ${inclusionProofP99Ms} ms`);

  log(
    JSON.stringify({
      verifyPerSec: Math.max(first.rate, second.rate),
      verifyPerCpuSec: Math.max(first.perCpuSec, second.perCpuSec),
      appendsPerSec,
      hashOnlyPerSec,
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
