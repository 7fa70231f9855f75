import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import {
  decodeOffsetFetchV1,
  encodeOffsetFetchV1,
  type OffsetFetchRequest,
  type OffsetFetchResponse,
} from '../codec/offset-fetch/offset-fetch.v1';
import { defineApi } from './api.registry';

/**
 * OffsetFetch: DESCRIBE on the group (else GROUP_AUTHORIZATION_FAILED) and on each topic (else
 * TOPIC_AUTHORIZATION_FAILED; "all topics" skips them silently); -1 where nothing is committed.
 */
export const offsetFetchApi = defineApi<OffsetFetchRequest, OffsetFetchResponse>({
  apiKey: ApiKey.OffsetFetch,
  name: 'OffsetFetch',
  minVersion: 1,
  maxVersion: 4,
  decode: decodeOffsetFetchV1,
  handle: (req, { broker, access }) => {
    if (!access.group('DESCRIBE', req.groupId)) {
      // v1 has no top-level error: each asked partition carries it, as Kafka answers.
      const topics = (req.topics ?? []).map((t) => ({ name: t.topic, partitions: t.partitions.map((p) => unanswered(p, ErrorCode.GROUP_AUTHORIZATION_FAILED)) }));
      return { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, topics };
    }
    const query = req.topics?.filter((t) => access.topic('DESCRIBE', t.topic)) ?? null;
    const fetched = broker.groups.fetchOffsets(req.groupId, query).filter((t) => req.topics !== null || access.sees('TOPIC', 'DESCRIBE', t.topic));
    const byTopic = new Map(fetched.map((t) => [t.topic, t]));
    const answered = (topic: string) => byTopic.get(topic)?.partitions.map((p) => ({ ...p, errorCode: ErrorCode.NONE }));
    const topics =
      req.topics === null
        ? fetched.map((t) => ({ name: t.topic, partitions: answered(t.topic) ?? [] }))
        : req.topics.map((t) => ({ name: t.topic, partitions: answered(t.topic) ?? t.partitions.map((p) => unanswered(p, ErrorCode.TOPIC_AUTHORIZATION_FAILED)) }));
    return { errorCode: ErrorCode.NONE, topics };
  },
  encode: encodeOffsetFetchV1,
});

function unanswered(partition: number, errorCode: number) {
  return { partition, offset: -1, metadata: null, errorCode };
}
