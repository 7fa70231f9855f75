import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import { startTempBroker } from '../testing/temp-broker';
import { eventually, kafkaFor, recordingConsumer } from './group.int.kit';

type Seen = { member: string; value: string }[];

describe('kafkajs consumer groups against the broker', () => {
  let broker: Awaited<ReturnType<typeof startTempBroker>>;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const consumers: Consumer[] = [];
  let sent = 0;

  const produce = async (topic: string, n: number) => {
    const messages = Array.from({ length: n }, () => ({ key: `k${sent}`, value: `m${sent++}` }));
    await producer.send({ topic, messages });
  };
  // End markers, one per partition, sent last: once every marker is consumed, so is everything before it,
  // duplicates included (a pause would only guess). Markers are not counted as sent.
  const allConsumedUpToMarkers = async (topic: string, partitions: number, seen: Seen) => {
    const marker = `end-${topic}-${sent}-${Date.now()}`;
    await producer.send({ topic, messages: Array.from({ length: partitions }, (_, partition) => ({ value: marker, partition })) });
    await eventually(`the ${partitions} end markers of ${topic}`, () => seen.filter((s) => s.value === marker).length, (n) => n === partitions);
    return seen.filter((s) => !s.value.startsWith('end-'));
  };
  const membersOf = async (groupId: string) => {
    const [group] = (await admin.describeGroups([groupId])).groups;
    return { state: group.state, members: group.members.length };
  };
  const stableWith = (groupId: string, n: number) =>
    eventually(`${groupId} stable with ${n}`, () => membersOf(groupId), (g) => g.state === 'Stable' && g.members === n);

  beforeAll(async () => {
    broker = await startTempBroker();
    kafka = kafkaFor(broker.address, 'groups-int');
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect()));
    await Promise.all([admin.disconnect(), producer.disconnect()]);
    await broker.remove();
  });

  it('three members rebalance as they come and go; every message is consumed exactly once', async () => {
    await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 6 }] });
    const seen: Seen = [];
    const start = async (name: string) => {
      const c = await recordingConsumer(kafka, 'billing', 'orders', seen, name);
      consumers.push(c);
      return c;
    };
    const consumedAll = () => eventually('all sent messages consumed', () => seen.length, (n) => n >= sent);

    const a = await start('a');
    await produce('orders', 60);
    await consumedAll();
    await start('b');
    await stableWith('billing', 2);
    await produce('orders', 60);
    await consumedAll();
    await start('c');
    await stableWith('billing', 3);
    const phase3 = seen.length;
    await produce('orders', 120);
    await consumedAll();
    const byMember = new Set(seen.slice(phase3).map((s) => s.member));
    expect(byMember).toEqual(new Set(['a', 'b', 'c']));

    await a.disconnect();
    consumers.splice(consumers.indexOf(a), 1);
    await stableWith('billing', 2);
    const phase4 = seen.length;
    await produce('orders', 60);
    await consumedAll();
    expect(new Set(seen.slice(phase4).map((s) => s.member))).toEqual(new Set(['b', 'c']));

    const values = (await allConsumedUpToMarkers('orders', 6, seen)).map((s) => s.value);
    expect(values.length).toBe(sent);
    expect(new Set(values).size).toBe(sent);
    await Promise.all(consumers.splice(0).map((c) => c.disconnect()));
    expect(await membersOf('billing')).toEqual({ state: 'Empty', members: 0 });
  });

  it('a restarted consumer resumes from its committed offset, also across a broker restart', async () => {
    await admin.createTopics({ topics: [{ topic: 'ledger', numPartitions: 2 }] });
    const first: Seen = [];
    await produce('ledger', 20);
    const one = await recordingConsumer(kafka, 'ledger-reader', 'ledger', first, 'one');
    await eventually('first 20', () => first.length, (n) => n === 20);
    await one.disconnect();
    const committed = await admin.fetchOffsets({ groupId: 'ledger-reader', topics: ['ledger'] });
    const total = committed[0].partitions.reduce((sum, p) => sum + Number(p.offset), 0);
    expect(total).toBe(20);

    await produce('ledger', 10);
    const second: Seen = [];
    const two = await recordingConsumer(kafka, 'ledger-reader', 'ledger', second, 'two');
    await eventually('next 10', () => second.length, (n) => n === 10);
    await two.disconnect();
    expect(new Set([...first, ...second].map((s) => s.value)).size).toBe(30);

    // Committed offsets are durable: a new broker on the same data dir still has them.
    await Promise.all([admin.disconnect(), producer.disconnect()]);
    await broker.stop();
    broker = await startTempBroker({ dataDir: broker.dataDir });
    kafka = kafkaFor(broker.address, 'groups-int');
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    await produce('ledger', 5);
    const third: Seen = [];
    const three = await recordingConsumer(kafka, 'ledger-reader', 'ledger', third, 'three');
    consumers.push(three);
    await eventually('last 5', () => third.length, (n) => n === 5);
    const last = await allConsumedUpToMarkers('ledger', 2, third);
    expect(last).toHaveLength(5);
    expect(new Set([...first, ...second, ...last].map((s) => s.value)).size).toBe(35);
  });
});
