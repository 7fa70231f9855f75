/*
 * RecordBatch v2 header, the only part the broker reads (records stay opaque, possibly compressed):
 *   baseOffset INT64 @0 | batchLength INT32 @8 | partitionLeaderEpoch INT32 @12 | magic INT8 @16
 *   crc UINT32 @17 (CRC32C of bytes 21..end) | attributes INT16 @21 | lastOffsetDelta INT32 @23
 *   baseTimestamp INT64 @27 | maxTimestamp INT64 @35 | producerId INT64 @43 | producerEpoch INT16 @51
 *   baseSequence INT32 @53 | recordCount INT32 @57 | records @61
 */
import { crc32c } from '../codec/primitives/crc32c';

export const BATCH_HEADER_BYTES = 61;
/** Bytes before batchLength's coverage starts: baseOffset + batchLength. */
export const BATCH_LOG_OVERHEAD = 12;

/** The header fields storage needs, read without touching the records. */
export interface BatchHeader {
  readonly baseOffset: number;
  /** Whole batch size in bytes, including baseOffset and batchLength. */
  readonly size: number;
  readonly magic: number;
  readonly lastOffsetDelta: number;
  readonly maxTimestamp: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordCount: number;
}

/** Reads the header at `at`; the caller checks there are BATCH_HEADER_BYTES available. */
export function readBatchHeader(buf: Buffer, at = 0): BatchHeader {
  return {
    baseOffset: Number(buf.readBigInt64BE(at)),
    size: BATCH_LOG_OVERHEAD + buf.readInt32BE(at + 8),
    magic: buf.readInt8(at + 16),
    lastOffsetDelta: buf.readInt32BE(at + 23),
    maxTimestamp: Number(buf.readBigInt64BE(at + 35)),
    producerId: Number(buf.readBigInt64BE(at + 43)),
    producerEpoch: buf.readInt16BE(at + 51),
    baseSequence: buf.readInt32BE(at + 53),
    recordCount: buf.readInt32BE(at + 57),
  };
}

/** True when the stored CRC32C matches bytes 21..end of the batch at [at, at+size). */
export function batchCrcMatches(buf: Buffer, at: number, size: number): boolean {
  return buf.readUInt32BE(at + 17) === crc32c(buf, at + 21, at + size);
}

/** Assigns the batch its log offset; baseOffset lies outside the CRC, so the CRC stays valid. */
export function setBaseOffset(buf: Buffer, baseOffset: number, at = 0): void {
  buf.writeBigInt64BE(BigInt(baseOffset), at);
  buf.writeInt32BE(0, at + 12);
}

/** Splits a produce request's record set into whole batches (views); null if it is not a sequence of v2 batches. */
export function splitBatches(records: Buffer): Buffer[] | null {
  const out: Buffer[] = [];
  let at = 0;
  while (at < records.length) {
    if (records.length - at < BATCH_HEADER_BYTES) return null;
    const size = BATCH_LOG_OVERHEAD + records.readInt32BE(at + 8);
    if (size < BATCH_HEADER_BYTES || at + size > records.length) return null;
    out.push(records.subarray(at, at + size));
    at += size;
  }
  return out;
}
