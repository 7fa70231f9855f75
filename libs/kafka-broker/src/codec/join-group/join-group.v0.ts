/*
 * JoinGroup Request (Version: 0) => group_id session_timeout_ms member_id protocol_type [protocols]
 * JoinGroup Request (Version: 1 to 4) => group_id session_timeout_ms rebalance_timeout_ms member_id protocol_type [protocols]
 * JoinGroup Request (Version: 5) => group_id session_timeout_ms rebalance_timeout_ms member_id group_instance_id protocol_type [protocols]
 *   group_id => STRING, session_timeout_ms => INT32, rebalance_timeout_ms => INT32, member_id => STRING
 *   group_instance_id => NULLABLE_STRING, protocol_type => STRING
 *   protocols => name STRING metadata BYTES
 *
 * JoinGroup Response (Version: 0 and 1) => error_code generation_id protocol_name leader member_id [members]
 * JoinGroup Response (Version: 2 to 4) => throttle_time_ms error_code generation_id protocol_name leader member_id [members]
 *   members => member_id STRING metadata BYTES
 * JoinGroup Response (Version: 5) => (as 2) with members => member_id STRING group_instance_id NULLABLE_STRING metadata BYTES
 */
import type { GroupProtocol, JoinGroupResult } from '../../groups';
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface JoinGroupRequest {
  readonly groupId: string;
  readonly sessionTimeoutMs: number;
  /** v0 has none: the session timeout doubles as the rebalance timeout. */
  readonly rebalanceTimeoutMs: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly protocolType: string;
  readonly protocols: GroupProtocol[];
}

export function decodeJoinGroupV0(r: Reader, version: number): JoinGroupRequest {
  const groupId = r.string();
  const sessionTimeoutMs = r.int32();
  const rebalanceTimeoutMs = version >= 1 ? r.int32() : sessionTimeoutMs;
  const memberId = r.string();
  const groupInstanceId = version >= 5 ? r.nullableString() : null;
  const protocolType = r.string();
  const protocols = r.array((r) => ({ name: r.string(), metadata: Buffer.from(r.bytes()) }));
  return { groupId, sessionTimeoutMs, rebalanceTimeoutMs, memberId, groupInstanceId, protocolType, protocols };
}

export function encodeJoinGroupV0(w: Writer, res: JoinGroupResult, version: number): void {
  if (version >= 2) w.int32(0);
  w.int16(res.errorCode).int32(res.generationId).string(res.protocolName).string(res.leader).string(res.memberId);
  w.array(res.members, (w, m) => {
    w.string(m.memberId);
    if (version >= 5) w.nullableString(m.groupInstanceId);
    w.bytes(m.metadata);
  });
}
