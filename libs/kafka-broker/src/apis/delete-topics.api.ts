import { ApiKey } from '../codec/api-keys';
import { decodeDeleteTopicsV0, encodeDeleteTopicsV0, type DeleteTopicsRequest, type DeleteTopicsResponse } from '../codec/delete-topics/delete-topics.v0';
import { ErrorCode } from '../codec/error-codes';
import { defineApi } from './api.registry';
import { errorCodeOf } from './storage-error.mapping';

/** DeleteTopics: removes the topic's files; unknown names get UNKNOWN_TOPIC_OR_PARTITION. */
export const deleteTopicsApi = defineApi<DeleteTopicsRequest, DeleteTopicsResponse>({
  apiKey: ApiKey.DeleteTopics,
  name: 'DeleteTopics',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeDeleteTopicsV0,
  handle: async (req, { broker }) => ({
    responses: await Promise.all(
      req.topicNames.map((name) =>
        broker.storage.deleteTopic(name).then(
          () => ({ name, errorCode: ErrorCode.NONE }),
          (e: unknown) => ({ name, errorCode: errorCodeOf(e, broker.log, 'delete topic') }),
        ),
      ),
    ),
  }),
  encode: encodeDeleteTopicsV0,
});
