import { crc32c } from '../codec/primitives/crc32c';
import { Reader } from '../codec/primitives/reader';
import { Writer } from '../codec/primitives/writer';

export interface BatchSpec {
  values: Array<string | Buffer>;
  timestamp?: number;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
}

/** Builds an uncompressed record batch v2 with a correct CRC32C, as a producer would send it. */
export function buildBatch(spec: BatchSpec): Buffer {
  const ts = spec.timestamp ?? Date.now();
  const records = new Writer();
  spec.values.forEach((v, i) => {
    const value = typeof v === 'string' ? Buffer.from(v) : v;
    const body = new Writer().int8(0).varlong(0).varint(i).varint(-1).varint(value.length).raw(value).varint(0).toBuffer();
    records.varint(body.length).raw(body);
  });
  const tail = new Writer()
    .int16(0)
    .int32(spec.values.length - 1)
    .int64(ts)
    .int64(ts)
    .int64(spec.producerId ?? -1)
    .int16(spec.producerEpoch ?? -1)
    .int32(spec.baseSequence ?? -1)
    .int32(spec.values.length)
    .raw(records.toBuffer())
    .toBuffer();
  const head = new Writer().int64(0).int32(tail.length + 9).int32(-1).int8(2).uint32(crc32c(tail)).toBuffer();
  return Buffer.concat([head, tail]);
}

/** Reads back (offset, value) of every record in a sequence of uncompressed batches. */
export function readRecords(batches: Buffer): Array<{ offset: number; value: string }> {
  const out: Array<{ offset: number; value: string }> = [];
  const r = new Reader(batches);
  while (r.remaining() > 0) {
    const base = r.int64();
    const end = r.int32() + r.offset;
    r.skip(45); // partitionLeaderEpoch .. baseSequence
    const count = r.int32();
    for (let i = 0; i < count; i++) {
      r.varint();
      r.int8();
      r.varlong();
      const delta = r.varint();
      r.skip(Math.max(r.varint(), 0));
      const valueLength = r.varint();
      const at = r.offset;
      r.skip(valueLength);
      out.push({ offset: base + delta, value: batches.toString('utf8', at, at + valueLength) });
      for (let h = r.varint(); h > 0; h--) {
        r.skip(r.varint());
        r.skip(Math.max(r.varint(), 0));
      }
    }
    if (r.offset !== end) throw new Error('batch length does not match its records');
  }
  return out;
}
