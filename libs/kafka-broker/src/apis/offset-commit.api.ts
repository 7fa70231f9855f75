import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import {
  decodeOffsetCommitV2,
  encodeOffsetCommitV2,
  type OffsetCommitRequest,
  type OffsetCommitResponse,
} from '../codec/offset-commit/offset-commit.v2';
import { defineApi } from './api.registry';

/**
 * OffsetCommit: READ on the group (else GROUP_AUTHORIZATION_FAILED everywhere) and on each topic;
 * partitions of unknown topics are refused; the rest is checked against the group, then made durable.
 */
export const offsetCommitApi = defineApi<OffsetCommitRequest, OffsetCommitResponse>({
  apiKey: ApiKey.OffsetCommit,
  name: 'OffsetCommit',
  minVersion: 2,
  maxVersion: 5,
  decode: decodeOffsetCommitV2,
  handle: (req, { broker, access }) => {
    if (!access.group('READ', req.groupId)) return everyPartition(req, ErrorCode.GROUP_AUTHORIZATION_FAILED);
    const readable = new Set(req.topics.filter((t) => access.topic('READ', t.name)).map((t) => t.name));
    const refusal = (topic: string, partition: number) =>
      !readable.has(topic) ? ErrorCode.TOPIC_AUTHORIZATION_FAILED : !known(topic, partition) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : undefined;
    const known = (topic: string, partition: number) => {
      const info = broker.storage.getTopic(topic);
      return info !== undefined && partition >= 0 && partition < info.partitions;
    };
    const entries = req.topics.flatMap((t) =>
      t.partitions.filter((p) => refusal(t.name, p.partition) === undefined).map((p) => ({ topic: t.name, ...p })),
    );
    const errorCode = broker.groups.commitOffsets(req.groupId, req.memberId, req.generationId, entries);
    return {
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partition: p.partition,
          errorCode: refusal(t.name, p.partition) ?? errorCode,
        })),
      })),
    };
  },
  encode: encodeOffsetCommitV2,
});

function everyPartition(req: OffsetCommitRequest, errorCode: number): OffsetCommitResponse {
  return { topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode })) })) };
}
