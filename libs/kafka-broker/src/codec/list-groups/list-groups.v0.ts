/*
 * ListGroups Request (Version: 0 to 2) =>
 *
 * ListGroups Response (Version: 0) => error_code [groups]
 * ListGroups Response (Version: 1 and 2) => throttle_time_ms error_code [groups]
 *   groups => group_id STRING protocol_type STRING
 */
import type { Writer } from '../primitives/writer';

export interface ListGroupsResponse {
  readonly errorCode: number;
  readonly groups: ReadonlyArray<{ groupId: string; protocolType: string }>;
}

export function encodeListGroupsV0(w: Writer, res: ListGroupsResponse, version: number): void {
  if (version >= 1) w.int32(0);
  w.int16(res.errorCode);
  w.array(res.groups, (w, g) => w.string(g.groupId).string(g.protocolType));
}
