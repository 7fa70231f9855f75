/*
 * Metadata Request (Version: 0) => [topics]          (an empty array = all topics)
 *   topics => name STRING
 *
 * Metadata Response (Version: 0) => [brokers] [topics]
 *   brokers => node_id INT32, host STRING, port INT32
 *   topics => error_code INT16, name STRING, [partitions]
 *     partitions => error_code INT16, partition_index INT32, leader_id INT32, [replica_nodes INT32], [isr_nodes INT32]
 *
 * kafka-python 2.0.2 sends v0 right after ApiVersions v0 to probe the broker's version.
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';
import type { MetadataRequest, MetadataResponse } from './metadata.types';

/** v0 has no null array: empty means every topic. Auto-creation is allowed, as Kafka did then. */
export function decodeMetadataV0(r: Reader): MetadataRequest {
  const topics = r.array((r) => r.string());
  return { topics: topics.length === 0 ? null : topics, allowAutoTopicCreation: true };
}

export function encodeMetadataV0(w: Writer, res: MetadataResponse): void {
  w.array(res.brokers, (w, b) => w.int32(b.nodeId).string(b.host).int32(b.port));
  w.array(res.topics, (w, t) => {
    w.int16(t.errorCode).string(t.name);
    w.array(t.partitions, (w, p) => {
      w.int16(p.errorCode).int32(p.partition).int32(p.leader);
      w.array(p.replicas, (w, n) => w.int32(n));
      w.array(p.isr, (w, n) => w.int32(n));
    });
  });
}
