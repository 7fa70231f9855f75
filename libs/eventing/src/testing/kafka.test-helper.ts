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

/** Reads a topic from the beginning with a throwaway group until `count` messages arrived. */
export async function readTopic(client: MessagingClient, topic: string, count: number, groupId: string): Promise<IncomingMessage[]> {
  const consumer = client.consumer({ groupId });
  const seen: IncomingMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe([topic], { fromBeginning: true });
    await consumer.run({ eachMessage: async (m) => void seen.push(m) });
    await eventually(`${count} messages on ${topic}`, () => seen.length >= count);
    await new Promise((r) => setTimeout(r, 200)); // and no more than that
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
