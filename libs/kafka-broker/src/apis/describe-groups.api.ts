import { ApiKey } from '../codec/api-keys';
import {
  decodeDescribeGroupsV0,
  encodeDescribeGroupsV0,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
} from '../codec/describe-groups/describe-groups.v0';
import { defineApi } from './api.registry';

/** DescribeGroups: state, protocol and members; metadata and assignments only once the group is Stable. */
export const describeGroupsApi = defineApi<DescribeGroupsRequest, DescribeGroupsResponse>({
  apiKey: ApiKey.DescribeGroups,
  name: 'DescribeGroups',
  minVersion: 0,
  maxVersion: 2,
  decode: decodeDescribeGroupsV0,
  handle: (req, { broker }) => ({ groups: req.groups.map((g) => broker.groups.describeGroup(g)) }),
  encode: encodeDescribeGroupsV0,
});
