import { createPublicKey, verify } from 'node:crypto';
import { fromBase64Url } from './base64url';
import { Headers } from '../headers';

// Every consumer of cfc.provider.inbound.v1 authenticates a message with this one function, so that
// the rules (headers, key status, signature over the exact value bytes) cannot drift between services.
export const PROVIDER_HEADER = Headers.provider;
export const KEY_ID_HEADER = Headers.keyId;
export const SIGNATURE_HEADER = Headers.signature;

export interface ProviderKey {
  institutionId: string;
  keyId: string;
  publicKeyPem: string;
  status: 'ACTIVE' | 'REVOKED';
}

/** Port onto identity's registry of provider keys (a projection of its events, or its HTTP API). */
export interface ProviderKeyRegistry {
  /** The key, or undefined when this provider never registered it. Only PROVIDER institutions have keys. */
  providerKey(institutionId: string, keyId: string): Promise<ProviderKey | undefined>;
}

export type ProviderMessageRejection = 'MISSING_SIGNATURE_HEADERS' | 'UNKNOWN_KEY' | 'REVOKED_KEY' | 'BAD_SIGNATURE';
export type ProviderMessageVerification =
  | { ok: true; provider: string; keyId: string }
  | { ok: false; reason: ProviderMessageRejection; provider?: string; keyId?: string };

type HeaderValue = string | Buffer | (string | Buffer)[] | undefined;

/** Authenticates an inbound provider message: its three headers and the Ed25519 signature of `value`. */
export async function verifyProviderMessage(
  headers: Record<string, HeaderValue> | undefined,
  value: Buffer | null,
  registry: ProviderKeyRegistry,
): Promise<ProviderMessageVerification> {
  const provider = headerText(headers?.[PROVIDER_HEADER]);
  const keyId = headerText(headers?.[KEY_ID_HEADER]);
  const signatureText = headerText(headers?.[SIGNATURE_HEADER]);
  if (!provider || !keyId || !signatureText || value === null) return { ok: false, reason: 'MISSING_SIGNATURE_HEADERS', provider, keyId };
  const key = await registry.providerKey(provider, keyId);
  if (!key || key.institutionId !== provider) return { ok: false, reason: 'UNKNOWN_KEY', provider, keyId };
  if (key.status !== 'ACTIVE') return { ok: false, reason: 'REVOKED_KEY', provider, keyId };
  const signature = fromBase64Url(signatureText);
  if (!signature || signature.length !== 64 || !verify(null, value, createPublicKey(key.publicKeyPem), signature)) {
    return { ok: false, reason: 'BAD_SIGNATURE', provider, keyId };
  }
  return { ok: true, provider, keyId };
}

/** A registry over a fixed list of keys (tests, and consumers that load identity's key list). */
export function staticProviderKeyRegistry(keys: readonly ProviderKey[]): ProviderKeyRegistry {
  return { providerKey: async (institutionId, keyId) => keys.find((k) => k.institutionId === institutionId && k.keyId === keyId) };
}

function headerText(value: HeaderValue): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  if (single === undefined) return undefined;
  return Buffer.isBuffer(single) ? single.toString('utf8') : single;
}
