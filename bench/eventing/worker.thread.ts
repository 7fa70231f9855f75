import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A bench worker thread that posts one message when ready and one when stopped. */
export interface BenchThread<Ready> {
  ready: Ready;
  /** The thread's event-loop busy time, as performance.eventLoopUtilization() reports it. */
  eventLoopUtilization: Worker['performance']['eventLoopUtilization'];
  stop(): Promise<void>;
}

/** Starts `<name>.js` beside this file on a worker thread and waits for its first message. */
export async function startThread<Ready>(name: string, workerData: unknown): Promise<BenchThread<Ready>> {
  const worker = new Worker(join(__dirname, `${name}.js`), { workerData });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    ready,
    eventLoopUtilization: (...args) => worker.performance.eventLoopUtilization(...args),
    stop: async () => {
      const stopped = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      await stopped;
      clearTimeout(timer);
    },
  };
}
