import { AssignerProtocol, type Admin, type Kafka } from 'kafkajs';
import { startTempBroker } from '../testing/temp-broker';
import { eventually, kafkaFor, recordingConsumer } from './group.int.kit';

describe('kafkajs admin on consumer groups', () => {
  let broker: Awaited<ReturnType<typeof startTempBroker>>;
  let kafka: Kafka;
  let admin: Admin;
  const offsetsOf = async (groupId: string) => {
    const [topic] = await admin.fetchOffsets({ groupId, topics: ['events'] });
    return Object.fromEntries(topic.partitions.map((p) => [p.partition, p.offset]));
  };

  beforeAll(async () => {
    broker = await startTempBroker();
    kafka = kafkaFor(broker.address, 'groups-admin');
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'events', numPartitions: 2 }] });
    const producer = kafka.producer();
    await producer.connect();
    const messages = (partition: number) => Array.from({ length: 5 }, (_, i) => ({ partition, value: `p${partition}-${i}` }));
    await producer.send({ topic: 'events', messages: [...messages(0), ...messages(1)] });
    await producer.disconnect();
  });
  afterAll(async () => {
    await admin.disconnect();
    await broker.remove();
  });

  it('describes, lists, refuses to delete a live group; fetches, sets and resets offsets; deletes it', async () => {
    const seen: { member: string; value: string }[] = [];
    const consumer = await recordingConsumer(kafka, 'audit', 'events', seen, 'one');
    await eventually('10 consumed', () => seen.length, (n) => n === 10);
    await eventually('offsets committed', () => offsetsOf('audit'), (o) => o[0] === '5' && o[1] === '5');

    expect((await admin.listGroups()).groups).toEqual([{ groupId: 'audit', protocolType: 'consumer' }]);
    const [group] = (await admin.describeGroups(['audit'])).groups;
    expect(group).toMatchObject({ groupId: 'audit', state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner' });
    expect(group.members).toHaveLength(1);
    expect(group.members[0]).toMatchObject({ clientId: 'groups-admin', clientHost: '/127.0.0.1' });
    const assignment = AssignerProtocol.MemberAssignment.decode(group.members[0].memberAssignment);
    expect(assignment?.assignment).toEqual({ events: [0, 1] });
    await expect(admin.deleteGroups(['audit'])).rejects.toThrow();

    await consumer.disconnect();
    expect((await admin.describeGroups(['audit'])).groups[0]).toMatchObject({ state: 'Empty', members: [] });
    await admin.setOffsets({ groupId: 'audit', topic: 'events', partitions: [{ partition: 0, offset: '2' }] });
    expect(await offsetsOf('audit')).toEqual({ 0: '2', 1: '5' });

    const again: typeof seen = [];
    const replay = await recordingConsumer(kafka, 'audit', 'events', again, 'two');
    await eventually('3 replayed from offset 2', () => again.length, (n) => n === 3);
    await replay.disconnect();
    expect(again.map((s) => s.value).sort()).toEqual(['p0-2', 'p0-3', 'p0-4']);

    await admin.resetOffsets({ groupId: 'audit', topic: 'events', earliest: true });
    expect(await offsetsOf('audit')).toEqual({ 0: '-2', 1: '-2' });
    const fromStart: typeof seen = [];
    const rewound = await recordingConsumer(kafka, 'audit', 'events', fromStart, 'three');
    await eventually('all 10 again after reset', () => fromStart.length, (n) => n === 10);
    await rewound.disconnect();

    await admin.deleteGroups(['audit']);
    expect((await admin.listGroups()).groups).toEqual([]);
    expect(await offsetsOf('audit')).toEqual({ 0: '-1', 1: '-1' });
    expect((await admin.describeGroups(['audit'])).groups[0]).toMatchObject({ state: 'Dead', members: [] });
  });
});
