import { Kafka, logLevel, type Admin } from 'kafkajs';
import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { storedBatches } from './batch.inspector';
import { kcatSaslArgs } from './kcat.sasl';
import { kcatOk as kcatRun, startKcat as startKcatRun } from './kcat.runner';

// librdkafka (kcat 1.7.1) is a client nobody on the team wrote: its bytes, not ours, prove the broker.
// It logs in as the run's super user: the test broker runs SASL and ACLs, as the platform's does.
describeIntegration('kcat (librdkafka) against the broker', () => {
  let brokers: string[];
  let bootstrap: string;
  let admin: Admin;
  const sasl = () => kcatSaslArgs(integrationStack().kafkaSasl);
  const kcatOk = (args: string[], options?: Parameters<typeof kcatRun>[1]) => kcatRun([...sasl(), ...args], options);
  const startKcat = (args: string[]) => startKcatRun([...sasl(), ...args]);

  beforeAll(async () => {
    brokers = integrationStack().kafkaBrokers;
    bootstrap = brokers.join(',');
    admin = new Kafka({ clientId: 'kcat-conformance', brokers, sasl: integrationStack().kafkaSasl, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });
  afterAll(() => admin?.disconnect());

  const createTopic = async (prefix: string, numPartitions: number): Promise<string> => {
    const topic = uniqueName(prefix);
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
    return topic;
  };

  const codecs = [
    ['none', 0],
    ['gzip', 1],
    ['snappy', 2],
    ['lz4', 3],
    ['zstd', 4],
  ] as const;

  it.each(codecs)('produces with -z %s and reads back byte for byte, in order', async (codec, attribute) => {
    const topic = await createTopic(`kcat_${codec}`, 1);
    const input = lines(400, codec);
    const producer = ['-P', '-b', bootstrap, '-t', topic, '-p', '0', '-z', codec, '-X', 'acks=all', '-X', 'linger.ms=20'];
    await kcatOk(producer, { input });

    const out = await kcatOk(['-C', '-b', bootstrap, '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%s\n']);
    expect(out.equals(input)).toBe(true);

    const batches = await storedBatches(brokers[0], topic, 0, integrationStack().kafkaSasl);
    expect(batches.reduce((n, b) => n + b.records, 0)).toBe(400);
    // The client really compressed with this codec; librdkafka sends a batch plain when compressing would grow it.
    expect(batches.filter((b) => b.codec !== attribute && b.codec !== 0)).toEqual([]);
    expect(batches.filter((b) => b.codec === attribute).reduce((n, b) => n + b.records, 0)).toBeGreaterThanOrEqual(300);
  });

  it('auto-creates a topic a kcat producer writes to', async () => {
    const topic = uniqueName('kcat_auto');
    await kcatOk(['-P', '-b', bootstrap, '-t', topic, '-X', 'acks=all'], { input: 'first\nsecond\n' });
    const out = await kcatOk(['-C', '-b', bootstrap, '-t', topic, '-o', 'beginning', '-e', '-q']);
    expect(out.toString()).toBe('first\nsecond\n');
  });

  it('consumes as a balanced group (-G) and resumes from the committed offset after a restart', async () => {
    const topic = await createTopic('kcat_group', 2);
    const group = uniqueName('kcat_group');
    const keyed = (from: number, to: number) => range(from, to).map((i) => `k${i}:v${i}\n`).join('');
    await kcatOk(['-P', '-b', bootstrap, '-t', topic, '-K', ':', '-X', 'acks=all'], { input: keyed(0, 100) });

    const consume = async () => {
      const args = ['-b', bootstrap, '-G', group, '-X', 'auto.offset.reset=earliest', '-e', '-q', '-f', '%p %o %k %s\n', topic];
      return parseConsumed(await kcatOk(args, { timeoutMs: 40_000 }));
    };
    const first = await consume();
    expect(first.map((m) => m.value).sort()).toEqual(range(0, 100).map((i) => `v${i}`).sort());
    expect(new Set(first.map((m) => m.partition))).toEqual(new Set([0, 1]));
    expectOrderedPerPartition(first);

    const committed = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const sum = committed[0].partitions.reduce((n, p) => n + Number(p.offset), 0);
    expect(sum).toBe(100); // kafkajs reads back what librdkafka committed

    await kcatOk(['-P', '-b', bootstrap, '-t', topic, '-K', ':', '-X', 'acks=all'], { input: keyed(100, 140) });
    const second = await consume();
    expect(second.map((m) => m.value).sort()).toEqual(range(100, 140).map((i) => `v${i}`).sort());
  }, 90_000);

  it('splits partitions between two kcat members of one group and hands them over when one leaves', async () => {
    const topic = await createTopic('kcat_pair', 4);
    const group = uniqueName('kcat_pair');
    const member = () => startKcat(['-b', bootstrap, '-G', group, '-X', 'auto.offset.reset=earliest', '-q', '-u', '-f', '%p %o %k %s\n', topic]);
    const [a, b] = [member(), member()];
    try {
      await waitUntil('both members joined and assigned', async () => {
        const [g] = (await admin.describeGroups([group])).groups;
        return g.state === 'Stable' && g.members.length === 2 && g.members.every((m) => m.memberAssignment.length > 0);
      }, 30_000);
      await kcatOk(['-P', '-b', bootstrap, '-t', topic, '-K', ':', '-X', 'acks=all'], { input: range(0, 200).map((i) => `k${i}:v${i}\n`).join('') });
      const counts = () => ({ a: a.lines().length, b: b.lines().length });
      await waitUntil('200 messages consumed', async () => a.lines().length + b.lines().length >= 200, 30_000, counts);
      const [fromA, fromB] = [parseConsumed(Buffer.from(a.lines().join('\n'))), parseConsumed(Buffer.from(b.lines().join('\n')))];
      expect(fromA.length).toBeGreaterThan(0);
      expect(fromB.length).toBeGreaterThan(0);
      const partitionsOf = (ms: Consumed[]) => new Set(ms.map((m) => m.partition));
      expect([...partitionsOf(fromA)].filter((p) => partitionsOf(fromB).has(p))).toEqual([]); // each partition has one owner
      expect([...fromA, ...fromB].map((m) => m.value).sort()).toEqual(range(0, 200).map((i) => `v${i}`).sort());

      await b.stop(); // leaves the group: a must take over b's partitions
      const before = a.lines().length;
      await kcatOk(['-P', '-b', bootstrap, '-t', topic, '-K', ':', '-X', 'acks=all'], { input: range(200, 300).map((i) => `k${i}:v${i}\n`).join('') });
      await waitUntil('the remaining member took over', async () => a.lines().length - before >= 100, 30_000, counts);
      const later = parseConsumed(Buffer.from(a.lines().slice(before).join('\n')));
      expect(later.map((m) => m.value).sort()).toEqual(range(200, 300).map((i) => `v${i}`).sort());
    } finally {
      await Promise.allSettled([a.stop(), b.stop()]);
    }
  }, 120_000);

  it('round-trips keys, headers and null values, and starts from a timestamp (-o s@ts)', async () => {
    const topic = await createTopic('kcat_fields', 1);
    await kcatOk(['-P', '-b', bootstrap, '-t', topic, '-K', ':', '-Z', '-H', 'trace=abc', '-H', 'lang=现金'], { input: 'k1:v1\nk2:\n' });
    await new Promise((r) => setTimeout(r, 50));
    const from = Date.now();
    await new Promise((r) => setTimeout(r, 50));
    await kcatOk(['-P', '-b', bootstrap, '-t', topic, '-K', ':'], { input: 'k3:v3\n' });

    const all = await kcatOk(['-C', '-b', bootstrap, '-t', topic, '-o', 'beginning', '-e', '-q', '-Z', '-f', '%k|%s|%h\n']);
    expect(all.toString()).toBe('k1|v1|trace=abc,lang=现金\nk2|NULL|trace=abc,lang=现金\nk3|v3|\n');
    const since = await kcatOk(['-C', '-b', bootstrap, '-t', topic, '-o', `s@${from}`, '-e', '-q', '-f', '%k|%s\n']);
    expect(since.toString()).toBe('k3|v3\n');
  });

  it('lists metadata (-L) and as JSON (-J) with the advertised address and every partition led', async () => {
    const topic = await createTopic('kcat_meta', 3);
    const meta = JSON.parse((await kcatOk(['-L', '-J', '-b', bootstrap])).toString()) as KcatMetadata;
    expect(meta.brokers.map((b) => b.name)).toContain(brokers[0]);
    const ids = meta.brokers.map((b) => b.id);
    expect(ids).toContain(meta.controllerid);
    const listed = meta.topics.find((t) => t.topic === topic);
    expect(listed?.partitions.map((p) => p.partition).sort()).toEqual([0, 1, 2]);
    for (const p of listed?.partitions ?? []) {
      expect(ids).toContain(p.leader);
      expect(p.error ?? undefined).toBeUndefined();
    }

    const text = (await kcatOk(['-L', '-b', bootstrap, '-t', topic])).toString();
    expect(text).toContain(`topic "${topic}" with 3 partitions:`);
  });
});

interface KcatMetadata {
  controllerid: number;
  brokers: Array<{ id: number; name: string }>;
  topics: Array<{ topic: string; partitions: Array<{ partition: number; leader: number; error?: string }> }>;
}

interface Consumed {
  partition: number;
  offset: number;
  key: string;
  value: string;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

// Compressible, varied, non-ASCII lines; never empty, never containing the newline delimiter.
function lines(count: number, salt: string): Buffer {
  const words = ['credit', '现金流', 'ledger', 'lender', 'consent', '\u00e9v\u00e9nement', 'x'];
  const out = range(0, count).map((i) => {
    const body = range(0, (i * 7919) % 60).map((j) => words[(i + j) % words.length]).join(' ');
    return `${salt}-${i} ${body}\n`;
  });
  return Buffer.from(out.join(''));
}

function parseConsumed(stdout: Buffer): Consumed[] {
  return stdout
    .toString()
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const [partition, offset, key, value] = l.split(' ');
      return { partition: Number(partition), offset: Number(offset), key, value };
    });
}

async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs: number, state: () => unknown = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms ${JSON.stringify(state())}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function expectOrderedPerPartition(messages: Consumed[]): void {
  const last = new Map<number, number>();
  for (const m of messages) {
    expect(m.offset).toBeGreaterThan(last.get(m.partition) ?? -1);
    last.set(m.partition, m.offset);
  }
}
