import { TOKEN_AUDIENCES, verifyAccessToken, type Jwk, type TokenVerification } from '@cfc/contracts';
import type { IdentityKeysClient } from './identity.client';

const REFRESH_AFTER_MS = 60_000;
const UNKNOWN_KID_COOLDOWN_MS = 5_000;

/**
 * Verifies bearer tokens against identity's JWKS (cached; refetched when a token names an unknown key,
 * at most every few seconds so that junk tokens cannot hammer identity) and identity's revocations.
 */
export class TokenVerifier {
  private jwks: { keys: Jwk[] } = { keys: [] };
  private fetchedAt = 0;
  private readonly revoked = new Map<string, number>();
  private revocationsAt = 0;

  constructor(
    private readonly identity: IdentityKeysClient,
    private readonly now: () => number = Date.now,
    private readonly revocationsEveryMs = 2_000,
  ) {}

  /** Signature, issuer, expiry (any audience: the guard decides between 401 and 403), and revocation. */
  async verify(token: string): Promise<TokenVerification | { ok: false; reason: 'REVOKED' }> {
    if (this.now() - this.fetchedAt > REFRESH_AFTER_MS) await this.refreshKeys();
    let result = verifyAccessToken(token, this.jwks, TOKEN_AUDIENCES, new Date(this.now()));
    if (!result.ok && result.reason === 'UNKNOWN_KEY' && this.now() - this.fetchedAt > UNKNOWN_KID_COOLDOWN_MS) {
      await this.refreshKeys();
      result = verifyAccessToken(token, this.jwks, TOKEN_AUDIENCES, new Date(this.now()));
    }
    if (!result.ok) return result;
    await this.refreshRevocations();
    return this.revoked.has(result.claims.jti) ? { ok: false, reason: 'REVOKED' } : result;
  }

  /** Records a logout seen by this gateway at once, without waiting for the next poll. */
  revoke(tokenId: string, expiresAtSeconds: number): void {
    this.revoked.set(tokenId, expiresAtSeconds * 1000);
  }

  private async refreshKeys(): Promise<void> {
    this.fetchedAt = this.now();
    this.jwks = await this.identity.jwks();
  }

  private async refreshRevocations(): Promise<void> {
    if (this.now() - this.revocationsAt < this.revocationsEveryMs) return;
    this.revocationsAt = this.now();
    const { revoked } = await this.identity.revocations();
    for (const { tokenId, expiresAt } of revoked) this.revoked.set(tokenId, Date.parse(expiresAt));
    for (const [id, expiresAt] of this.revoked) if (expiresAt < this.now()) this.revoked.delete(id);
  }
}
