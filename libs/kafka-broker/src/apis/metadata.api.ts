import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import type { MetadataRequest, MetadataResponse, MetadataTopic } from '../codec/metadata/metadata.types';
import { decodeMetadataV1, encodeMetadataV1 } from '../codec/metadata/metadata.v1';
import type { BrokerContext } from '../broker.context';
import type { TopicInfo } from '../storage/storage.port';
import { defineApi } from './api.registry';
import { errorCodeOf } from './storage-error.mapping';

/** Metadata: this broker leads every partition; unknown topics are created when the client allows it. */
export const metadataApi = defineApi<MetadataRequest, MetadataResponse>({
  apiKey: ApiKey.Metadata,
  name: 'Metadata',
  minVersion: 1,
  maxVersion: 4,
  decode: decodeMetadataV1,
  handle: async (req, { broker }) => {
    const names = req.topics ?? broker.storage.listTopics().map((t) => t.name);
    const topics: MetadataTopic[] = [];
    for (const name of names) topics.push(await describe(broker, name, req.allowAutoTopicCreation));
    return {
      brokers: [{ nodeId: broker.nodeId, host: broker.host, port: broker.port }],
      clusterId: broker.clusterId,
      controllerId: broker.nodeId,
      topics,
    };
  },
  encode: encodeMetadataV1,
});

async function describe(broker: BrokerContext, name: string, autoCreate: boolean): Promise<MetadataTopic> {
  let info: TopicInfo | undefined = broker.storage.getTopic(name);
  if (!info && autoCreate) {
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
