/*
 * OffsetCommit Request (Version: 2 to 4) => group_id generation_id member_id retention_time_ms [topics]
 * OffsetCommit Request (Version: 5) => group_id generation_id member_id [topics]
 *   group_id => STRING, generation_id => INT32, member_id => STRING, retention_time_ms => INT64
 *   topics => name STRING [partitions]
 *     partitions => partition_index INT32 committed_offset INT64 committed_metadata NULLABLE_STRING
 *
 * OffsetCommit Response (Version: 2) => [topics]
 * OffsetCommit Response (Version: 3 to 5) => throttle_time_ms [topics]
 *   topics => name STRING [partitions]
 *     partitions => partition_index INT32 error_code INT16
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface OffsetCommitRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly topics: ReadonlyArray<{
    readonly name: string;
    readonly partitions: ReadonlyArray<{ partition: number; offset: number; metadata: string | null }>;
  }>;
}

export interface OffsetCommitResponse {
  readonly topics: ReadonlyArray<{ name: string; partitions: ReadonlyArray<{ partition: number; errorCode: number }> }>;
}

export function decodeOffsetCommitV2(r: Reader, version: number): OffsetCommitRequest {
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (version <= 4) r.int64(); // retention: committed offsets are kept until the group is deleted
  const topics = r.array((r) => ({
    name: r.string(),
    partitions: r.array((r) => ({ partition: r.int32(), offset: r.int64(), metadata: r.nullableString() })),
  }));
  return { groupId, generationId, memberId, topics };
}

export function encodeOffsetCommitV2(w: Writer, res: OffsetCommitResponse, version: number): void {
  if (version >= 3) w.int32(0);
  w.array(res.topics, (w, t) => {
    w.string(t.name);
    w.array(t.partitions, (w, p) => w.int32(p.partition).int16(p.errorCode));
  });
}
