/*
 * ApiVersions Request (Version: 0) =>
 *
 * ApiVersions Response (Version: 0) => error_code [api_keys]
 *   error_code => INT16
 *   api_keys => api_key min_version max_version
 *     api_key => INT16, min_version => INT16, max_version => INT16
 */
import { ErrorCode } from '../error-codes';
import type { Writer } from '../primitives/writer';

export interface ApiVersionRange {
  readonly apiKey: number;
  readonly minVersion: number;
  readonly maxVersion: number;
}

export interface ApiVersionsResponse {
  readonly errorCode: number;
  readonly apiKeys: readonly ApiVersionRange[];
}

/** Writes the v0 body; v0 is also the body for answering versions the broker does not speak. */
export function encodeApiVersionsV0(w: Writer, res: ApiVersionsResponse): void {
  w.int16(res.errorCode);
  w.array(res.apiKeys, (w, k) => w.int16(k.apiKey).int16(k.minVersion).int16(k.maxVersion));
}

/** UNSUPPORTED_VERSION with the v0 body, so a client that opened too high learns what to retry with. */
export function encodeApiVersionsUnsupported(w: Writer, apiKeys: readonly ApiVersionRange[]): void {
  encodeApiVersionsV0(w, { errorCode: ErrorCode.UNSUPPORTED_VERSION, apiKeys });
}
