import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { createKafkaClient, type IncomingMessage, type MessagingClient } from '.';

describeIntegration('kafkajs messaging port against the real broker', () => {
  let client: MessagingClient;
  beforeAll(() => {
    client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, clientId: uniqueName('port') });
  });

  async function topicWith(partitions: number): Promise<string> {
    const topic = uniqueName('port_topic');
    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic, partitions }]);
    await admin.ensureTopics([{ topic, partitions }]); // idempotent
    expect(await admin.listTopics()).toContain(topic);
    await admin.ping();
    await admin.disconnect();
    return topic;
  }

  it('delivers key, value, headers in order per key, and commits only handled offsets', async () => {
    const topic = await topicWith(2);
    const producer = client.producer({ idempotent: true });
    await producer.connect();
    await producer.send(topic, [1, 2, 3].map((n) => ({ key: 'k1', value: `v${n}`, headers: { n: String(n) } })));
    await producer.disconnect();

    const groupId = uniqueName('group');
    const seen: IncomingMessage[] = [];
    const first = client.consumer({ groupId });
    await first.connect();
    await first.subscribe([topic], { fromBeginning: true });
    let failOnce = true;
    await new Promise<void>((resolve, reject) => {
      first
        .run({
          eachMessage: async (m) => {
            if (m.value?.toString() === 'v3' && failOnce) {
              failOnce = false;
              throw new Error('handler failed'); // not committed: must come again
            }
            seen.push(m);
            if (seen.length === 3) resolve();
          },
        })
        .catch(reject);
    });
    await first.disconnect();
    expect(seen.map((m) => m.value?.toString())).toEqual(['v1', 'v2', 'v3']);
    expect(seen.map((m) => m.headers.n)).toEqual(['1', '2', '3']);
    expect(seen.every((m) => m.key === 'k1' && m.topic === topic && m.timestamp > 0)).toBe(true);

    // A new member of the same group starts after the committed offsets: nothing is redelivered.
    const producer2 = client.producer();
    await producer2.connect();
    await producer2.send(topic, [{ key: 'k1', value: 'v4' }]);
    await producer2.disconnect();
    const second = client.consumer({ groupId });
    await second.connect();
    await second.subscribe([topic], { fromBeginning: true });
    const next = await new Promise<string>((resolve) => {
      void second.run({ eachMessage: async (m) => resolve(m.value!.toString()) });
    });
    await second.disconnect();
    expect(next).toBe('v4');
  });
});
