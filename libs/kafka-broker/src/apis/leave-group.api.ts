import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import { decodeLeaveGroupV0, encodeLeaveGroupV0, type LeaveGroupRequest } from '../codec/leave-group/leave-group.v0';
import { defineApi } from './api.registry';

/** LeaveGroup (READ on the group): v0-1 only; advertising v3 would switch kafkajs to the members-array form. */
export const leaveGroupApi = defineApi<LeaveGroupRequest, { errorCode: number }>({
  apiKey: ApiKey.LeaveGroup,
  name: 'LeaveGroup',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeLeaveGroupV0,
  handle: (req, { broker, access }) => ({
    errorCode: access.group('READ', req.groupId) ? broker.groups.leaveGroup(req.groupId, req.memberId) : ErrorCode.GROUP_AUTHORIZATION_FAILED,
  }),
  encode: encodeLeaveGroupV0,
});
