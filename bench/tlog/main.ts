import { hash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { CompactRange, inclusionProof, MemoryNodeStore, replayAuditLog, TileCutter, verifyInclusion, leafHash } from '@cfc/tlog';
import { sampleLog } from './sample-log';

// npm run bench -- tlog [--entries 300000]: the @cfc/tlog core on this machine, in-memory (no I/O): a tight
// SHA-256 loop over the entries' bytes (the hashing limit), appends with tile cutting, the regulator's
// replay verifier (on this thread, then with worker threads), and inclusion proofs. Last line: JSON.
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

  log('append: leaf hash + compact range + tile cutting, root at every 1,000th');
  const tree = CompactRange.empty();
  const cutter = TileCutter.empty();
  const store = new MemoryNodeStore();
  let tiles = 0;
  t = now();
  for (const e of sample.entries) {
    const nodes = tree.appendData(e);
    tiles += cutter.add(nodes).length;
    store.put(nodes);
    if (tree.size % 1000 === 0) tree.root();
  }
  const appendsPerSec = perSec(size, now() - t);
  log(`  ${appendsPerSec} appends/s (${tiles} full tiles cut; node hashes kept in a Map, as a stand-in for the table)`);

  const verify = async (workers: number) => {
    const start = now();
    const result = await replayAuditLog({ entries: asDelivered(sample.entries), checkpoints: sample.checkpoints, trustedKeys: sample.trustedKeys, workers });
    const rate = perSec(size, now() - start);
    if (!result.ok || result.counts.entriesCovered !== size) throw new Error(`replay of a clean log failed: ${JSON.stringify(result.problems.slice(0, 3))}`);
    log(`  ${workers === 0 ? 'this thread' : `${workers} worker threads`}: ${rate} entries/s, ${result.counts.checkpointsVerified} checkpoints verified`);
    return rate;
  };
  log('replay verifier (JSON, JCS, seq, roots, signatures, consistency):');
  const verifyInlinePerSec = await verify(0);
  const verifyWorkersPerSec = await verify(2);

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
      verifyPerSec: Math.max(verifyInlinePerSec, verifyWorkersPerSec),
      verifyInlinePerSec,
      verifyWorkersPerSec,
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
