import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CompressionTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import { startTempBroker } from '../testing/temp-broker';

const run = promisify(execFile);

/** Reads a whole topic with kcat (librdkafka), a consumer nobody on the team wrote. */
async function kcatRead(address: string, topic: string): Promise<string[]> {
  const { stdout } = await run('kcat', ['-C', '-b', address, '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%p:%o:%s\n'], { timeout: 20_000 });
  return stdout.split('\n').filter(Boolean);
}

describe('kafkajs against the broker', () => {
  let broker: Awaited<ReturnType<typeof startTempBroker>>;
  let kafka: Kafka;
  let admin: Admin;

  beforeAll(async () => {
    broker = await startTempBroker();
    kafka = new Kafka({ clientId: 'core-int', brokers: [broker.address], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.disconnect();
    await broker.remove();
  });

  it('creates, lists and deletes topics, refusing compaction and duplicates', async () => {
    expect(await admin.createTopics({ topics: [{ topic: 'admin-a', numPartitions: 3 }] })).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic: 'admin-a', numPartitions: 3 }] })).toBe(false);
    await expect(admin.createTopics({ topics: [{ topic: 'admin-c', configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] })).rejects.toThrow();
    expect(await admin.listTopics()).toEqual(['admin-a']);
    const meta = await admin.fetchTopicMetadata({ topics: ['admin-a'] });
    expect(meta.topics[0].partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
    await admin.deleteTopics({ topics: ['admin-a'] });
    expect(await admin.listTopics()).toEqual([]);
  });

  it('produces plain and gzip messages that kcat reads back in order, with offsets from fetchTopicOffsets', async () => {
    await admin.createTopics({ topics: [{ topic: 'plain', numPartitions: 2 }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'plain', messages: [0, 1, 2].map((i) => ({ value: `p${i}`, partition: 0 })) });
    await producer.send({ topic: 'plain', compression: CompressionTypes.GZIP, messages: [3, 4].map((i) => ({ value: `g${i}`, partition: 1 })) });
    await producer.send({ topic: 'plain', acks: 0, messages: [{ value: 'fire-and-forget', partition: 0 }] });
    await producer.disconnect();
    await waitFor(async () => (await admin.fetchTopicOffsets('plain')).find((p) => p.partition === 0)?.high === '4');
    const offsets = await admin.fetchTopicOffsets('plain');
    expect(offsets.sort((a, b) => a.partition - b.partition).map((o) => [o.partition, o.low, o.high])).toEqual([
      [0, '0', '4'],
      [1, '0', '2'],
    ]);
    const lines = await kcatRead(broker.address, 'plain');
    expect(lines.filter((l) => l.startsWith('0:'))).toEqual(['0:0:p0', '0:1:p1', '0:2:p2', '0:3:fire-and-forget']);
    expect(lines.filter((l) => l.startsWith('1:'))).toEqual(['1:0:g3', '1:1:g4']);
  });

  it('auto-creates a topic on first produce and serves an idempotent producer', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 5; i++) await producer.send({ topic: 'idempotent', acks: -1, messages: [{ value: `i${i}` }] });
    await producer.disconnect();
    expect(await kcatRead(broker.address, 'idempotent')).toEqual(['0:0:i0', '0:1:i1', '0:2:i2', '0:3:i3', '0:4:i4']);
  });

  it('refuses a transactional producer at once', async () => {
    const producer = kafka.producer({ transactionalId: 'tx-1', maxInFlightRequests: 1, idempotent: true, retry: { retries: 1, initialRetryTime: 50 } });
    await producer.connect();
    await expect(producer.transaction()).rejects.toThrow();
    await producer.disconnect();
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
