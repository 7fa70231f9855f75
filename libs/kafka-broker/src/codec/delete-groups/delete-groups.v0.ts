/*
 * DeleteGroups Request (Version: 0 and 1) => [groups_names]
 *   groups_names => STRING
 *
 * DeleteGroups Response (Version: 0 and 1) => throttle_time_ms [results]
 *   results => group_id STRING error_code INT16
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface DeleteGroupsRequest {
  readonly groups: string[];
}

export interface DeleteGroupsResponse {
  readonly results: ReadonlyArray<{ groupId: string; errorCode: number }>;
}

export function decodeDeleteGroupsV0(r: Reader): DeleteGroupsRequest {
  return { groups: r.array((r) => r.string()) };
}

export function encodeDeleteGroupsV0(w: Writer, res: DeleteGroupsResponse): void {
  w.int32(0);
  w.array(res.results, (w, g) => w.string(g.groupId).int16(g.errorCode));
}
