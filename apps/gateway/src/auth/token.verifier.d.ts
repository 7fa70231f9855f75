import { type TokenVerification } from '@cfc/contracts';
import type { IdentityKeysClient } from './identity.client';
/**
 * Verifies bearer tokens against identity's JWKS (cached; refetched when a token names an unknown key,
 * at most every few seconds so that junk tokens cannot hammer identity) and identity's revocations.
 */
export declare class TokenVerifier {
    private readonly identity;
    private readonly now;
    private readonly revocationsEveryMs;
    private jwks;
    private fetchedAt;
    private readonly revoked;
    private revocationsAt;
    constructor(identity: IdentityKeysClient, now?: () => number, revocationsEveryMs?: number);
    /** Signature, issuer, expiry (any audience: the guard decides between 401 and 403), and revocation. */
    verify(token: string): Promise<TokenVerification | {
        ok: false;
        reason: 'REVOKED';
    }>;
    /** Records a logout seen by this gateway at once, without waiting for the next poll. */
    revoke(tokenId: string, expiresAtSeconds: number): void;
    private refreshKeys;
    private refreshRevocations;
}
