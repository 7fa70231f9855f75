import { parentPort } from 'node:worker_threads';
import { checkBatch, type EncodedBatch } from './entry-batch';

// A worker of the replay verifier's pool: checks batches of entries, answers in the order received.
parentPort?.on('message', (batch: EncodedBatch) => {
  const checked = checkBatch(batch);
  parentPort?.postMessage(checked, [checked.leaves.buffer, checked.seqs.buffer, checked.problems.buffer] as ArrayBuffer[]);
});
