import { ApiKey } from '../codec/api-keys';
import { decodeSaslHandshakeV0, encodeSaslHandshakeV0, type SaslHandshakeResponse } from '../codec/sasl-handshake/sasl-handshake.v0';
import { defineApi } from './api.registry';

/**
 * SaslHandshake: picks the mechanism (auth/sasl.session.ts). v0 means bare SASL tokens follow (kafka-python,
 * old librdkafka), v1 means SaslAuthenticate requests. With auth off no mechanism is offered, so a client
 * configured for SASL fails at once with UNSUPPORTED_SASL_MECHANISM instead of hanging.
 */
export const saslHandshakeApi = defineApi<{ mechanism: string }, SaslHandshakeResponse>({
  apiKey: ApiKey.SaslHandshake,
  name: 'SaslHandshake',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeSaslHandshakeV0,
  handle: (req, { header, connection }) => {
    const answer = connection.session.handshake(req.mechanism, header.apiVersion);
    if (answer.closeAfter) connection.closeAfterReply(answer.closeAfter);
    return { errorCode: answer.errorCode, mechanisms: answer.mechanisms };
  },
  encode: (w, res) => encodeSaslHandshakeV0(w, res),
});
