import { ApiKey } from '../codec/api-keys';
import {
  decodeDeleteGroupsV0,
  encodeDeleteGroupsV0,
  type DeleteGroupsRequest,
  type DeleteGroupsResponse,
} from '../codec/delete-groups/delete-groups.v0';
import { defineApi } from './api.registry';

/** DeleteGroups: only groups without members, and their committed offsets with them. */
export const deleteGroupsApi = defineApi<DeleteGroupsRequest, DeleteGroupsResponse>({
  apiKey: ApiKey.DeleteGroups,
  name: 'DeleteGroups',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeDeleteGroupsV0,
  handle: (req, { broker }) => ({
    results: req.groups.map((groupId) => ({ groupId, errorCode: broker.groups.deleteGroup(groupId) })),
  }),
  encode: encodeDeleteGroupsV0,
});
