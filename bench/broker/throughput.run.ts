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
// 1 MiB fetches (librdkafka's default) keep one fetch's transfer overlapping the client's parsing of the last;
// 16 MiB fetches measured 2-3x slower here.
const CONSUMER = ['-X', 'max.partition.fetch.bytes=1048576', '-X', 'queued.min.messages=1000000'];

/** kcat -P of the whole file, then kcat -C from the beginning to the end, each timed by wall clock. */
export async function produceThenConsume(broker: string, topic: string, file: string, count: number, size: number, log: (s: string) => void, sasl: string[] = []): Promise<Throughput> {
  const payload = count * size;
  let t = performance.now();
  await kcat([...sasl, '-P', '-b', broker, '-t', topic, '-p', '0', '-l', file, ...PRODUCER], () => undefined, 180_000).done;
  const produceSec = (performance.now() - t) / 1000;
  log(`  produced ${count} x ${size} B in ${produceSec.toFixed(2)} s`);

  // kcat prints each message's size (-f '%S'), not its bytes: librdkafka still fetches every byte, but a
  // 200 MB pipe into this process would measure the pipe (2-3x slower here), not the broker.
  let bytes = 0;
  let lines = 0;
  let partial = '';
  t = performance.now();
  const run = kcat([...sasl, '-C', '-b', broker, '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%S\n', ...CONSUMER], (chunk) => {
    const text = partial + chunk.toString();
    const sizes = text.split('\n');
    partial = sizes.pop() ?? '';
    lines += sizes.length;
    for (const n of sizes) bytes += Number(n);
  }, 180_000);
  await run.done;
  const consumeSec = (performance.now() - t) / 1000;
  log(`  consumed ${lines} messages, ${bytes} bytes in ${consumeSec.toFixed(2)} s`);
  if (lines !== count || bytes !== payload) throw new Error(`consumed ${lines} messages / ${bytes} bytes, expected ${count} / ${payload}`);
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
