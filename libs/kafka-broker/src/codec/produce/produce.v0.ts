/*
 * Produce Request (Version: 0 to 2) => acks timeout_ms [topic_data]
 *   acks => INT16, timeout_ms => INT32
 *   topic_data => name STRING [partition_data]
 *     partition_data => index INT32 records RECORDS (NULLABLE_BYTES)
 *
 * Produce Response (Version: 0) => [responses]
 * Produce Response (Version: 1) => [responses] throttle_time_ms INT32
 * Produce Response (Version: 2) => [responses] throttle_time_ms INT32   (partitions gain log_append_time_ms INT64)
 *   responses => name STRING [partition_responses]
 *     partition_responses => index INT32 error_code INT16 base_offset INT64
 *
 * Only advertised so librdkafka compresses (it sends nothing but v2 batches at v3+); old message
 * formats in these versions are refused per partition.
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';
import type { ProduceRequest, ProduceResponse } from './produce.types';

export function decodeProduceTopics(r: Reader): ProduceRequest['topics'] {
  return r.array((r) => ({
    name: r.string(),
    partitions: r.array((r) => ({ partition: r.int32(), records: r.nullableBytes() })),
  }));
}

export function decodeProduceV0(r: Reader): ProduceRequest {
  const acks = r.int16();
  const timeoutMs = r.int32();
  return { transactionalId: null, acks, timeoutMs, topics: decodeProduceTopics(r) };
}

/** Writes the response for any version 0-7: fields appear as the version grows. */
export function encodeProduceResponse(w: Writer, res: ProduceResponse, version: number): void {
  w.array(res.topics, (w, t) => {
    w.string(t.name);
    w.array(t.partitions, (w, p) => {
      w.int32(p.partition).int16(p.errorCode).int64(p.baseOffset);
      if (version >= 2) w.int64(p.logAppendTimeMs);
      if (version >= 5) w.int64(p.logStartOffset);
    });
  });
  if (version >= 1) w.int32(0);
}
