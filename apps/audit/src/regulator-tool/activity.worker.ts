import { parentPort, workerData } from 'node:worker_threads';
import { ActivityRebuild } from './activity.rebuild';

// The activity rebuild on a thread of its own, beside the replay: batches arrive as one buffer and the
// lengths of its values (transferred, not copied); each is acknowledged, so the sender can bound the queue.
const rebuild = new ActivityRebuild((workerData as { outFile?: string }).outFile);
parentPort!.on('message', async (message: { kind: 'batch'; bytes: ArrayBuffer; lengths: number[] } | { kind: 'finish' }) => {
  if (message.kind === 'finish') {
    parentPort!.postMessage({ kind: 'summary', summary: await rebuild.finish() });
    return;
  }
  const all = Buffer.from(message.bytes);
  const values: Buffer[] = [];
  let at = 0;
  for (const length of message.lengths) values.push(all.subarray(at, (at += length)));
  rebuild.add(values);
  parentPort!.postMessage({ kind: 'ack' });
});
