import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import { encodeListGroupsV0, type ListGroupsResponse } from '../codec/list-groups/list-groups.v0';
import { defineApi } from './api.registry';

/** ListGroups: every group the coordinator knows, including those that only hold committed offsets. */
export const listGroupsApi = defineApi<null, ListGroupsResponse>({
  apiKey: ApiKey.ListGroups,
  name: 'ListGroups',
  minVersion: 0,
  maxVersion: 2,
  decode: () => null,
  handle: (_req, { broker }) => ({ errorCode: ErrorCode.NONE, groups: broker.groups.listGroups() }),
  encode: encodeListGroupsV0,
});
