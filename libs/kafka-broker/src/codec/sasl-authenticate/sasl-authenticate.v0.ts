/*
 * SaslAuthenticate Request (Version: 0 and 1) => auth_bytes
 *   auth_bytes => BYTES
 *
 * SaslAuthenticate Response (Version: 0) => error_code error_message auth_bytes
 *   error_code => INT16, error_message => NULLABLE_STRING, auth_bytes => BYTES
 * SaslAuthenticate Response (Version: 1) => error_code error_message auth_bytes session_lifetime_ms
 *   session_lifetime_ms => INT64 (0: the session does not expire, so no re-authentication)
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface SaslAuthenticateResponse {
  readonly errorCode: number;
  readonly errorMessage: string | null;
  readonly authBytes: Buffer;
}

export function decodeSaslAuthenticateV0(r: Reader): { authBytes: Buffer } {
  return { authBytes: r.bytes() };
}

export function encodeSaslAuthenticateV0(w: Writer, res: SaslAuthenticateResponse, version: number): void {
  w.int16(res.errorCode).nullableString(res.errorMessage).bytes(res.authBytes);
  if (version >= 1) w.int64(0);
}
