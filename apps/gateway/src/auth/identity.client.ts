import type { Jwk } from '@cfc/contracts';
import type { InternalClient } from '@cfc/platform';

/** What the gateway reads from identity: its token keys and the revoked token ids. */
export interface IdentityKeysClient {
  jwks(): Promise<{ keys: Jwk[] }>;
  revocations(): Promise<{ revoked: { tokenId: string; expiresAt: string }[] }>;
}

/** DI token of the IdentityKeysClient. */
export const IDENTITY_KEYS_CLIENT = Symbol('IDENTITY_KEYS_CLIENT');

/** Reads identity's internal endpoints (service-token authenticated). */
export function httpIdentityKeysClient(internal: InternalClient): IdentityKeysClient {
  const get = <T>(path: string): Promise<T> => internal.json<T>('identity', { path, timeoutMs: 3000 });
  return { jwks: () => get('/internal/jwks'), revocations: () => get('/internal/revocations') };
}
