import { Kafka, logLevel, type Consumer, type ConsumerConfig } from 'kafkajs';

/** kafkajs settings that make rebalances take milliseconds instead of seconds. */
export const fastConsumer = {
  sessionTimeout: 2000,
  rebalanceTimeout: 3000,
  heartbeatInterval: 100,
  maxWaitTimeInMs: 100,
} satisfies Partial<ConsumerConfig>;

export function kafkaFor(address: string, clientId: string): Kafka {
  return new Kafka({ clientId, brokers: [address], logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 50 } });
}

/** Polls until check() holds, or fails with what it last saw. */
export async function eventually<T>(what: string, probe: () => Promise<T> | T, check: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return last;
}

/** Starts a consumer that records every value it receives under its own name. */
export async function recordingConsumer(
  kafka: Kafka,
  groupId: string,
  topic: string,
  seen: { member: string; value: string }[],
  member: string,
): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId, ...fastConsumer });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void seen.push({ member, value: String(message.value) }) });
  return consumer;
}
