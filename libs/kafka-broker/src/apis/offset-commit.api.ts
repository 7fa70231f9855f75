import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import {
  decodeOffsetCommitV2,
  encodeOffsetCommitV2,
  type OffsetCommitRequest,
  type OffsetCommitResponse,
} from '../codec/offset-commit/offset-commit.v2';
import { defineApi } from './api.registry';

/** OffsetCommit: partitions of unknown topics are refused; the rest is checked against the group, then made durable. */
export const offsetCommitApi = defineApi<OffsetCommitRequest, OffsetCommitResponse>({
  apiKey: ApiKey.OffsetCommit,
  name: 'OffsetCommit',
  minVersion: 2,
  maxVersion: 5,
  decode: decodeOffsetCommitV2,
  handle: (req, { broker }) => {
    const known = (topic: string, partition: number) => {
      const info = broker.storage.getTopic(topic);
      return info !== undefined && partition >= 0 && partition < info.partitions;
    };
    const entries = req.topics.flatMap((t) =>
      t.partitions.filter((p) => known(t.name, p.partition)).map((p) => ({ topic: t.name, ...p })),
    );
    const errorCode = broker.groups.commitOffsets(req.groupId, req.memberId, req.generationId, entries);
    return {
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partition: p.partition,
          errorCode: known(t.name, p.partition) ? errorCode : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        })),
      })),
    };
  },
  encode: encodeOffsetCommitV2,
});
