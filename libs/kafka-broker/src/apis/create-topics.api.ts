import { ApiKey } from '../codec/api-keys';
import { decodeCreateTopicsV0, encodeCreateTopicsV0, type CreatableTopic, type CreateTopicsRequest, type CreateTopicsResponse } from '../codec/create-topics/create-topics.v0';
import { ErrorCode } from '../codec/error-codes';
import type { BrokerContext } from '../broker.context';
import { StorageError } from '../storage/storage.port';
import { parseTopicConfig, validateTopicName } from '../storage/topic.config';
import { defineApi } from './api.registry';
import { errorOf } from './storage-error.mapping';

/** CreateTopics (CREATE on the cluster or the topic): one broker, so replication factor 1 (or -1, the default); -1 partitions = broker default. */
export const createTopicsApi = defineApi<CreateTopicsRequest, CreateTopicsResponse>({
  apiKey: ApiKey.CreateTopics,
  name: 'CreateTopics',
  minVersion: 0,
  maxVersion: 3,
  decode: decodeCreateTopicsV0,
  handle: async (req, { broker, access }) => {
    const onCluster = access.sees('CLUSTER', 'CREATE', '');
    const counts = new Map<string, number>();
    for (const t of req.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    const topics = [];
    for (const t of req.topics) {
      if (counts.get(t.name)! > 1) {
        topics.push({ name: t.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'topic named more than once in one request' });
        continue;
      }
      if (!onCluster && !access.topic('CREATE', t.name)) {
        topics.push({ name: t.name, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, errorMessage: 'Authorization failed.' });
        continue;
      }
      try {
        await create(broker, t, req.validateOnly);
        topics.push({ name: t.name, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (e) {
        topics.push({ name: t.name, ...errorOf(e, broker.log, 'create topic') });
      }
    }
    return { topics };
  },
  encode: encodeCreateTopicsV0,
});

async function create(broker: BrokerContext, t: CreatableTopic, validateOnly: boolean): Promise<void> {
  if (t.replicationFactor !== -1 && t.replicationFactor !== 1 && t.assignments.length === 0) {
    throw new StorageError(ErrorCode.INVALID_REPLICATION_FACTOR, `replication factor ${t.replicationFactor} is impossible with one broker`);
  }
  if (t.assignments.some((a) => a.brokerIds.some((id) => id !== broker.nodeId))) {
    throw new StorageError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `only broker ${broker.nodeId} exists`);
  }
  const partitions = t.assignments.length > 0 ? t.assignments.length : t.numPartitions === -1 ? broker.config.defaultPartitions : t.numPartitions;
  const configs: Record<string, string> = {};
  for (const c of t.configs) if (c.value !== null) configs[c.name] = c.value;
  if (!validateOnly) {
    await broker.storage.createTopic(t.name, partitions, configs);
    return;
  }
  validateTopicName(t.name);
  parseTopicConfig(configs);
  if (broker.storage.getTopic(t.name)) throw new StorageError(ErrorCode.TOPIC_ALREADY_EXISTS, `topic "${t.name}" already exists`);
  if (partitions < 1) throw new StorageError(ErrorCode.INVALID_PARTITIONS, `partitions must be at least 1, got ${partitions}`);
}
