"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TokenVerifier = void 0;
const contracts_1 = require("@cfc/contracts");
const REFRESH_AFTER_MS = 60_000;
const UNKNOWN_KID_COOLDOWN_MS = 5_000;
/**
 * Verifies bearer tokens against identity's JWKS (cached; refetched when a token names an unknown key,
 * at most every few seconds so that junk tokens cannot hammer identity) and identity's revocations.
 */
class TokenVerifier {
    identity;
    now;
    revocationsEveryMs;
    jwks = { keys: [] };
    fetchedAt = 0;
    revoked = new Map();
    revocationsAt = 0;
    constructor(identity, now = Date.now, revocationsEveryMs = 2_000) {
        this.identity = identity;
        this.now = now;
        this.revocationsEveryMs = revocationsEveryMs;
    }
    /** Signature, issuer, expiry (any audience: the guard decides between 401 and 403), and revocation. */
    async verify(token) {
        if (this.now() - this.fetchedAt > REFRESH_AFTER_MS)
            await this.refreshKeys();
        let result = (0, contracts_1.verifyAccessToken)(token, this.jwks, contracts_1.TOKEN_AUDIENCES, new Date(this.now()));
        if (!result.ok && result.reason === 'UNKNOWN_KEY' && this.now() - this.fetchedAt > UNKNOWN_KID_COOLDOWN_MS) {
            await this.refreshKeys();
            result = (0, contracts_1.verifyAccessToken)(token, this.jwks, contracts_1.TOKEN_AUDIENCES, new Date(this.now()));
        }
        if (!result.ok)
            return result;
        await this.refreshRevocations();
        return this.revoked.has(result.claims.jti) ? { ok: false, reason: 'REVOKED' } : result;
    }
    /** Records a logout seen by this gateway at once, without waiting for the next poll. */
    revoke(tokenId, expiresAtSeconds) {
        this.revoked.set(tokenId, expiresAtSeconds * 1000);
    }
    async refreshKeys() {
        this.fetchedAt = this.now();
        this.jwks = await this.identity.jwks();
    }
    async refreshRevocations() {
        if (this.now() - this.revocationsAt < this.revocationsEveryMs)
            return;
        this.revocationsAt = this.now();
        const { revoked } = await this.identity.revocations();
        for (const { tokenId, expiresAt } of revoked)
            this.revoked.set(tokenId, Date.parse(expiresAt));
        for (const [id, expiresAt] of this.revoked)
            if (expiresAt < this.now())
                this.revoked.delete(id);
    }
}
exports.TokenVerifier = TokenVerifier;
//# sourceMappingURL=token.verifier.js.map