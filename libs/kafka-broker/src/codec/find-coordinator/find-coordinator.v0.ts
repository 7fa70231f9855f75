/*
 * FindCoordinator Request (Version: 0) => key
 * FindCoordinator Request (Version: 1 and 2) => key key_type
 *   key => STRING, key_type => INT8   (0 = group, 1 = transaction)
 *
 * FindCoordinator Response (Version: 0) => error_code node_id host port
 * FindCoordinator Response (Version: 1 and 2) => throttle_time_ms error_code error_message node_id host port
 *   throttle_time_ms => INT32, error_code => INT16, error_message => NULLABLE_STRING
 *   node_id => INT32, host => STRING, port => INT32
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface FindCoordinatorRequest {
  readonly key: string;
  readonly keyType: number;
}

export interface FindCoordinatorResponse {
  readonly errorCode: number;
  readonly errorMessage: string | null;
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

export function decodeFindCoordinatorV0(r: Reader, version: number): FindCoordinatorRequest {
  const key = r.string();
  return { key, keyType: version >= 1 ? r.int8() : 0 };
}

export function encodeFindCoordinatorV0(w: Writer, res: FindCoordinatorResponse, version: number): void {
  if (version >= 1) w.int32(0);
  w.int16(res.errorCode);
  if (version >= 1) w.nullableString(res.errorMessage);
  w.int32(res.nodeId).string(res.host).int32(res.port);
}
