import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import { decodeJoinGroupV0, encodeJoinGroupV0, type JoinGroupRequest } from '../codec/join-group/join-group.v0';
import type { JoinGroupResult } from '../groups';
import { defineApi } from './api.registry';

/** JoinGroup (READ on the group): held by the coordinator until the rebalance completes; v4+ first joins get MEMBER_ID_REQUIRED. */
export const joinGroupApi = defineApi<JoinGroupRequest, JoinGroupResult>({
  apiKey: ApiKey.JoinGroup,
  name: 'JoinGroup',
  minVersion: 0,
  maxVersion: 5,
  decode: decodeJoinGroupV0,
  handle: (req, { broker, header, connection, access }) =>
    !access.group('READ', req.groupId)
      ? { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, generationId: -1, protocolName: '', leader: '', memberId: '', members: [] }
      : broker.groups.joinGroup({
      ...req,
      clientId: header.clientId ?? '',
      clientHost: `/${connection.remote.replace(/:\d+$/, '')}`,
      requireKnownMemberId: header.apiVersion >= 4,
    }),
  encode: encodeJoinGroupV0,
});
