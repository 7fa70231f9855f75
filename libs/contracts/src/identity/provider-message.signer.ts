import { createPrivateKey, sign } from 'node:crypto';
import { KEY_ID_HEADER, PROVIDER_HEADER, SIGNATURE_HEADER } from './provider-message.verifier';
import { toBase64Url } from './base64url';

/** The three headers a provider puts on an inbound message (used by the simulator and tests). */
export function signProviderMessage(input: { provider: string; keyId: string; privateKeyPem: string; value: Buffer }): Record<string, string> {
  const signature = sign(null, input.value, createPrivateKey(input.privateKeyPem));
  return { [PROVIDER_HEADER]: input.provider, [KEY_ID_HEADER]: input.keyId, [SIGNATURE_HEADER]: toBase64Url(signature) };
}
