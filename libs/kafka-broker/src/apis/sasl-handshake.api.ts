import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import { decodeSaslHandshakeV0, encodeSaslHandshakeV0, type SaslHandshakeResponse } from '../codec/sasl-handshake/sasl-handshake.v0';
import { defineApi } from './api.registry';

/**
 * SaslHandshake: the embedded broker has no credentials configured, so it offers no mechanism and a
 * client configured for SASL fails at once with UNSUPPORTED_SASL_MECHANISM instead of hanging.
 */
export const saslHandshakeApi = defineApi<{ mechanism: string }, SaslHandshakeResponse>({
  apiKey: ApiKey.SaslHandshake,
  name: 'SaslHandshake',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeSaslHandshakeV0,
  handle: (req, { broker, connection }) => {
    broker.log('warn', 'SASL requested but not configured', { mechanism: req.mechanism, remote: connection.remote });
    return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [] };
  },
  encode: (w, res) => encodeSaslHandshakeV0(w, res),
});
