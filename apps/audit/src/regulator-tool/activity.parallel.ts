import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ActivityRebuild, type ActivityRebuildSummary } from './activity.rebuild';

/** The activity rebuild, fed batch by batch: on a worker thread when the built script is there, else in this thread. */
export interface ActivitySink {
  add(values: readonly Uint8Array[]): Promise<void>;
  finish(): Promise<ActivityRebuildSummary>;
}

const MAX_IN_FLIGHT = 8;

export function activitySink(outFile?: string): ActivitySink {
  const script = join(__dirname, 'activity.worker.js');
  if (!existsSync(script)) {
    // Run from TypeScript sources (tests): the same rebuild, inline.
    const inline = new ActivityRebuild(outFile);
    return { add: async (values) => inline.add(values), finish: () => inline.finish() };
  }
  const worker = new Worker(script, { workerData: { outFile } });
  let inFlight = 0;
  let freed: (() => void) | undefined;
  let summary: ((s: ActivityRebuildSummary) => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (m: { kind: 'ack' } | { kind: 'summary'; summary: ActivityRebuildSummary }) => {
    if (m.kind === 'ack') {
      inFlight--;
      freed?.();
    } else summary?.(m.summary);
  });
  worker.on('error', (error) => {
    failure = error;
    freed?.();
  });
  return {
    async add(values) {
      if (failure) throw failure;
      while (inFlight >= MAX_IN_FLIGHT && !failure) await new Promise<void>((resolve) => (freed = resolve));
      // A buffer of its own (not the pool's) so that it can be transferred whole.
      const bytes = Buffer.allocUnsafeSlow(values.reduce((n, v) => n + v.length, 0));
      let at = 0;
      for (const v of values) {
        bytes.set(v, at);
        at += v.length;
      }
      const buffer = bytes.buffer as ArrayBuffer;
      inFlight++;
      worker.postMessage({ kind: 'batch', bytes: buffer, lengths: values.map((v) => v.length) }, [buffer]);
    },
    async finish() {
      if (failure) throw failure;
      const result = await new Promise<ActivityRebuildSummary>((resolve) => {
        summary = resolve;
        worker.postMessage({ kind: 'finish' });
      });
      await worker.terminate();
      return result;
    },
  };
}
