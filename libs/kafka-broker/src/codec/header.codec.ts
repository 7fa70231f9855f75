/*
 * Request Header v1 => request_api_key request_api_version correlation_id client_id
 *   request_api_key => INT16, request_api_version => INT16, correlation_id => INT32, client_id => NULLABLE_STRING
 * Request Header v2 => request_api_key request_api_version correlation_id client_id TAG_BUFFER
 *   (client_id stays a non-compact NULLABLE_STRING even in v2)
 * Response Header v0 => correlation_id INT32
 * Response Header v1 => correlation_id INT32 TAG_BUFFER
 */
import type { Reader } from './primitives/reader';
import type { Writer } from './primitives/writer';

export interface RequestHeader {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
}

/** Reads the fixed part every request version shares; a v2 header's tags are skipped by readHeaderTags. */
export function decodeRequestHeader(r: Reader): RequestHeader {
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = r.nullableString();
  return { apiKey, apiVersion, correlationId, clientId };
}

/** Flexible requests (header v2) end their header with a tag section. */
export function readHeaderTags(r: Reader, flexible: boolean): void {
  if (flexible) r.skipTaggedFields();
}

/** Response header v0, or v1 for flexible responses (except ApiVersions, which always uses v0). */
export function encodeResponseHeader(w: Writer, correlationId: number, flexible: boolean): void {
  w.int32(correlationId);
  if (flexible) w.emptyTaggedFields();
}
