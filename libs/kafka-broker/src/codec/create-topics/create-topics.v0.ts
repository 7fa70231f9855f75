/*
 * CreateTopics Request (Version: 0) => [topics] timeout_ms
 * CreateTopics Request (Version: 1 to 3) => [topics] timeout_ms validate_only BOOLEAN
 *   topics => name STRING num_partitions INT32 replication_factor INT16 [assignments] [configs]
 *     assignments => partition_index INT32 [broker_ids INT32]
 *     configs => name STRING value NULLABLE_STRING
 *   timeout_ms => INT32
 *
 * CreateTopics Response (Version: 0) => [topics]
 *   topics => name STRING error_code INT16
 * CreateTopics Response (Version: 1) => [topics]                       (topics gain error_message NULLABLE_STRING)
 * CreateTopics Response (Version: 2 and 3) => throttle_time_ms INT32 [topics]
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface CreatableTopic {
  readonly name: string;
  /** -1 = broker default. */
  readonly numPartitions: number;
  readonly replicationFactor: number;
  readonly assignments: ReadonlyArray<{ partition: number; brokerIds: number[] }>;
  readonly configs: ReadonlyArray<{ name: string; value: string | null }>;
}

export interface CreateTopicsRequest {
  readonly topics: CreatableTopic[];
  readonly timeoutMs: number;
  readonly validateOnly: boolean;
}

export interface CreateTopicsResponse {
  readonly topics: ReadonlyArray<{ name: string; errorCode: number; errorMessage: string | null }>;
}

export function decodeCreateTopicsV0(r: Reader, version: number): CreateTopicsRequest {
  const topics = r.array((r) => ({
    name: r.string(),
    numPartitions: r.int32(),
    replicationFactor: r.int16(),
    assignments: r.array((r) => ({ partition: r.int32(), brokerIds: r.array((r) => r.int32()) })),
    configs: r.array((r) => ({ name: r.string(), value: r.nullableString() })),
  }));
  const timeoutMs = r.int32();
  const validateOnly = version >= 1 ? r.boolean() : false;
  return { topics, timeoutMs, validateOnly };
}

export function encodeCreateTopicsV0(w: Writer, res: CreateTopicsResponse, version: number): void {
  if (version >= 2) w.int32(0);
  w.array(res.topics, (w, t) => {
    w.string(t.name).int16(t.errorCode);
    if (version >= 1) w.nullableString(t.errorMessage);
  });
}
