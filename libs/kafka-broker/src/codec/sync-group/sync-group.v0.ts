/*
 * SyncGroup Request (Version: 0 to 2) => group_id generation_id member_id [assignments]
 * SyncGroup Request (Version: 3) => group_id generation_id member_id group_instance_id [assignments]
 *   group_id => STRING, generation_id => INT32, member_id => STRING, group_instance_id => NULLABLE_STRING
 *   assignments => member_id STRING assignment BYTES
 *
 * SyncGroup Response (Version: 0) => error_code assignment
 * SyncGroup Response (Version: 1 to 3) => throttle_time_ms error_code assignment
 *   throttle_time_ms => INT32, error_code => INT16, assignment => BYTES
 */
import type { SyncGroupInput, SyncGroupResult } from '../../groups';
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export type SyncGroupRequest = SyncGroupInput & { readonly groupInstanceId: string | null };

export function decodeSyncGroupV0(r: Reader, version: number): SyncGroupRequest {
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  const groupInstanceId = version >= 3 ? r.nullableString() : null;
  // Copies: the leader's assignments outlive the request frame they arrived in.
  const assignments = r.array((r) => ({ memberId: r.string(), assignment: Buffer.from(r.bytes()) }));
  return { groupId, generationId, memberId, groupInstanceId, assignments };
}

export function encodeSyncGroupV0(w: Writer, res: SyncGroupResult, version: number): void {
  if (version >= 1) w.int32(0);
  w.int16(res.errorCode).bytes(res.assignment);
}
