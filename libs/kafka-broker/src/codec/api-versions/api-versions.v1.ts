/*
 * ApiVersions Request (Version: 1 and 2) =>
 *
 * ApiVersions Response (Version: 1 and 2) => error_code [api_keys] throttle_time_ms
 *   error_code => INT16
 *   api_keys => api_key min_version max_version
 *     api_key => INT16, min_version => INT16, max_version => INT16
 *   throttle_time_ms => INT32
 * (v2 differs only in throttling semantics, not on the wire.)
 */
import type { Writer } from '../primitives/writer';
import { encodeApiVersionsV0, type ApiVersionsResponse } from './api-versions.v0';

/** Writes the v1/v2 body: v0 plus a throttle time, always 0 here. */
export function encodeApiVersionsV1(w: Writer, res: ApiVersionsResponse): void {
  encodeApiVersionsV0(w, res);
  w.int32(0);
}
