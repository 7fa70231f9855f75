import { createPrivateKey, createPublicKey } from 'node:crypto';
import { publicJwk, signAccessToken, verifyAccessToken, type AccessTokenClaims, type Jwk, type SigningKey, type TokenAudience, type TokenVerification } from '@cfc/contracts';

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  claims: AccessTokenClaims;
}

/** Signs bearer tokens with the first key and publishes all keys' public halves as the JWKS. */
export class TokenIssuer {
  private readonly jwksDocument: { keys: Jwk[] };

  constructor(
    private readonly keys: SigningKey[],
    private readonly now: () => Date = () => new Date(),
  ) {
    if (keys.length === 0) throw new Error('no token signing key configured');
    this.jwksDocument = { keys: keys.map((k) => publicJwk(k.kid, createPublicKey(createPrivateKey(k.privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString())) };
  }

  /** A fresh token for `sub` in `aud`, valid for ttlSeconds. */
  issue(sub: string, aud: TokenAudience, ttlSeconds: number): IssuedToken {
    const { token, claims } = signAccessToken(this.keys[0], { sub, aud, now: this.now(), ttlSeconds });
    return { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds, claims };
  }

  /** The JWKS document the gateway verifies tokens with. */
  jwks(): { keys: Jwk[] } {
    return this.jwksDocument;
  }

  /** Verifies one of identity's own tokens (logout). */
  verify(token: string, audiences: readonly TokenAudience[]): TokenVerification {
    return verifyAccessToken(token, this.jwksDocument, audiences, this.now());
  }
}
