/*
 * Heartbeat Request (Version: 0 to 2) => group_id generation_id member_id
 * Heartbeat Request (Version: 3) => group_id generation_id member_id group_instance_id
 *   group_id => STRING, generation_id => INT32, member_id => STRING, group_instance_id => NULLABLE_STRING
 *
 * Heartbeat Response (Version: 0) => error_code
 * Heartbeat Response (Version: 1 to 3) => throttle_time_ms error_code
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface HeartbeatRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

export interface ErrorOnlyResponse {
  readonly errorCode: number;
}

export function decodeHeartbeatV0(r: Reader, version: number): HeartbeatRequest {
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  return { groupId, generationId, memberId, groupInstanceId: version >= 3 ? r.nullableString() : null };
}

export function encodeHeartbeatV0(w: Writer, res: ErrorOnlyResponse, version: number): void {
  if (version >= 1) w.int32(0);
  w.int16(res.errorCode);
}
