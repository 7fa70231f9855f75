/*
 * LeaveGroup Request (Version: 0 and 1) => group_id member_id
 *   group_id => STRING, member_id => STRING
 *   (v3 switches to a members array; not advertised, or kafkajs would use it)
 *
 * LeaveGroup Response (Version: 0) => error_code
 * LeaveGroup Response (Version: 1) => throttle_time_ms error_code
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface LeaveGroupRequest {
  readonly groupId: string;
  readonly memberId: string;
}

export function decodeLeaveGroupV0(r: Reader): LeaveGroupRequest {
  return { groupId: r.string(), memberId: r.string() };
}

export function encodeLeaveGroupV0(w: Writer, res: { errorCode: number }, version: number): void {
  if (version >= 1) w.int32(0);
  w.int16(res.errorCode);
}
