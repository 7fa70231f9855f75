import { ApiKey } from '../codec/api-keys';
import {
  decodeSaslAuthenticateV0,
  encodeSaslAuthenticateV0,
  type SaslAuthenticateResponse,
} from '../codec/sasl-authenticate/sasl-authenticate.v0';
import { defineApi } from './api.registry';

/** SaslAuthenticate: one SASL token per request after SaslHandshake v1; a failure answers, then closes. */
export const saslAuthenticateApi = defineApi<{ authBytes: Buffer }, SaslAuthenticateResponse>({
  apiKey: ApiKey.SaslAuthenticate,
  name: 'SaslAuthenticate',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeSaslAuthenticateV0,
  handle: async (req, { connection }) => {
    const answer = await connection.session.authenticate(req.authBytes);
    if (answer.closeAfter) connection.closeAfterReply(answer.closeAfter);
    return { errorCode: answer.errorCode, errorMessage: answer.message, authBytes: answer.token };
  },
  encode: encodeSaslAuthenticateV0,
});
