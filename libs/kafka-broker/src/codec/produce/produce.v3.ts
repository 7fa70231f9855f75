/*
 * Produce Request (Version: 3 to 7) => transactional_id acks timeout_ms [topic_data]
 *   transactional_id => NULLABLE_STRING
 *   acks => INT16, timeout_ms => INT32
 *   topic_data => name STRING [partition_data]
 *     partition_data => index INT32 records RECORDS (NULLABLE_BYTES, record batches v2)
 *
 * Produce Response (Version: 3 and 4) => [responses] throttle_time_ms
 *   responses => name STRING [partition_responses]
 *     partition_responses => index INT32 error_code INT16 base_offset INT64 log_append_time_ms INT64
 *   throttle_time_ms => INT32
 * Produce Response (Version: 5 to 7): partition_responses gain log_start_offset INT64.
 * (v6 and v7 change only semantics: throttling, ZStandard.)
 */
import type { Reader } from '../primitives/reader';
import type { ProduceRequest } from './produce.types';
import { decodeProduceTopics } from './produce.v0';

export function decodeProduceV3(r: Reader): ProduceRequest {
  const transactionalId = r.nullableString();
  const acks = r.int16();
  const timeoutMs = r.int32();
  return { transactionalId, acks, timeoutMs, topics: decodeProduceTopics(r) };
}
