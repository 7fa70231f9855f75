/*
 * SaslHandshake Request (Version: 0 and 1) => mechanism
 *   mechanism => STRING
 *
 * SaslHandshake Response (Version: 0 and 1) => error_code [mechanisms]
 *   error_code => INT16
 *   mechanisms => STRING
 * (v1 only announces that SaslAuthenticate frames follow instead of raw SASL tokens.)
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface SaslHandshakeResponse {
  readonly errorCode: number;
  readonly mechanisms: string[];
}

export function decodeSaslHandshakeV0(r: Reader): { mechanism: string } {
  return { mechanism: r.string() };
}

export function encodeSaslHandshakeV0(w: Writer, res: SaslHandshakeResponse): void {
  w.int16(res.errorCode).array(res.mechanisms, (w, m) => w.string(m));
}
