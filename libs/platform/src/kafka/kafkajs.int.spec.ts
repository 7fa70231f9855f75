import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { createKafkaClient, type IncomingMessage, type MessagingClient } from '.';

describeIntegration('kafkajs messaging port against the real broker', () => {
  let client: MessagingClient;
  beforeAll(() => {
    client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: uniqueName('port') });
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

describeIntegration('kafkajs messaging port: a consumer of a topic nobody created', () => {
  it('fails to subscribe naming the topic and who creates the platform topics, and creates nothing', async () => {
    const client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: uniqueName('port') });
    const topic = uniqueName('port_missing');
    const consumer = client.consumer({ groupId: uniqueName('group') });
    await consumer.connect();
    try {
      await expect(consumer.subscribe([topic])).rejects.toThrow(`cannot subscribe to ${topic}: a topic does not exist`);
    } finally {
      await consumer.disconnect();
    }
    const admin = client.admin();
    await admin.connect();
    expect(await admin.listTopics()).not.toContain(topic);
    await admin.disconnect();
  });
});

describeIntegration('kafkajs messaging port: backpressure and batches', () => {
  let client: MessagingClient;
  beforeAll(() => {
    client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: uniqueName('port') });
  });

  async function filledTopic(values: string[]): Promise<string> {
    const topic = uniqueName('port_topic');
    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic, partitions: 1 }]);
    await admin.disconnect();
    const producer = client.producer();
    await producer.connect();
    await producer.send(topic, values.map((value) => ({ key: 'k', value })));
    await producer.disconnect();
    return topic;
  }

  it('delivers nothing for a paused partition until it is resumed', async () => {
    // Partition 0 holds a, b, c; partition 1 gets a marker once 0 is paused. The marker arriving proves the
    // consumer kept fetching after the pause (no fixed wait for "nothing happened", no join deadline).
    const topic = uniqueName('port_topic');
    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic, partitions: 2 }]);
    await admin.disconnect();
    const producer = client.producer();
    await producer.connect();
    await producer.send(topic, ['a', 'b', 'c'].map((value) => ({ key: 'k', value, partition: 0 })));
    const consumer = client.consumer({ groupId: uniqueName('group'), maxWaitMs: 100 });
    await consumer.connect();
    await consumer.subscribe([topic], { fromBeginning: true });
    const seen: string[] = [];
    const waiters: Array<{ until: () => boolean; resolve: () => void }> = [];
    const when = (until: () => boolean) => (until() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ until, resolve })));
    await consumer.run({
      eachMessage: async (m) => {
        seen.push(`${m.partition}:${m.value!.toString()}`);
        if (m.value?.toString() === 'a') consumer.pause([{ topic, partitions: [0] }]);
        for (const w of waiters.splice(0)) if (w.until()) w.resolve(); else waiters.push(w);
      },
    });
    try {
      await when(() => seen.includes('0:a'));
      await producer.send(topic, [{ key: 'k', value: 'marker', partition: 1 }]);
      await when(() => seen.includes('1:marker'));
      expect(seen).toEqual(['0:a', '1:marker']);
      consumer.resume([{ topic }]);
      await when(() => seen.length === 4);
      expect(seen).toEqual(['0:a', '1:marker', '0:b', '0:c']);
    } finally {
      await producer.disconnect();
      await consumer.disconnect();
    }
  });

  it('commits only what a batch handler commits', async () => {
    const topic = await filledTopic(['1', '2', '3', '4']);
    const groupId = uniqueName('group');
    const first = client.consumer({ groupId });
    await first.connect();
    await first.subscribe([topic], { fromBeginning: true });
    await new Promise<void>((resolve) => {
      void first.run({
        eachBatch: async (batch) => {
          expect(batch.isActive()).toBe(true);
          await batch.commit(batch.messages[1].offset); // handled 1 and 2 only
          resolve();
        },
      });
    });
    await first.disconnect();
    const second = client.consumer({ groupId });
    await second.connect();
    await second.subscribe([topic], { fromBeginning: true });
    const firstSeen = await new Promise<string>((resolve) => {
      void second.run({ eachMessage: async (m) => resolve(m.value!.toString()) });
    });
    await second.disconnect();
    expect(firstSeen).toBe('3');
  });
});
