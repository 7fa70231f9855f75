import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { createKafkaClient, type MessagingClient } from '.';

describeIntegration('kafkajs messaging port: partition offsets', () => {
  let client: MessagingClient;
  beforeAll(() => {
    client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: uniqueName('offsets') });
  });

  it('gives each partition its low offset and high watermark, partitions in order', async () => {
    const topic = uniqueName('offsets_topic');
    const admin = client.admin();
    await admin.connect();
    try {
      await admin.ensureTopics([{ topic, partitions: 2 }]);
      expect(await admin.topicOffsets(topic)).toEqual([
        { partition: 0, low: '0', high: '0' },
        { partition: 1, low: '0', high: '0' },
      ]);
      const producer = client.producer({ idempotent: true });
      await producer.connect();
      await producer.send(topic, [{ value: 'a', partition: 1 }, { value: 'b', partition: 1 }, { value: 'c', partition: 0 }]);
      await producer.disconnect();
      expect(await admin.topicOffsets(topic)).toEqual([
        { partition: 0, low: '0', high: '1' },
        { partition: 1, low: '0', high: '2' },
      ]);
    } finally {
      await admin.disconnect();
    }
  });
});
