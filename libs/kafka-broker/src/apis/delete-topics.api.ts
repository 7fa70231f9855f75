import type { RequestAccess } from '../auth/request.access';
import type { BrokerContext } from '../broker.context';
import { ApiKey } from '../codec/api-keys';
import { decodeDeleteTopicsV0, encodeDeleteTopicsV0, type DeleteTopicsRequest, type DeleteTopicsResponse } from '../codec/delete-topics/delete-topics.v0';
import { ErrorCode } from '../codec/error-codes';
import { defineApi } from './api.registry';
import { errorCodeOf } from './storage-error.mapping';

/** DeleteTopics (DELETE on each topic): removes the topic's files; unknown names get UNKNOWN_TOPIC_OR_PARTITION. */
export const deleteTopicsApi = defineApi<DeleteTopicsRequest, DeleteTopicsResponse>({
  apiKey: ApiKey.DeleteTopics,
  name: 'DeleteTopics',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeDeleteTopicsV0,
  handle: async (req, { broker, access }) => ({
    responses: await Promise.all(
      req.topicNames.map((name) =>
        refusal(broker, access, name) ?? broker.storage.deleteTopic(name).then(
          () => ({ name, errorCode: ErrorCode.NONE }),
          (e: unknown) => ({ name, errorCode: errorCodeOf(e, broker.log, 'delete topic') }),
        ),
      ),
    ),
  }),
  encode: encodeDeleteTopicsV0,
});

// As Kafka: no DESCRIBE → TOPIC_AUTHORIZATION_FAILED (existence not told), unknown → UNKNOWN_TOPIC_OR_PARTITION, no DELETE → TOPIC_AUTHORIZATION_FAILED.
function refusal(broker: BrokerContext, access: RequestAccess, name: string): Promise<{ name: string; errorCode: number }> | undefined {
  if (!access.topic('DESCRIBE', name)) return Promise.resolve({ name, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED });
  if (!broker.storage.getTopic(name)) return undefined;
  if (!access.topic('DELETE', name)) return Promise.resolve({ name, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED });
  return undefined;
}
