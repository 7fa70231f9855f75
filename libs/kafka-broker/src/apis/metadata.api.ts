import type { RequestAccess } from '../auth/request.access';
import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import type { MetadataRequest, MetadataResponse, MetadataTopic } from '../codec/metadata/metadata.types';
import { decodeMetadataV0, encodeMetadataV0 } from '../codec/metadata/metadata.v0';
import { decodeMetadataV1, encodeMetadataV1 } from '../codec/metadata/metadata.v1';
import type { BrokerContext } from '../broker.context';
import type { TopicInfo } from '../storage/storage.port';
import { defineApi } from './api.registry';
import { errorCodeOf } from './storage-error.mapping';

/**
 * Metadata: this broker leads every partition. As in Apache Kafka, "all topics" lists only those the
 * principal may DESCRIBE, a named topic it may not gets TOPIC_AUTHORIZATION_FAILED, and an unknown
 * topic is auto-created (when the client allows it) only with CREATE on the cluster or the topic.
 */
export const metadataApi = defineApi<MetadataRequest, MetadataResponse>({
  apiKey: ApiKey.Metadata,
  name: 'Metadata',
  minVersion: 0,
  maxVersion: 4,
  decode: (r, version) => (version === 0 ? decodeMetadataV0(r) : decodeMetadataV1(r, version)),
  handle: async (req, { broker, access }) => {
    const names = req.topics ?? broker.storage.listTopics().map((t) => t.name).filter((name) => access.sees('TOPIC', 'DESCRIBE', name));
    const topics: MetadataTopic[] = [];
    for (const name of names) topics.push(await describe(broker, access, name, req.allowAutoTopicCreation));
    return {
      brokers: [{ nodeId: broker.nodeId, host: broker.host, port: broker.port }],
      clusterId: broker.clusterId,
      controllerId: broker.nodeId,
      topics,
    };
  },
  encode: (w, res, version) => (version === 0 ? encodeMetadataV0(w, res) : encodeMetadataV1(w, res, version)),
});

async function describe(broker: BrokerContext, access: RequestAccess, name: string, autoCreate: boolean): Promise<MetadataTopic> {
  const refused = { errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, name, partitions: [] };
  if (!access.topic('DESCRIBE', name)) return refused;
  let info: TopicInfo | undefined = broker.storage.getTopic(name);
  if (!info && autoCreate) {
    if (!access.sees('CLUSTER', 'CREATE', '') && !access.topic('CREATE', name)) return refused;
    try {
      info = await broker.storage.createTopic(name, broker.config.defaultPartitions, {});
    } catch (e) {
      info = broker.storage.getTopic(name);
      if (!info) return { errorCode: errorCodeOf(e, broker.log, 'topic auto-creation'), name, partitions: [] };
    }
  }
  if (!info) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name, partitions: [] };
  const node = [broker.nodeId];
  return {
    errorCode: ErrorCode.NONE,
    name,
    partitions: Array.from({ length: info.partitions }, (_, partition) => ({
      errorCode: ErrorCode.NONE,
      partition,
      leader: broker.nodeId,
      replicas: node,
      isr: node,
    })),
  };
}
