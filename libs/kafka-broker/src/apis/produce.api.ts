import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import type { ProducePartitionData, ProducePartitionResponse, ProduceRequest, ProduceResponse } from '../codec/produce/produce.types';
import { decodeProduceV0, encodeProduceResponse } from '../codec/produce/produce.v0';
import { decodeProduceV3 } from '../codec/produce/produce.v3';
import type { BrokerContext } from '../broker.context';
import { splitBatches } from '../storage/record-batch';
import { NO_RESPONSE, defineApi } from './api.registry';
import { errorCodeOf } from './storage-error.mapping';

/**
 * Produce: appends each partition's batches; a topic without WRITE gets TOPIC_AUTHORIZATION_FAILED. All appends start before the first await, so pipelined
 * requests on one connection reach the log in the order they were sent. acks=0 gets no reply.
 */
export const produceApi = defineApi<ProduceRequest, ProduceResponse>({
  apiKey: ApiKey.Produce,
  name: 'Produce',
  minVersion: 0,
  maxVersion: 7,
  decode: (r, version) => (version >= 3 ? decodeProduceV3(r) : decodeProduceV0(r)),
  handle: async (req, { broker, access }) => {
    const validAcks = req.acks === 0 || req.acks === 1 || req.acks === -1;
    const topics = req.topics.map((t) => {
      const refused = !validAcks ? ErrorCode.INVALID_REQUIRED_ACKS : !access.topic('WRITE', t.name) ? ErrorCode.TOPIC_AUTHORIZATION_FAILED : undefined;
      return {
        name: t.name,
        partitions: t.partitions.map((p) => (refused === undefined ? appendPartition(broker, t.name, p) : failed(p.partition, refused))),
      };
    });
    if (req.acks === 0) return NO_RESPONSE;
    return { topics: await Promise.all(topics.map(async (t) => ({ name: t.name, partitions: await Promise.all(t.partitions) }))) };
  },
  encode: encodeProduceResponse,
});

function failed(partition: number, errorCode: number): Promise<ProducePartitionResponse> {
  return Promise.resolve({ partition, errorCode, baseOffset: -1, logAppendTimeMs: -1, logStartOffset: -1 });
}

function appendPartition(broker: BrokerContext, topic: string, data: ProducePartitionData): Promise<ProducePartitionResponse> {
  const batches = data.records && splitBatches(data.records);
  if (!batches || batches.length === 0) return failed(data.partition, ErrorCode.CORRUPT_MESSAGE);
  const appends = batches.map((b) => broker.storage.append(topic, data.partition, b));
  return Promise.all(appends).then(
    (results) => ({
      partition: data.partition,
      errorCode: ErrorCode.NONE,
      baseOffset: results[0].baseOffset,
      logAppendTimeMs: -1,
      logStartOffset: results[0].logStartOffset,
    }),
    (e: unknown) => failed(data.partition, errorCodeOf(e, broker.log, 'produce append')),
  );
}
