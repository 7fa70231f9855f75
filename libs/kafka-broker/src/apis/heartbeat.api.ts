import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import {
  decodeHeartbeatV0,
  encodeHeartbeatV0,
  type ErrorOnlyResponse,
  type HeartbeatRequest,
} from '../codec/heartbeat/heartbeat.v0';
import { defineApi } from './api.registry';

/** Heartbeat (READ on the group): keeps the member alive; REBALANCE_IN_PROGRESS tells it to rejoin. */
export const heartbeatApi = defineApi<HeartbeatRequest, ErrorOnlyResponse>({
  apiKey: ApiKey.Heartbeat,
  name: 'Heartbeat',
  minVersion: 0,
  maxVersion: 3,
  decode: decodeHeartbeatV0,
  handle: (req, { broker, access }) => ({
    errorCode: access.group('READ', req.groupId) ? broker.groups.heartbeat(req.groupId, req.memberId, req.generationId) : ErrorCode.GROUP_AUTHORIZATION_FAILED,
  }),
  encode: encodeHeartbeatV0,
});
