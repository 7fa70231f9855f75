import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { seededValue, startSecuredBroker, TOPICS, type SecuredBroker } from './secured.broker';

// kafkajs, the platform's client today, against the broker with SASL and the platform's ACL table.
describe.each(['scram-sha-256', 'plain'] as const)('kafkajs with SASL %s and ACLs', (mechanism) => {
  let broker: SecuredBroker;
  beforeAll(async () => (broker = await startSecuredBroker()));
  afterAll(() => broker?.stop());

  const kafka = (sasl?: SASLOptions) => new Kafka({ clientId: 'kafkajs-sasl', brokers: [broker.address], sasl, logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const as = (user: string) => kafka(broker.sasl(user, mechanism));

  /** Reads a topic from the beginning in `groupId` until `count` messages arrived; rejects on a crash. */
  const consume = async (user: string, topic: string, groupId: string, count = 1): Promise<string[]> => {
    const consumer = as(user).consumer({ groupId, retry: { retries: 0 } });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      return await new Promise<string[]>((resolve, reject) => {
        const seen: string[] = [];
        consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error));
        consumer.run({ eachMessage: async ({ message }) => void (seen.push(String(message.value)) === count && resolve(seen)) }).catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
  };

  it('lets a provider write the inbound topic and read its own outbound topic in its own group', async () => {
    const producer = as('B0001').producer({ idempotent: true, retry: { retries: 3 } });
    await producer.connect();
    await producer.send({ topic: TOPICS.inbound, messages: [{ key: 'k', value: '{"type":"binding.confirmed"}' }] });
    await producer.disconnect();
    expect(await broker.highWatermark(TOPICS.inbound)).toBeGreaterThanOrEqual(1);
    expect(await consume('B0001', TOPICS.outboundB0001, 'cfc.provider.B0001.kafkajs')).toEqual([seededValue(TOPICS.outboundB0001)]);
  });

  it('gives a client without credentials no data', async () => {
    const admin = kafka().admin();
    await expect(admin.connect().then(() => admin.fetchTopicOffsets(TOPICS.outboundB0001))).rejects.toThrow(/closed/i);
    await admin.disconnect();
    const consumer = kafka().consumer({ groupId: 'cfc.provider.B0001.anonymous' });
    await expect(consumer.connect().then(() => consumer.subscribe({ topic: TOPICS.outboundB0001 }))).rejects.toThrow();
    await consumer.disconnect();
  });

  it('refuses a wrong password with an authentication error', async () => {
    const admin = kafka({ mechanism, username: 'B0001', password: 'not-the-password' } as SASLOptions).admin();
    await expect(admin.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
  });

  it.each([TOPICS.outboundB0002, TOPICS.audit, TOPICS.checkpoints])('keeps %s from provider B0001, even in its own group', async (topic) => {
    await expect(consume('B0001', topic, 'cfc.provider.B0001.kafkajs-intruder')).rejects.toThrow(/authoriz/i);
    const admin = as('B0001').admin();
    await admin.connect();
    expect(await admin.listTopics()).not.toContain(topic);
    await admin.disconnect();
  });

  it('keeps another provider\'s group from B0001', async () => {
    await expect(consume('B0001', TOPICS.outboundB0001, 'cfc.provider.B0002.stolen')).rejects.toThrow(/coordinator|authoriz/i);
  });

  it.each(['B0001', 'R0001'])('refuses %s a write to the audit topic', async (user) => {
    const producer = as(user).producer();
    await producer.connect();
    await expect(producer.send({ topic: TOPICS.audit, messages: [{ value: 'forged' }] })).rejects.toThrow(/not authorized/i);
    await producer.disconnect();
    expect(await broker.highWatermark(TOPICS.audit)).toBe(1);
  });

  it('lets a regulator replay the audit stream in its own group', async () => {
    expect(await consume('R0001', TOPICS.audit, 'cfc.regulator.R0001.replay')).toEqual([seededValue(TOPICS.audit)]);
  });
});
