import { ApiKey } from '../codec/api-keys';
import { decodeLeaveGroupV0, encodeLeaveGroupV0, type LeaveGroupRequest } from '../codec/leave-group/leave-group.v0';
import { defineApi } from './api.registry';

/** LeaveGroup: v0-1 only; advertising v3 would switch kafkajs to the members-array form. */
export const leaveGroupApi = defineApi<LeaveGroupRequest, { errorCode: number }>({
  apiKey: ApiKey.LeaveGroup,
  name: 'LeaveGroup',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeLeaveGroupV0,
  handle: (req, { broker }) => ({ errorCode: broker.groups.leaveGroup(req.groupId, req.memberId) }),
  encode: encodeLeaveGroupV0,
});
