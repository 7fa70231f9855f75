/*
 * Metadata Request (Version: 1 to 3) => [topics]          (topics nullable: null = all topics)
 *   topics => name STRING
 * Metadata Request (Version: 4) => [topics] allow_auto_topic_creation BOOLEAN
 *
 * Metadata Response (Version: 1) => [brokers] controller_id [topics]
 * Metadata Response (Version: 2) => [brokers] cluster_id controller_id [topics]
 * Metadata Response (Version: 3 and 4) => throttle_time_ms [brokers] cluster_id controller_id [topics]
 *   throttle_time_ms => INT32
 *   brokers => node_id INT32, host STRING, port INT32, rack NULLABLE_STRING
 *   cluster_id => NULLABLE_STRING
 *   controller_id => INT32
 *   topics => error_code INT16, name STRING, is_internal BOOLEAN, [partitions]
 *     partitions => error_code INT16, partition_index INT32, leader_id INT32, [replica_nodes INT32], [isr_nodes INT32]
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';
import type { MetadataRequest, MetadataResponse } from './metadata.types';

/** Versions 1-4; v1-3 always allow auto-creation, as Kafka did before the flag existed. */
export function decodeMetadataV1(r: Reader, version: number): MetadataRequest {
  const topics = r.nullableArray((r) => r.string());
  const allowAutoTopicCreation = version >= 4 ? r.boolean() : true;
  return { topics, allowAutoTopicCreation };
}

export function encodeMetadataV1(w: Writer, res: MetadataResponse, version: number): void {
  if (version >= 3) w.int32(0);
  w.array(res.brokers, (w, b) => w.int32(b.nodeId).string(b.host).int32(b.port).nullableString(null));
  if (version >= 2) w.nullableString(res.clusterId);
  w.int32(res.controllerId);
  w.array(res.topics, (w, t) => {
    w.int16(t.errorCode).string(t.name).boolean(false);
    w.array(t.partitions, (w, p) => {
      w.int16(p.errorCode).int32(p.partition).int32(p.leader);
      w.array(p.replicas, (w, n) => w.int32(n));
      w.array(p.isr, (w, n) => w.int32(n));
    });
  });
}
