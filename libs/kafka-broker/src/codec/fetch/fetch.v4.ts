/*
 * Fetch Request (Version: 4) => replica_id max_wait_ms min_bytes max_bytes isolation_level [topics]
 *   replica_id => INT32, max_wait_ms => INT32, min_bytes => INT32, max_bytes => INT32, isolation_level => INT8
 *   topics => topic STRING [partitions]
 *     partitions => partition INT32 fetch_offset INT64 partition_max_bytes INT32
 *
 * Fetch Response (Version: 4) => throttle_time_ms [responses]
 *   throttle_time_ms => INT32
 *   responses => topic STRING [partitions]
 *     partitions => partition_index INT32 error_code INT16 high_watermark INT64 last_stable_offset INT64
 *                   [aborted_transactions] records
 *       aborted_transactions => producer_id INT64 first_offset INT64   (nullable array; always empty here)
 *       records => RECORDS (NULLABLE_BYTES)
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';
import type { FetchRequest, FetchResponse } from './fetch.types';

/** Feature switches of the later layouts, which only add fields to this one. */
export interface FetchLayout {
  readonly logStartOffset: boolean;
  readonly sessions: boolean;
  readonly leaderEpoch: boolean;
  readonly rack: boolean;
}

const V4: FetchLayout = { logStartOffset: false, sessions: false, leaderEpoch: false, rack: false };

export function decodeFetch(r: Reader, l: FetchLayout = V4): FetchRequest {
  r.int32(); // replica_id: always a consumer (-1) here
  const maxWaitMs = r.int32();
  const minBytes = r.int32();
  const maxBytes = r.int32();
  const isolationLevel = r.int8();
  const sessionId = l.sessions ? r.int32() : 0;
  const sessionEpoch = l.sessions ? r.int32() : -1;
  const topics = r.array((r) => ({
    topic: r.string(),
    partitions: r.array((r) => {
      const partition = r.int32();
      if (l.leaderEpoch) r.int32();
      const fetchOffset = r.int64();
      if (l.logStartOffset) r.int64();
      return { partition, fetchOffset, partitionMaxBytes: r.int32() };
    }),
  }));
  if (l.sessions) r.array((r) => [r.string(), r.array((r) => r.int32())]); // forgotten_topics_data: no sessions kept
  if (l.rack) r.string();
  return { maxWaitMs, minBytes, maxBytes, isolationLevel, sessionId, sessionEpoch, topics };
}

export function encodeFetch(w: Writer, res: FetchResponse, l: FetchLayout = V4): void {
  w.int32(0);
  if (l.sessions) w.int16(res.errorCode).int32(res.sessionId);
  w.array(res.topics, (w, t) => {
    w.string(t.topic);
    w.array(t.partitions, (w, p) => {
      w.int32(p.partition).int16(p.errorCode).int64(p.highWatermark).int64(p.lastStableOffset);
      if (l.logStartOffset) w.int64(p.logStartOffset);
      w.int32(0); // aborted_transactions: none, there are no transactions
      if (l.rack) w.int32(-1); // preferred_read_replica
      w.nullableBytes(p.records);
    });
  });
}
