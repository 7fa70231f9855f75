import { openSync, writeSync, closeSync } from 'node:fs';
import { kcat } from './kcat.process';

/** Rates of one produce-then-consume run. */
export interface Throughput {
  produceMsgsPerSec: number;
  consumeMsgsPerSec: number;
  produceMbPerSec: number;
  consumeMbPerSec: number;
}

/** Writes `count` newline-terminated messages of exactly `size` bytes (newline excluded) to `file`. */
export function writeInput(file: string, count: number, size: number): number {
  const line = Buffer.alloc(size + 1);
  const chunkLines = Math.max(1, Math.floor((4 << 20) / line.length));
  const chunk = Buffer.alloc(chunkLines * line.length);
  const fd = openSync(file, 'w');
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let written = 0; written < count; written += chunkLines) {
    const n = Math.min(chunkLines, count - written);
    for (let i = 0; i < n; i++) {
      const at = i * line.length;
      const id = String(written + i).padStart(10, '0');
      chunk.write(id, at);
      for (let j = id.length; j < size; j++) chunk[at + j] = alphabet.charCodeAt((written + i + j) % alphabet.length);
      chunk[at + size] = 0x0a;
    }
    writeSync(fd, chunk, 0, n * line.length);
  }
  closeSync(fd);
  return count * size;
}

// Batching so that librdkafka, not request count, sets the pace.
const PRODUCER = ['-X', 'linger.ms=5', '-X', 'batch.num.messages=10000', '-X', 'batch.size=1000000', '-X', 'queue.buffering.max.messages=2000000', '-X', 'queue.buffering.max.kbytes=2097151'];
const CONSUMER = ['-X', 'fetch.max.bytes=52428800', '-X', 'max.partition.fetch.bytes=16777216', '-X', 'queued.min.messages=1000000'];

/** kcat -P of the whole file, then kcat -C from the beginning to the end, each timed by wall clock. */
export async function produceThenConsume(broker: string, topic: string, file: string, count: number, size: number, log: (s: string) => void): Promise<Throughput> {
  const payload = count * size;
  let t = performance.now();
  await kcat(['-P', '-b', broker, '-t', topic, '-p', '0', '-l', file, ...PRODUCER], () => undefined, 180_000).done;
  const produceSec = (performance.now() - t) / 1000;
  log(`  produced ${count} x ${size} B in ${produceSec.toFixed(2)} s`);

  let bytes = 0;
  let lines = 0;
  t = performance.now();
  const run = kcat(['-C', '-b', broker, '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', ...CONSUMER], (chunk) => {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }, 180_000);
  await run.done;
  const consumeSec = (performance.now() - t) / 1000;
  log(`  consumed ${lines} messages, ${bytes} bytes in ${consumeSec.toFixed(2)} s`);
  if (lines !== count || bytes !== payload + count) throw new Error(`consumed ${lines} messages / ${bytes} bytes, expected ${count} / ${payload + count}`);
  return {
    produceMsgsPerSec: Math.round(count / produceSec),
    consumeMsgsPerSec: Math.round(count / consumeSec),
    produceMbPerSec: round1(payload / 1e6 / produceSec),
    consumeMbPerSec: round1(payload / 1e6 / consumeSec),
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
