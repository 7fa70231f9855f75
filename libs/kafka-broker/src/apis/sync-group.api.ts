import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import { decodeSyncGroupV0, encodeSyncGroupV0, type SyncGroupRequest } from '../codec/sync-group/sync-group.v0';
import type { SyncGroupResult } from '../groups';
import { defineApi } from './api.registry';

/** SyncGroup (READ on the group): followers wait for the leader's assignments, which pass through verbatim. */
export const syncGroupApi = defineApi<SyncGroupRequest, SyncGroupResult>({
  apiKey: ApiKey.SyncGroup,
  name: 'SyncGroup',
  minVersion: 0,
  maxVersion: 3,
  decode: decodeSyncGroupV0,
  handle: (req, { broker, access }) =>
    access.group('READ', req.groupId) ? broker.groups.syncGroup(req) : { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, assignment: Buffer.alloc(0) },
  encode: encodeSyncGroupV0,
});
