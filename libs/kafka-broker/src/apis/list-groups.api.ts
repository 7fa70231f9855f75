import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import { encodeListGroupsV0, type ListGroupsResponse } from '../codec/list-groups/list-groups.v0';
import { defineApi } from './api.registry';

/** ListGroups: every group the coordinator knows (those with offsets only too); without DESCRIBE on the cluster, only the groups the principal may DESCRIBE. */
export const listGroupsApi = defineApi<null, ListGroupsResponse>({
  apiKey: ApiKey.ListGroups,
  name: 'ListGroups',
  minVersion: 0,
  maxVersion: 2,
  decode: () => null,
  handle: (_req, { broker, access }) => {
    const all = broker.groups.listGroups();
    const everyGroup = access.sees('CLUSTER', 'DESCRIBE', '');
    return { errorCode: ErrorCode.NONE, groups: everyGroup ? all : all.filter((g) => access.sees('GROUP', 'DESCRIBE', g.groupId)) };
  },
  encode: encodeListGroupsV0,
});
