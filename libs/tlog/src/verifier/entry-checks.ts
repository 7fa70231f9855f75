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

/** Checks entries in topic order, batch by batch, on this thread or on a pool of workers. */
export function checkEntries(entries: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: EntryCheckOptions): AsyncGenerator<CheckedEntry[]> {
  return options.workers > 0 ? pooled(entries, options) : inline(entries, options.batchSize);
}

async function* inline(entries: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, batchSize: number): AsyncGenerator<CheckedEntry[]> {
  let batch: CheckedEntry[] = [];
  for await (const entry of entries) {
    batch.push(checkEntry(entry));
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
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

async function* pooled(entries: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: EntryCheckOptions): AsyncGenerator<CheckedEntry[]> {
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
    let batch: Uint8Array[] = [];
    for await (const entry of entries) {
      batch.push(entry);
      if (batch.length < options.batchSize) continue;
      submit(batch);
      batch = [];
      if (inFlight.length >= 2 * pool.length) yield await (inFlight.shift() as Promise<CheckedEntry[]>);
    }
    if (batch.length > 0) submit(batch);
    while (inFlight.length > 0) yield await (inFlight.shift() as Promise<CheckedEntry[]>);
  } finally {
    await Promise.all(pool.map((w) => w.stop()));
  }
}
