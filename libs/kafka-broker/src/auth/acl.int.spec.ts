import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { Reader } from '../codec/primitives/reader';
import { buildBatch } from '../testing/record-batch.builder';
import { RawKafkaClient } from '../testing/raw-kafka.client';
import { authenticateScram } from '../testing/sasl.kit';
import { startTempBroker } from '../testing/temp-broker';
import type { AclRule, Principal } from './acl.types';
import { buildAuthFile, writeAuthFile } from './auth-file.writer';

// The provider/regulator shape of CONTRACT.md, with rules written out here (the platform's own
// table lives in @cfc/contracts): each API must refuse what they do not allow, as Apache Kafka does.
const INBOUND = 'cfc.provider.inbound.v1';
const OWN = 'cfc.provider.B0001.outbound.v1';
const OTHER = 'cfc.provider.B0002.outbound.v1';
const AUDIT = 'cfc.audit.v1';
const allow = (principal: Principal, resourceType: AclRule['resourceType'], patternType: AclRule['patternType'], resourceName: string, operation: AclRule['operation']): AclRule => ({
  principal, resourceType, patternType, resourceName, operation,
});
const acls: AclRule[] = [
  allow('User:B0001', 'TOPIC', 'LITERAL', INBOUND, 'WRITE'),
  allow('User:B0001', 'TOPIC', 'LITERAL', OWN, 'READ'),
  allow('User:B0001', 'GROUP', 'PREFIXED', 'cfc.provider.B0001.', 'READ'),
  allow('User:R0001', 'TOPIC', 'LITERAL', AUDIT, 'READ'),
];
const password = (user: string) => `${user}-pw-123456`;

