import type { Reader } from '../codec/primitives/reader';
import type { RawKafkaClient } from './raw-kafka.client';

// Hand-built Produce v7, Fetch v11, Metadata v4 and InitProducerId v1 requests for wire-level tests.
const PRODUCE = 0;
const FETCH = 1;
const METADATA = 3;
const INIT_PRODUCER_ID = 22;

/** Creates topics by asking for their metadata (auto-creation on). */
export async function touchTopics(c: RawKafkaClient, topics: string[]): Promise<void> {
  await c.request(METADATA, 4, (w) => w.array(topics, (w, t) => w.string(t)).boolean(true));
}

/** A fresh idempotent producer id and epoch. */
export async function initProducerId(c: RawKafkaClient): Promise<{ errorCode: number; producerId: number; epoch: number }> {
  const r = await c.request(INIT_PRODUCER_ID, 1, (w) => w.nullableString(null).int32(60000));
  r.int32(); // throttle
  return { errorCode: r.int16(), producerId: Number(r.int64()), epoch: r.int16() };
}

/** Produces one batch to partition 0 (acks all). */
export async function produceBatch(c: RawKafkaClient, topic: string, batch: Buffer): Promise<{ errorCode: number; baseOffset: number }> {
  const r = await c.request(PRODUCE, 7, (w) =>
    w.nullableString(null).int16(-1).int32(5000).array([topic], (w, t) => w.string(t).array([batch], (w, b) => w.int32(0).nullableBytes(b))),
  );
  const [[p]] = r.array((r) => (r.string(), r.array((r) => ({ partition: r.int32(), errorCode: r.int16(), baseOffset: r.int64(), time: r.int64(), start: r.int64() }))));
  return { errorCode: p.errorCode, baseOffset: Number(p.baseOffset) };
}

/** Fetches partition 0 from `offset` without waiting. */
export async function fetchRecords(c: RawKafkaClient, topic: string, offset: number): Promise<{ errorCode: number; highWatermark: number; records: Buffer }> {
  const r: Reader = await c.request(FETCH, 11, (w) =>
    w.int32(-1).int32(0).int32(1).int32(1 << 20).int8(1).int32(0).int32(-1)
      .array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int32(-1).int64(offset).int64(-1).int32(1 << 20)))
      .array([], () => undefined)
      .string(''),
  );
  r.int32();
  r.int16();
  r.int32();
  const [[p]] = r.array((r) => (r.string(), r.array((r) => {
    const out = { partition: r.int32(), errorCode: r.int16(), highWatermark: Number(r.int64()), lso: r.int64(), lsoStart: r.int64() };
    r.array((r) => [r.int64(), r.int64()]);
    r.int32();
    return { ...out, records: r.bytes() };
  })));
  return { errorCode: p.errorCode, highWatermark: p.highWatermark, records: p.records };
}
