import type { IncomingMessage, MessagingClient } from '@cfc/platform';

/**
 * Every value of a one-partition topic from offset 0 up to the end it had when asked, in batches, read by
 * a consumer of a throwaway group that never commits (the group only makes fetching allowed).
 * Backpressure: at most `ahead` batches wait for the reader.
 */
export async function* readTopicFromStart(client: MessagingClient, topic: string, end: number, group: string, ahead = 8): AsyncGenerator<IncomingMessage[]> {
  if (end === 0) return;
  const queue: IncomingMessage[][] = [];
  let wakeReader: (() => void) | undefined;
  let wakeFetcher: (() => void) | undefined;
  let failure: unknown;
  let done = false;
  const consumer = client.consumer({ groupId: group, maxBytesPerPartition: 8 << 20, minBytes: 1, maxWaitMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe([topic], { fromBeginning: true });
    await consumer.run({
      eachBatch: async (batch) => {
        if (done) return;
        const wanted = batch.messages.filter((m) => Number(m.offset) < end);
        if (wanted.length > 0) queue.push(wanted);
        if (wanted.length < batch.messages.length || (wanted.length > 0 && Number(wanted[wanted.length - 1].offset) === end - 1)) done = true;
        wakeReader?.();
        while (queue.length >= ahead && !done) await new Promise<void>((resolve) => (wakeFetcher = resolve));
      },
    }).catch((error: unknown) => (failure = error));
    for (;;) {
      if (failure) throw failure;
      const next = queue.shift();
      if (next) {
        wakeFetcher?.();
        yield next;
        continue;
      }
      if (done) return;
      await new Promise<void>((resolve) => (wakeReader = resolve));
      wakeReader = undefined;
    }
  } finally {
    done = true;
    wakeFetcher?.();
    await consumer.stop().catch(() => undefined);
    await consumer.disconnect().catch(() => undefined);
  }
}

/** The high watermark of a topic's only partition (it must have exactly one). */
export async function topicEnd(client: MessagingClient, topic: string): Promise<number> {
  const admin = client.admin();
  await admin.connect();
  try {
    const partitions = await admin.topicOffsets(topic);
    if (partitions.length !== 1) throw new Error(`${topic} has ${partitions.length} partitions; the audit topics have one`);
    if (partitions[0].low !== '0') throw new Error(`${topic} no longer holds offset 0 (first offset ${partitions[0].low}): entries were deleted`);
    return Number(partitions[0].high);
  } finally {
    await admin.disconnect();
  }
}
