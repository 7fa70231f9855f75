import type { IncomingMessage, MessagingClient } from '@cfc/platform/kafka';

/**
 * Every value of a one-partition topic from offset 0 up to the end it had when asked, in batches, read by
 * a consumer of a throwaway group (the group only makes fetching allowed; nothing reads its commits). A
 * group that had commits would start elsewhere: that is refused, not skipped over.
 * Backpressure: at most `ahead` batches wait for the reader.
 */
export async function* readTopicFromStart(client: MessagingClient, topic: string, end: number, group: string, ahead = 8): AsyncGenerator<IncomingMessage[]> {
  if (end === 0) return;
  const queue: IncomingMessage[][] = [];
  let wakeReader: (() => void) | undefined;
  let wakeFetcher: (() => void) | undefined;
  let failure: unknown;
  let done = false;
  let expected = 0;
  const consumer = client.consumer({ groupId: group, maxBytesPerPartition: 8 << 20, minBytes: 1, maxWaitMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe([topic], { fromBeginning: true });
    await consumer.run({
      eachBatch: async (batch) => {
        if (done) return;
        if (batch.messages.length > 0 && Number(batch.messages[0].offset) !== expected) {
          failure = new Error(`${topic}: expected offset ${expected}, the group ${group} fetched from ${batch.messages[0].offset} (give a fresh --group)`);
          done = true;
          return wakeReader?.();
        }
        if (batch.messages.length > 0) expected = Number(batch.messages[batch.messages.length - 1].offset) + 1;
        const wanted = batch.messages.filter((m) => Number(m.offset) < end);
        if (wanted.length > 0) queue.push(wanted);
        if (wanted.length < batch.messages.length || (wanted.length > 0 && Number(wanted[wanted.length - 1].offset) === end - 1)) done = true;
        wakeReader?.();
        while (queue.length >= ahead && !done) await new Promise<void>((resolve) => (wakeFetcher = resolve));
        // Marks the batch consumed so the client fetches on (the port commits with it; nobody reads those commits).
        if (batch.messages.length > 0) await batch.commit(batch.messages[batch.messages.length - 1].offset);
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
