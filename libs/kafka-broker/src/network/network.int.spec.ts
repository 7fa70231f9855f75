import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '../broker';
import type { RunningBroker } from '../broker.options';
import { RawKafkaClient } from '../testing/raw-kafka.client';

describe('network layer', () => {
  let broker: RunningBroker;
  let dir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-net-'));
    broker = await startBroker({ port: 0, dataDir: dir, maxRequestBytes: 1024 * 1024, log: (_l, msg) => logs.push(msg) });
  });
  afterAll(async () => {
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const apiVersionsV2 = async (c: RawKafkaClient) => {
    const r = await c.request(18, 2, () => undefined);
    const errorCode = r.int16();
    const keys = r.array((r) => [r.int16(), r.int16(), r.int16()]);
    return { errorCode, keys };
  };

  it('answers the ApiVersions v3 probe with UNSUPPORTED_VERSION and a v0 body, and keeps the connection', async () => {
    const c = await RawKafkaClient.open(broker.address);
    const r = await c.request(18, 3, (w) => w.compactString('librdkafka').compactString('2.0.2').emptyTaggedFields(), true);
    expect(r.int16()).toBe(35);
    const keys = r.array((r) => [r.int16(), r.int16(), r.int16()]);
    expect(keys).toContainEqual([18, 0, 2]);
    expect(r.remaining()).toBe(0);
    expect((await apiVersionsV2(c)).errorCode).toBe(0);
    c.close();
  });

  it('advertises ApiVersions 0-2 and no transaction APIs', async () => {
    const c = await RawKafkaClient.open(broker.address);
    const { keys } = await apiVersionsV2(c);
    expect(keys).toContainEqual([18, 0, 2]);
    for (const txn of [24, 25, 26, 28]) expect(keys.map((k) => k[0])).not.toContain(txn);
    c.close();
  });

  it('closes only the connection that sent garbage, an oversized frame or an unknown api key', async () => {
    const healthy = await RawKafkaClient.open(broker.address);
    const garbage = await RawKafkaClient.open(broker.address);
    garbage.socket.write(Buffer.from('00000003ffffff', 'hex'));
    await garbage.closed;
    const oversized = await RawKafkaClient.open(broker.address);
    oversized.socket.write(Buffer.from('7fffffff00', 'hex'));
    await oversized.closed;
    const unknown = await RawKafkaClient.open(broker.address);
    await expect(unknown.request(999, 0, () => undefined)).rejects.toThrow('connection closed');
    expect((await apiVersionsV2(healthy)).errorCode).toBe(0);
    expect(logs.some((m) => m.includes('exceeds max request bytes'))).toBe(true);
    expect(logs.some((m) => m.includes('unknown api key 999'))).toBe(true);
    healthy.close();
  });

  it('advertises the core APIs with the agreed ranges', async () => {
    const c = await RawKafkaClient.open(broker.address);
    const { keys } = await apiVersionsV2(c);
    for (const range of [[0, 0, 7], [1, 4, 11], [2, 1, 2], [3, 0, 4], [17, 0, 1], [19, 0, 3], [20, 0, 1], [22, 0, 1], [36, 0, 1]]) expect(keys).toContainEqual(range);
    c.close();
  });

  it('answers SaslHandshake with UNSUPPORTED_SASL_MECHANISM and no mechanisms (none configured)', async () => {
    const c = await RawKafkaClient.open(broker.address);
    const r = await c.request(17, 1, (w) => w.string('PLAIN'));
    expect([r.int16(), r.array((r) => r.string())]).toEqual([33, []]);
    c.close();
  });

  it('answers Metadata v0, kafka-python\'s version probe: an empty list means every topic, in the v0 layout', async () => {
    const c = await RawKafkaClient.open(broker.address);
    await c.request(3, 4, (w) => w.array(['probe-a', 'probe-b'], (w, t) => w.string(t)).boolean(true)); // auto-creates both
    const r = await c.request(3, 0, (w) => w.array([], () => undefined));
    expect(r.array((r) => [r.int32(), r.string(), r.int32()])).toEqual([[0, '127.0.0.1', broker.port]]);
    const topics = r.array((r) => [r.int16(), r.string(), r.array((r) => [r.int16(), r.int32(), r.int32(), r.array((r) => r.int32()), r.array((r) => r.int32())])]);
    expect(r.remaining()).toBe(0);
    expect(topics).toEqual(expect.arrayContaining([[0, 'probe-a', [[0, 0, 0, [0], [0]]]], [0, 'probe-b', [[0, 0, 0, [0], [0]]]]]));
    c.close();
  });

  it('replies in request order on one connection', async () => {
    const c = await RawKafkaClient.open(broker.address);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 0, 1, 2].map((v, i) => c.request(18, v, () => undefined).then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    c.close();
  });
});
