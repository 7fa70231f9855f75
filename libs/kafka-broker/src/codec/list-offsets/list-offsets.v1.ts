/*
 * ListOffsets Request (Version: 1) => replica_id [topics]
 * ListOffsets Request (Version: 2) => replica_id isolation_level [topics]
 *   replica_id => INT32, isolation_level => INT8
 *   topics => name STRING [partitions]
 *     partitions => partition_index INT32 timestamp INT64   (-1 latest, -2 earliest)
 *
 * ListOffsets Response (Version: 1) => [topics]
 * ListOffsets Response (Version: 2) => throttle_time_ms INT32 [topics]
 *   topics => name STRING [partitions]
 *     partitions => partition_index INT32 error_code INT16 timestamp INT64 offset INT64
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface ListOffsetsRequest {
  readonly topics: ReadonlyArray<{ readonly name: string; readonly partitions: ReadonlyArray<{ partition: number; timestamp: number }> }>;
}

export interface ListOffsetsResponse {
  readonly topics: ReadonlyArray<{
    readonly name: string;
    readonly partitions: ReadonlyArray<{ partition: number; errorCode: number; timestamp: number; offset: number }>;
  }>;
}

export function decodeListOffsetsV1(r: Reader, version: number): ListOffsetsRequest {
  r.int32();
  if (version >= 2) r.int8();
  return { topics: r.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ partition: r.int32(), timestamp: r.int64() })) })) };
}

export function encodeListOffsetsV1(w: Writer, res: ListOffsetsResponse, version: number): void {
  if (version >= 2) w.int32(0);
  w.array(res.topics, (w, t) => {
    w.string(t.name);
    w.array(t.partitions, (w, p) => w.int32(p.partition).int16(p.errorCode).int64(p.timestamp).int64(p.offset));
  });
}
