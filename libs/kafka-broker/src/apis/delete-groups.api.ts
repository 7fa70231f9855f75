import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import {
  decodeDeleteGroupsV0,
  encodeDeleteGroupsV0,
  type DeleteGroupsRequest,
  type DeleteGroupsResponse,
} from '../codec/delete-groups/delete-groups.v0';
import { defineApi } from './api.registry';

/** DeleteGroups (DELETE on each group): only groups without members, and their committed offsets with them. */
export const deleteGroupsApi = defineApi<DeleteGroupsRequest, DeleteGroupsResponse>({
  apiKey: ApiKey.DeleteGroups,
  name: 'DeleteGroups',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeDeleteGroupsV0,
  handle: (req, { broker, access }) => ({
    results: req.groups.map((groupId) => ({
      groupId,
      errorCode: access.group('DELETE', groupId) ? broker.groups.deleteGroup(groupId) : ErrorCode.GROUP_AUTHORIZATION_FAILED,
    })),
  }),
  encode: encodeDeleteGroupsV0,
});
