import type { Jwk } from '@cfc/contracts';
import type { InternalClient } from '@cfc/platform';
/** What the gateway reads from identity: its token keys and the revoked token ids. */
export interface IdentityKeysClient {
    jwks(): Promise<{
        keys: Jwk[];
    }>;
    revocations(): Promise<{
        revoked: {
            tokenId: string;
            expiresAt: string;
        }[];
    }>;
}
/** DI token of the IdentityKeysClient. */
export declare const IDENTITY_KEYS_CLIENT: unique symbol;
/** Reads identity's internal endpoints (service-token authenticated). */
export declare function httpIdentityKeysClient(internal: InternalClient): IdentityKeysClient;
