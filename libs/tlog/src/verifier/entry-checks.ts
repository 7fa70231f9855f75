import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkEntry, type CheckedEntry } from './entry-check';
import { decodeCheckedBatch, encodeBatch, type CheckedBatch } from './entry-batch';

export interface EntryCheckOptions {
  /** Worker threads for the per-entry work (parse, JCS check, leaf hash); 0 checks on this thread. */
  readonly workers: number;
  readonly batchSize: number;
  /** The compiled worker script; defaults to the one beside this file in dist/. */
  readonly workerScript?: string;
}

/**
 * Entry values in topic order: one at a time, or in batches as a Kafka consumer hands them over
 * (cheaper: an await per batch instead of one per entry).
 */
export type EntrySource = AsyncIterable<Uint8Array | readonly Uint8Array[]> | Iterable<Uint8Array | readonly Uint8Array[]>;

/** Checks entries in topic order, batch by batch, on this thread or on a pool of workers. */
export function checkEntries(entries: EntrySource, options: EntryCheckOptions): AsyncGenerator<CheckedEntry[]> {
  return options.workers > 0 ? pooled(entries, options) : inline(entries, options.batchSize);
}

/** Flattens the source into batches of about `batchSize` values, iterating sync sources without awaits. */
async function* rebatch(entries: EntrySource, batchSize: number): AsyncGenerator<Uint8Array[]> {
  let batch: Uint8Array[] = [];
  const take = function* (item: Uint8Array | readonly Uint8Array[]): Generator<Uint8Array[]> {
    if (item instanceof Uint8Array) batch.push(item);
    else for (const value of item) batch.push(value);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  };
  if (Symbol.asyncIterator in entries) for await (const item of entries) yield* take(item);
  else for (const item of entries) yield* take(item);
  if (batch.length > 0) yield batch;
}

async function* inline(entries: EntrySource, batchSize: number): AsyncGenerator<CheckedEntry[]> {
  for await (const batch of rebatch(entries, batchSize)) yield batch.map(checkEntry);
}

interface PoolWorker {
  run(entries: Uint8Array[]): Promise<CheckedEntry[]>;
  stop(): Promise<number>;
}

function startWorker(script: string): PoolWorker {
  const worker = new Worker(script);
  const waiting: { resolve: (b: CheckedEntry[]) => void; reject: (e: Error) => void }[] = [];
  worker.on('message', (batch: CheckedBatch) => waiting.shift()?.resolve(decodeCheckedBatch(batch)));
  worker.on('error', (error) => waiting.splice(0).forEach((w) => w.reject(error)));
  worker.on('exit', (code) => waiting.splice(0).forEach((w) => w.reject(new Error(`entry-check worker exited with code ${code}`))));
  return {
    run: (entries) =>
      new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        const batch = encodeBatch(entries);
        worker.postMessage(batch, [batch.data.buffer, batch.ends.buffer] as ArrayBuffer[]);
      }),
    stop: () => worker.terminate(),
  };
}

async function* pooled(entries: EntrySource, options: EntryCheckOptions): AsyncGenerator<CheckedEntry[]> {
  const script = options.workerScript ?? join(__dirname, 'entry-check.worker.js');
  const pool = Array.from({ length: options.workers }, () => startWorker(script));
  // Batches in flight, oldest first: results leave in topic order whichever worker finishes first.
  const inFlight: Promise<CheckedEntry[]>[] = [];
  let turn = 0;
  const submit = (batch: Uint8Array[]): void => {
    const result = pool[turn++ % pool.length].run(batch);
    result.catch(() => undefined); // awaited in order below; this only stops an early rejection from going unhandled
    inFlight.push(result);
  };
  try {
    for await (const batch of rebatch(entries, options.batchSize)) {
      submit(batch);
      if (inFlight.length >= 2 * pool.length) yield await (inFlight.shift() as Promise<CheckedEntry[]>);
    }
    while (inFlight.length > 0) yield await (inFlight.shift() as Promise<CheckedEntry[]>);
  } finally {
    await Promise.all(pool.map((w) => w.stop()));
  }
}
