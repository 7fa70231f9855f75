import { type AccessTokenClaims, type Jwk, type SigningKey, type TokenAudience, type TokenVerification } from '@cfc/contracts';
export interface IssuedToken {
    access_token: string;
    token_type: 'Bearer';
    expires_in: number;
    claims: AccessTokenClaims;
}
/** Signs bearer tokens with the first key and publishes all keys' public halves as the JWKS. */
export declare class TokenIssuer {
    private readonly keys;
    private readonly now;
    private readonly jwksDocument;
    constructor(keys: SigningKey[], now?: () => Date);
    /** A fresh token for `sub` in `aud`, valid for ttlSeconds. */
    issue(sub: string, aud: TokenAudience, ttlSeconds: number): IssuedToken;
    /** The JWKS document the gateway verifies tokens with. */
    jwks(): {
        keys: Jwk[];
    };
    /** Verifies one of identity's own tokens (logout). */
    verify(token: string, audiences: readonly TokenAudience[]): TokenVerification;
}
