/*
 * DescribeGroups Request (Version: 0 to 2) => [groups]
 *   groups => STRING
 *
 * DescribeGroups Response (Version: 0) => [groups]
 * DescribeGroups Response (Version: 1 and 2) => throttle_time_ms [groups]
 *   groups => error_code INT16 group_id STRING group_state STRING protocol_type STRING protocol_data STRING [members]
 *     members => member_id STRING client_id STRING client_host STRING member_metadata BYTES member_assignment BYTES
 */
import type { GroupDescription } from '../../groups';
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface DescribeGroupsRequest {
  readonly groups: string[];
}

export interface DescribeGroupsResponse {
  readonly groups: readonly GroupDescription[];
}

export function decodeDescribeGroupsV0(r: Reader): DescribeGroupsRequest {
  return { groups: r.array((r) => r.string()) };
}

export function encodeDescribeGroupsV0(w: Writer, res: DescribeGroupsResponse, version: number): void {
  if (version >= 1) w.int32(0);
  w.array(res.groups, (w, g) => {
    w.int16(g.errorCode).string(g.groupId).string(g.state).string(g.protocolType).string(g.protocolName);
    w.array(g.members, (w, m) => {
      w.string(m.memberId).string(m.clientId).string(m.clientHost).bytes(m.metadata).bytes(m.assignment);
    });
  });
}
