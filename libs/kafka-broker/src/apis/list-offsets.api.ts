import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import { decodeListOffsetsV1, encodeListOffsetsV1, type ListOffsetsRequest, type ListOffsetsResponse } from '../codec/list-offsets/list-offsets.v1';
import type { BrokerContext } from '../broker.context';
import { defineApi } from './api.registry';
import { errorCodeOf } from './storage-error.mapping';

const LATEST = -1;
const EARLIEST = -2;

/** ListOffsets (DESCRIBE on the topic): -1 latest (high watermark, which is also the last stable offset), -2 earliest, else by timestamp. */
export const listOffsetsApi = defineApi<ListOffsetsRequest, ListOffsetsResponse>({
  apiKey: ApiKey.ListOffsets,
  name: 'ListOffsets',
  minVersion: 1,
  maxVersion: 2,
  decode: decodeListOffsetsV1,
  handle: (req, { broker, access }) => ({
    topics: req.topics.map((t) => {
      const denied = !access.topic('DESCRIBE', t.name);
      return {
        name: t.name,
        partitions: t.partitions.map((p) =>
          denied ? { partition: p.partition, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, timestamp: -1, offset: -1 } : lookup(broker, t.name, p.partition, p.timestamp),
        ),
      };
    }),
  }),
  encode: encodeListOffsetsV1,
});

function lookup(broker: BrokerContext, topic: string, partition: number, timestamp: number) {
  try {
    const { logStartOffset, highWatermark } = broker.storage.offsets(topic, partition);
    const offset =
      timestamp === LATEST ? highWatermark : timestamp === EARLIEST ? logStartOffset : broker.storage.offsetForTimestamp(topic, partition, timestamp);
    return { partition, errorCode: ErrorCode.NONE, timestamp: -1, offset };
  } catch (e) {
    return { partition, errorCode: errorCodeOf(e, broker.log, 'list offsets'), timestamp: -1, offset: -1 };
  }
}
