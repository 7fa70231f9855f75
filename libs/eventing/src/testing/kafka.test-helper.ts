import { randomUUID } from 'node:crypto';
import type { IncomingMessage, MessagingClient } from '@cfc/platform';

// Test support for eventing's Kafka suites (not exported from the package).

/** Waits until `check` returns a truthy value, polling; fails with `what` after the timeout. */
export async function eventually<T>(what: string, check: () => Promise<T> | T, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Header of the end markers readTopic appends; readers skip messages that carry it. */
export const END_MARKER_HEADER = 'cfc-test-end-marker';

/**
 * Reads a topic from the beginning with a throwaway group until `count` messages arrived, then appends an
 * end marker to each of its `partitions` and reads on until every marker is back. Whatever was on the
 * topic before the markers (a duplicate included) has then been read: the count is final, not a guess
 * after a pause. Returns the messages without markers (of this call or earlier ones).
 */
export async function readTopic(client: MessagingClient, topic: string, count: number, groupId: string, partitions = 1): Promise<IncomingMessage[]> {
  // Short fetch waits: stop() waits for the fetch in flight, which on a quiet topic lasts maxWaitMs.
  const consumer = client.consumer({ groupId, maxWaitMs: 100 });
  const seen: IncomingMessage[] = [];
  const marker = `end-${randomUUID()}`;
  const markersBack = new Set<number>();
  await consumer.connect();
  try {
    await consumer.subscribe([topic], { fromBeginning: true });
    await consumer.run({
      eachMessage: async (m) => {
        if (m.headers[END_MARKER_HEADER] === marker) markersBack.add(m.partition);
        else if (m.headers[END_MARKER_HEADER] === undefined) seen.push(m);
      },
    });
    await eventually(`${count} messages on ${topic}`, () => seen.length >= count);
    const producer = client.producer();
    await producer.connect();
    try {
      await producer.send(topic, Array.from({ length: partitions }, (_, partition) => ({ key: null, value: marker, headers: { [END_MARKER_HEADER]: marker }, partition })));
    } finally {
      await producer.disconnect();
    }
    await eventually(`the end markers on ${topic}`, () => markersBack.size === partitions);
    return [...seen];
  } finally {
    await consumer.stop();
    await consumer.disconnect();
  }
}

/** Creates topics for one test; returns their names in order. */
export async function createTopics(client: MessagingClient, ...topics: Array<{ topic: string; partitions: number }>): Promise<string[]> {
  const admin = client.admin();
  await admin.connect();
  try {
    await admin.ensureTopics(topics);
  } finally {
    await admin.disconnect();
  }
  return topics.map((t) => t.topic);
}

/** Creates one single-partition topic for a test (give it a unique name); returns the name. */
export async function newEventTopic(client: MessagingClient, topic: string): Promise<string> {
  await createTopics(client, { topic, partitions: 1 });
  return topic;
}
