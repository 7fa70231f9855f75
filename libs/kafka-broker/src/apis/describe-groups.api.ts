import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import {
  decodeDescribeGroupsV0,
  encodeDescribeGroupsV0,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
} from '../codec/describe-groups/describe-groups.v0';
import { defineApi } from './api.registry';

/** DescribeGroups (DESCRIBE on each group): state, protocol and members; metadata and assignments only once the group is Stable. */
export const describeGroupsApi = defineApi<DescribeGroupsRequest, DescribeGroupsResponse>({
  apiKey: ApiKey.DescribeGroups,
  name: 'DescribeGroups',
  minVersion: 0,
  maxVersion: 2,
  decode: decodeDescribeGroupsV0,
  handle: (req, { broker, access }) => ({
    groups: req.groups.map((g) =>
      access.group('DESCRIBE', g)
        ? broker.groups.describeGroup(g)
        : { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, groupId: g, state: 'Dead' as const, protocolType: '', protocolName: '', members: [] },
    ),
  }),
  encode: encodeDescribeGroupsV0,
});
