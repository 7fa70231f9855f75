import type { Reader } from '../codec/primitives/reader';
import { buildBatch, readRecords } from '../testing/record-batch.builder';
import { RawKafkaClient } from '../testing/raw-kafka.client';
import { startTempBroker } from '../testing/temp-broker';

const PRODUCE = 0;
const FETCH = 1;
const METADATA = 3;
const INIT_PRODUCER_ID = 22;

async function produce(c: RawKafkaClient, topic: string, batch: Buffer): Promise<{ errorCode: number; baseOffset: number }> {
  const r = await c.request(PRODUCE, 7, (w) =>
    w.nullableString(null).int16(-1).int32(5000).array([topic], (w, t) => w.string(t).array([batch], (w, b) => w.int32(0).nullableBytes(b))),
  );
  const [[p]] = r.array((r) => (r.string(), r.array((r) => ({ partition: r.int32(), errorCode: r.int16(), baseOffset: r.int64(), time: r.int64(), start: r.int64() }))));
  return { errorCode: p.errorCode, baseOffset: p.baseOffset };
}

function fetchRequest(c: RawKafkaClient, topic: string, offset: number, maxWaitMs: number): Promise<Reader> {
  return c.request(FETCH, 11, (w) =>
    w
      .int32(-1)
      .int32(maxWaitMs)
      .int32(1)
      .int32(1 << 20)
      .int8(1)
      .int32(0)
      .int32(-1)
      .array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int32(-1).int64(offset).int64(-1).int32(1 << 20)))
      .array([], () => undefined)
      .string(''),
  );
}

function readFetch(r: Reader): { errorCode: number; highWatermark: number; records: Buffer } {
  r.int32();
  r.int16();
  r.int32();
  const [[p]] = r.array((r) => (r.string(), r.array((r) => {
    const out = { partition: r.int32(), errorCode: r.int16(), highWatermark: r.int64(), lso: r.int64(), lsoStart: r.int64() };
    r.array((r) => [r.int64(), r.int64()]);
    r.int32();
    return { ...out, records: r.bytes() };
  })));
  return p;
}

describe('Produce and Fetch on the wire', () => {
  let broker: Awaited<ReturnType<typeof startTempBroker>>;
  let c: RawKafkaClient;

  beforeAll(async () => {
    broker = await startTempBroker();
    c = await RawKafkaClient.open(broker.address);
    await c.request(METADATA, 4, (w) => w.array(['wire', 'poll', 'idem', 'crc'], (w, t) => w.string(t)).boolean(true));
  });
  afterAll(async () => {
    c.close();
    await broker.remove();
  });

  it('acknowledges a duplicate idempotent batch with the original offset and appends it once', async () => {
    const init = await c.request(INIT_PRODUCER_ID, 1, (w) => w.nullableString(null).int32(60000));
    init.int32();
    expect(init.int16()).toBe(0);
    const producerId = init.int64();
    const batch = () => buildBatch({ values: ['once', 'only'], producerId, producerEpoch: 0, baseSequence: 0 });
    expect(await produce(c, 'idem', batch())).toEqual({ errorCode: 0, baseOffset: 0 });
    expect(await produce(c, 'idem', batch())).toEqual({ errorCode: 0, baseOffset: 0 });
    const gap = buildBatch({ values: ['late'], producerId, producerEpoch: 0, baseSequence: 7 });
    expect((await produce(c, 'idem', gap)).errorCode).toBe(45);
    const next = buildBatch({ values: ['next'], producerId, producerEpoch: 0, baseSequence: 2 });
    expect(await produce(c, 'idem', next)).toEqual({ errorCode: 0, baseOffset: 2 });
    const fetched = readFetch(await fetchRequest(c, 'idem', 0, 0));
    expect(readRecords(fetched.records).map((r) => r.value)).toEqual(['once', 'only', 'next']);
  });

  it('answers CORRUPT_MESSAGE for a batch whose CRC does not match', async () => {
    const bad = buildBatch({ values: ['x'] });
    bad[bad.length - 1] ^= 1;
    expect((await produce(c, 'crc', bad)).errorCode).toBe(2);
  });

  it('holds a long-poll Fetch until an append on another connection, without blocking that connection', async () => {
    const poller = await RawKafkaClient.open(broker.address);
    const started = Date.now();
    const polled = fetchRequest(poller, 'poll', 0, 10_000).then(readFetch);
    await new Promise((r) => setTimeout(r, 100));
    expect(await produce(c, 'poll', buildBatch({ values: ['wake-up'] }))).toEqual({ errorCode: 0, baseOffset: 0 });
    const result = await polled;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.highWatermark).toBe(1);
    expect(readRecords(result.records)).toEqual([{ offset: 0, value: 'wake-up' }]);
    poller.close();
  });

  it('returns an empty Fetch after max_wait_ms when nothing arrives', async () => {
    const started = Date.now();
    const result = readFetch(await fetchRequest(c, 'wire', 0, 300));
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(result).toMatchObject({ errorCode: 0, highWatermark: 0 });
    expect(result.records.length).toBe(0);
  });

  it('answers OFFSET_OUT_OF_RANGE past the high watermark', async () => {
    expect(readFetch(await fetchRequest(c, 'wire', 5, 0)).errorCode).toBe(1);
  });
});
