import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import {
  decodeOffsetFetchV1,
  encodeOffsetFetchV1,
  type OffsetFetchRequest,
  type OffsetFetchResponse,
} from '../codec/offset-fetch/offset-fetch.v1';
import { defineApi } from './api.registry';

/** OffsetFetch: -1 where nothing is committed; null topics (v2+) = every committed partition. */
export const offsetFetchApi = defineApi<OffsetFetchRequest, OffsetFetchResponse>({
  apiKey: ApiKey.OffsetFetch,
  name: 'OffsetFetch',
  minVersion: 1,
  maxVersion: 4,
  decode: decodeOffsetFetchV1,
  handle: (req, { broker }) => ({
    errorCode: ErrorCode.NONE,
    topics: broker.groups.fetchOffsets(req.groupId, req.topics).map((t) => ({
      name: t.topic,
      partitions: t.partitions.map((p) => ({ ...p, errorCode: ErrorCode.NONE })),
    })),
  }),
  encode: encodeOffsetFetchV1,
});
