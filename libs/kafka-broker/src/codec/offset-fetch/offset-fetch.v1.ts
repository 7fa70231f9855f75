/*
 * OffsetFetch Request (Version: 1) => group_id [topics]
 * OffsetFetch Request (Version: 2 to 4) => group_id [topics]   (topics NULLABLE: null = every committed partition)
 *   group_id => STRING
 *   topics => name STRING [partition_indexes INT32]
 *
 * OffsetFetch Response (Version: 1) => [topics]
 * OffsetFetch Response (Version: 2) => [topics] error_code
 * OffsetFetch Response (Version: 3 and 4) => throttle_time_ms [topics] error_code
 *   topics => name STRING [partitions]
 *     partitions => partition_index INT32 committed_offset INT64 metadata NULLABLE_STRING error_code INT16
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface OffsetFetchRequest {
  readonly groupId: string;
  readonly topics: { topic: string; partitions: number[] }[] | null;
}

export interface OffsetFetchResponse {
  readonly errorCode: number;
  readonly topics: ReadonlyArray<{
    readonly name: string;
    readonly partitions: ReadonlyArray<{ partition: number; offset: number; metadata: string | null; errorCode: number }>;
  }>;
}

export function decodeOffsetFetchV1(r: Reader, version: number): OffsetFetchRequest {
  const groupId = r.string();
  const topic = (r: Reader) => ({ topic: r.string(), partitions: r.array((r) => r.int32()) });
  const topics = version >= 2 ? r.nullableArray(topic) : r.array(topic);
  return { groupId, topics };
}

export function encodeOffsetFetchV1(w: Writer, res: OffsetFetchResponse, version: number): void {
  if (version >= 3) w.int32(0);
  w.array(res.topics, (w, t) => {
    w.string(t.name);
    w.array(t.partitions, (w, p) => w.int32(p.partition).int64(p.offset).nullableString(p.metadata).int16(p.errorCode));
  });
  if (version >= 2) w.int16(res.errorCode);
}
