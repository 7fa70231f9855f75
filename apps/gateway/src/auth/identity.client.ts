import type { Jwk } from '@cfc/contracts';

/** What the gateway reads from identity: its token keys and the revoked token ids. */
export interface IdentityKeysClient {
  jwks(): Promise<{ keys: Jwk[] }>;
  revocations(): Promise<{ revoked: { tokenId: string; expiresAt: string }[] }>;
}

/** DI token of the IdentityKeysClient. */
export const IDENTITY_KEYS_CLIENT = Symbol('IDENTITY_KEYS_CLIENT');

/** Reads identity's internal endpoints over HTTP. */
export function httpIdentityKeysClient(identityUrl: string): IdentityKeysClient {
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(new URL(path, identityUrl), { signal: AbortSignal.timeout(3000) });
    if (!res.ok) throw new Error(`identity ${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  return { jwks: () => get('/internal/jwks'), revocations: () => get('/internal/revocations') };
}
