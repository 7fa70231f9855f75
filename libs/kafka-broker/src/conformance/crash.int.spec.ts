import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { describeIntegration, uniqueName } from '@cfc/testing';
import { buildBrokerCli, freePort, spawnBrokerCli, type BrokerProcess } from './broker.process';
import { kcatOk } from './kcat.runner';

// A write reaches the file before it is acknowledged, so kill -9 loses nothing acknowledged.
const PARTITIONS = 3;
const BATCH = 25;

describeIntegration('broker killed with SIGKILL during a produce stream', () => {
  const running: BrokerProcess[] = [];
  const dirs: string[] = [];

  beforeAll(() => buildBrokerCli(), 180_000);
  afterAll(async () => {
    for (const b of running) await b.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const start = async (port: number, dataDir: string, fsync: 'always' | 'never') => {
    const broker = await spawnBrokerCli({ port, dataDir, fsync });
    running.push(broker);
    return broker;
  };

  it.each(['never', 'always'] as const)(
    'keeps every acknowledged message exactly once and in order per partition, past a torn tail (--fsync %s)',
    async (fsync) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cfc-crash-'));
      dirs.push(dataDir);
      const port = await freePort();
      const first = await start(port, dataDir, fsync);
      const topic = uniqueName('crash');
      const kafka = new Kafka({ clientId: 'crash', brokers: [first.address], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
      await admin.disconnect();

      const producer = kafka.producer({ retry: { retries: 0 }, allowAutoTopicCreation: false });
      await producer.connect();
      const acked = new Array<number>(PARTITIONS).fill(0);
      const streams = Array.from({ length: PARTITIONS }, (_, p) => stream(producer, topic, p, acked));
      await waitFor(() => acked.every((n) => n >= 20 * BATCH), 20_000);
      expect(await first.kill('SIGKILL')).toBe('SIGKILL');
      await Promise.all(streams);
      await producer.disconnect().catch(() => undefined);
      tearTail(dataDir, topic, 0);

      const second = await start(port, dataDir, fsync);
      for (let p = 0; p < PARTITIONS; p++) {
        const out = (await kcatOk(['-C', '-b', second.address, '-t', topic, '-p', String(p), '-o', 'beginning', '-e', '-q', '-f', '%o %s\n'])).toString();
        const rows = out.split('\n').filter(Boolean).map((l) => l.split(' '));
        const seqs = rows.map(([, v]) => Number(v.split('-')[1]));
        // Sequential sends without retries: the log is 0..n-1 with nothing repeated or skipped, and holds at least what was acked.
        expect(seqs).toEqual(seqs.map((_, i) => i));
        expect(rows.map(([o]) => Number(o))).toEqual(seqs.map((_, i) => i));
        expect(seqs.length).toBeGreaterThanOrEqual(acked[p]);
        expect(seqs.length).toBeLessThanOrEqual(acked[p] + BATCH);
        await expectAppendsContinue(second.address, topic, p, seqs.length);
      }
      await second.kill('SIGTERM');
    },
    90_000,
  );

  it('keeps committed group offsets across a SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cfc-crash-'));
    dirs.push(dataDir);
    const port = await freePort();
    const first = await start(port, dataDir, 'never');
    const topic = uniqueName('crash_group');
    const group = uniqueName('crash_group');
    const produce = (address: string, from: number, to: number) =>
      kcatOk(['-P', '-b', address, '-t', topic, '-X', 'acks=all'], { input: Array.from({ length: to - from }, (_, i) => `v${from + i}\n`).join('') });
    const consume = async (address: string) => {
      const args = ['-b', address, '-G', group, '-X', 'auto.offset.reset=earliest', '-e', '-q', '-f', '%s\n', topic];
      return (await kcatOk(args, { timeoutMs: 40_000 })).toString().split('\n').filter(Boolean);
    };
    await produce(first.address, 0, 50);
    expect(await consume(first.address)).toHaveLength(50); // kcat commits its position as it leaves
    expect(await first.kill('SIGKILL')).toBe('SIGKILL');

    const second = await start(port, dataDir, 'never');
    await produce(second.address, 50, 60);
    expect(await consume(second.address)).toEqual(Array.from({ length: 10 }, (_, i) => `v${50 + i}`));
    await second.kill('SIGTERM');
  }, 90_000);
});

// What a crash halfway through writing a batch leaves: a header promising more bytes than follow.
function tearTail(dataDir: string, topic: string, partition: number): void {
  const dir = join(dataDir, 'topics', topic, String(partition));
  const last = readdirSync(dir).filter((f) => f.endsWith('.log')).sort().pop();
  if (!last) throw new Error(`no segment file in ${dir}: has the storage layout changed?`);
  const torn = Buffer.alloc(40);
  torn.writeBigInt64BE(123_456n, 0);
  torn.writeInt32BE(4000, 8);
  torn.writeInt8(2, 16);
  appendFileSync(join(dir, last), torn);
}

// One partition's stream: sequential sends of BATCH messages until the broker goes away.
async function stream(producer: Producer, topic: string, partition: number, acked: number[]): Promise<void> {
  for (let seq = 0; ; seq += BATCH) {
    const messages = Array.from({ length: BATCH }, (_, i) => ({ partition, value: `p${partition}-${seq + i}` }));
    try {
      await producer.send({ topic, acks: -1, messages });
    } catch {
      return;
    }
    acked[partition] = seq + BATCH;
  }
}

// After recovery the next append lands right after the recovered log, not on top of it.
async function expectAppendsContinue(address: string, topic: string, partition: number, next: number): Promise<void> {
  await kcatOk(['-P', '-b', address, '-t', topic, '-p', String(partition), '-X', 'acks=all'], { input: 'after-restart\n' });
  const out = await kcatOk(['-C', '-b', address, '-t', topic, '-p', String(partition), '-o', String(next), '-e', '-q', '-f', '%o %s\n']);
  expect(out.toString()).toBe(`${next} after-restart\n`);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