describe('ACLs in every API handler', () => {
  let dir: string;
  let broker: Awaited<ReturnType<typeof startTempBroker>>;
  let admin: Admin;
  const lines: string[] = [];
  const client = (user: string) =>
    new Kafka({ clientId: `acl-${user}`, brokers: [broker.address], sasl: { mechanism: 'scram-sha-256', username: user, password: password(user) }, logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const raw = async (user: string) => {
    const c = await RawKafkaClient.open(broker.address);
    expect((await authenticateScram(c, user, password(user))).errorCode).toBe(0);
    return c;
  };
  const highWatermark = async (topic: string) => Number((await admin.fetchTopicOffsets(topic))[0].high);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-acl-'));
    const file = join(dir, 'auth.json');
    writeAuthFile(file, await buildAuthFile({ users: ['admin', 'B0001', 'R0001'].map((name) => ({ name, password: password(name) })), superUsers: ['User:admin'], acls }));
    broker = await startTempBroker({ dataDir: join(dir, 'data'), auth: { file }, log: (level, msg, fields) => lines.push(JSON.stringify({ level, msg, ...fields })) });
    admin = client('admin').admin();
    await admin.connect();
    await admin.createTopics({ topics: [INBOUND, OWN, OTHER, AUDIT].map((topic) => ({ topic })), waitForLeaders: true });
    const producer = client('admin').producer();
    await producer.connect();
    await producer.send({ topic: OTHER, messages: [{ value: 'for B0002 only' }] });
    await producer.send({ topic: OWN, messages: [{ value: 'for B0001' }] });
    await producer.disconnect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await broker.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Metadata lists only the topics a principal may describe', async () => {
    const b0001 = client('B0001').admin();
    await b0001.connect();
    expect((await b0001.listTopics()).sort()).toEqual([INBOUND, OWN].sort());
    await expect(b0001.fetchTopicMetadata({ topics: [OTHER] })).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    await b0001.disconnect();
    const regulator = client('R0001').admin();
    await regulator.connect();
    expect(await regulator.listTopics()).toEqual([AUDIT]);
    await regulator.disconnect();
  });

  it('Produce: a provider writes the inbound topic; a regulator cannot write the audit topic', async () => {
    const provider = client('B0001').producer();
    await provider.connect();
    await provider.send({ topic: INBOUND, messages: [{ value: '{}' }] });
    await expect(provider.send({ topic: AUDIT, messages: [{ value: 'forged' }] })).rejects.toThrow(/Not authorized to access topics/);
    await provider.disconnect();
    const regulator = client('R0001').producer();
    await regulator.connect();
    await expect(regulator.send({ topic: AUDIT, messages: [{ value: 'forged' }] })).rejects.toThrow(/not authorized to access this topic|Not authorized to access topics/i);
    await regulator.disconnect();
    expect(await highWatermark(AUDIT)).toBe(0);
    expect(await highWatermark(INBOUND)).toBe(1);
  });

  it('Produce on the wire: TOPIC_AUTHORIZATION_FAILED per partition, nothing appended', async () => {
    const c = await raw('R0001');
    const batch = buildBatch({ values: ['forged'] });
    const r = await c.request(0, 7, (w) => w.nullableString(null).int16(-1).int32(5000).array([AUDIT], (w, t) => w.string(t).array([batch], (w, b) => w.int32(0).nullableBytes(b))));
    expect(r.array((r) => [r.string(), r.array((r) => [r.int32(), r.int16(), r.int64()])])).toEqual([[AUDIT, [[0, 29, -1]]]]);
    c.close();
    expect(await highWatermark(AUDIT)).toBe(0);
  });

  it('Fetch and ListOffsets: another provider\'s outbound topic gives TOPIC_AUTHORIZATION_FAILED and no bytes', async () => {
    const c = await raw('B0001');
    const fetch = (topic: string) => c.request(1, 11, (w) =>
      w.int32(-1).int32(0).int32(1).int32(1 << 20).int8(1).int32(0).int32(-1)
        .array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int32(-1).int64(0).int64(-1).int32(1 << 20)))
        .array([], () => undefined).string(''));
    const other = fetchPartition(await fetch(OTHER));
    expect(other).toMatchObject({ errorCode: 29, highWatermark: -1 });
    expect(other.records.length).toBe(0);
    const own = fetchPartition(await fetch(OWN));
    expect(own.errorCode).toBe(0);
    expect(own.records.includes(Buffer.from('for B0001'))).toBe(true);
    const offsets = await c.request(2, 1, (w) => w.int32(-1).array([OTHER], (w, t) => w.string(t).array([0], (w) => w.int32(0).int64(-1))));
    expect(offsets.array((r) => [r.string(), r.array((r) => [r.int32(), r.int16()])])).toEqual([[OTHER, [[0, 29]]]]);
    c.close();
  });

  it('consumer groups: its own group works; another\'s gives GROUP_AUTHORIZATION_FAILED in every group API', async () => {
    const consumer = client('B0001').consumer({ groupId: 'cfc.provider.B0001.reader' });
    await consumer.connect();
    await consumer.subscribe({ topic: OWN, fromBeginning: true });
    const first = await new Promise<string>((resolve) => void consumer.run({ eachMessage: async ({ message }) => resolve(String(message.value)) }));
    await consumer.disconnect();
    expect(first).toBe('for B0001');

    const intruder = client('B0001').consumer({ groupId: 'cfc.provider.B0002.reader', retry: { retries: 0 } });
    await intruder.connect();
    await intruder.subscribe({ topic: OWN, fromBeginning: true });
    let consumed = 0;
    const crashed = new Promise<void>((resolve) => intruder.on(intruder.events.CRASH, () => resolve()));
    await intruder.run({ eachMessage: async () => void consumed++ });
    await crashed;
    await intruder.disconnect();
    expect(consumed).toBe(0);

    const c = await raw('B0001');
    const group = 'cfc.provider.B0002.reader';
    const errorOf = async (apiKey: number, version: number, body: Parameters<RawKafkaClient['request']>[2], skip = 0) => {
      const r = await c.request(apiKey, version, body);
      if (skip) r.int32();
      return r.int16();
    };
    expect(await errorOf(10, 1, (w) => w.string(group).int8(0), 1)).toBe(30); // FindCoordinator
    expect(await errorOf(11, 0, (w) => w.string(group).int32(6000).string('').string('consumer').array([['range', Buffer.alloc(0)]], (w, [n, m]) => w.string(n as string).bytes(m as Buffer)))).toBe(30); // JoinGroup
    expect(await errorOf(12, 0, (w) => w.string(group).int32(1).string('m'))).toBe(30); // Heartbeat
    const offsets = await c.request(9, 2, (w) => w.string(group).nullableArray(null, () => undefined));
    offsets.array(() => undefined);
    expect(offsets.int16()).toBe(30); // OffsetFetch
    const commit = await c.request(8, 2, (w) => w.string(group).int32(-1).string('').int64(-1).array([OWN], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(0).nullableString(null))));
    expect(commit.array((r) => [r.string(), r.array((r) => [r.int32(), r.int16()])])).toEqual([[OWN, [[0, 30]]]]); // OffsetCommit
    const described = await c.request(15, 0, (w) => w.array([group], (w, g) => w.string(g)));
    expect(described.array((r) => [r.int16(), r.string()])[0]).toEqual([30, group]); // DescribeGroups
    const deleted = await c.request(42, 0, (w) => w.array(['cfc.provider.B0001.reader'], (w, g) => w.string(g)));
    deleted.int32();
    expect(deleted.array((r) => [r.string(), r.int16()])).toEqual([['cfc.provider.B0001.reader', 30]]); // READ is not DELETE
    c.close();

    const listing = client('B0001').admin();
    await listing.connect();
    const listed = (await listing.listGroups()).groups.map((g) => g.groupId);
    await listing.disconnect();
    expect(listed).toContain('cfc.provider.B0001.reader');
    expect(listed.every((g) => g.startsWith('cfc.provider.B0001.'))).toBe(true);
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).toEqual(expect.arrayContaining(['cfc.provider.B0001.reader']));
  });

  it('topic admin: no creation (explicit or automatic) and no deletion without the right', async () => {
    const c = await raw('B0001');
    const meta = await c.request(3, 4, (w) => w.array(['cfc.provider.B0001.new'], (w, t) => w.string(t)).boolean(true));
    meta.int32();
    meta.array((r) => [r.int32(), r.string(), r.int32(), r.nullableString()]);
    meta.nullableString();
    meta.int32();
    expect(meta.array((r) => [r.int16(), r.string()])[0]).toEqual([29, 'cfc.provider.B0001.new']);
    c.close();
    const b0001 = client('B0001').admin();
    await b0001.connect();
    await expect(b0001.createTopics({ topics: [{ topic: 'cfc.provider.B0001.mine' }] })).rejects.toThrow();
    await expect(b0001.deleteTopics({ topics: [OWN] })).rejects.toThrow();
    await b0001.disconnect();
    expect((await admin.listTopics()).sort()).toEqual([AUDIT, INBOUND, OTHER, OWN].sort());
  });

  it('InitProducerId: WRITE on some topic gives an idempotent producer id; read-only principals get CLUSTER_AUTHORIZATION_FAILED', async () => {
    const initProducerId = async (user: string) => {
      const c = await raw(user);
      const r = await c.request(22, 0, (w) => w.nullableString(null).int32(5000));
      r.int32();
      const errorCode = r.int16();
      c.close();
      return errorCode;
    };
    expect(await initProducerId('B0001')).toBe(0);
    expect(await initProducerId('R0001')).toBe(31);
  });

  it('counts every denial and logs principal, operation and resource, never a password', () => {
    expect(broker.securityStats().authorizationsDenied).toBeGreaterThanOrEqual(10);
    const denied = lines.filter((l) => l.includes('"msg":"authorization denied"')).map((l) => JSON.parse(l) as Record<string, string>);
    expect(denied).toContainEqual(expect.objectContaining({ principal: 'User:R0001', operation: 'WRITE', resourceType: 'TOPIC', resource: AUDIT, api: 'Produce' }));
    expect(denied).toContainEqual(expect.objectContaining({ principal: 'User:B0001', operation: 'READ', resourceType: 'TOPIC', resource: OTHER, api: 'Fetch' }));
    expect(lines.join('\n')).not.toMatch(/-pw-123456/);
  });
});

function fetchPartition(r: Reader): { errorCode: number; highWatermark: number; records: Buffer } {
  r.int32();
  r.int16();
  r.int32();
  const [[p]] = r.array((r) => (r.string(), r.array((r) => {
    const out = { errorCode: (r.int32(), r.int16()), highWatermark: r.int64() };
    r.int64();
    r.int64();
    r.array((r) => [r.int64(), r.int64()]);
    r.int32();
    return { ...out, records: r.bytes() };
  })));
  return p;
}
