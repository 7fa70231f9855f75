"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LogoutService = void 0;
const platform_1 = require("@cfc/platform");
const contracts_1 = require("@cfc/contracts");
/** Logout: the token's id is revoked until it would have expired; the gateway polls the list. */
class LogoutService {
    db;
    store;
    tokens;
    now;
    constructor(db, store, tokens, now = () => new Date()) {
        this.db = db;
        this.store = store;
        this.tokens = tokens;
        this.now = now;
    }
    /** Revokes the bearer token; enterprises' logouts are recorded for the audit stream. */
    async logout(bearer, correlationId) {
        const token = bearer?.match(/^Bearer\s+(\S+)$/i)?.[1];
        const verified = token ? this.tokens.verify(token, contracts_1.TOKEN_AUDIENCES) : undefined;
        if (!verified?.ok)
            throw new platform_1.ProblemException(401, 'INVALID_TOKEN', 'Unauthorized', 'a valid bearer token is required');
        const { jti, sub, aud, exp } = verified.claims;
        await this.db.transaction(async (tx) => {
            const inserted = await tx.query(`INSERT INTO identity.revoked_tokens (token_id, subject, expires_at) VALUES ($1, $2, to_timestamp($3)) ON CONFLICT DO NOTHING`, [jti, sub, exp]);
            if (inserted.rowCount === 0 || aud !== 'cfc:subject')
                return;
            const stream = `session-${jti}`;
            const at = this.now().toISOString();
            await this.store.append(stream, 0, [{ type: 'subject.logged-out', data: { uscc: sub, tokenId: jti, at } }], { actor: { kind: 'enterprise', id: sub }, subject: sub, correlationId }, tx);
        });
    }
    /** Token ids revoked and not yet expired, for the gateway's deny list. */
    async revoked() {
        const { rows } = await this.db.query(`SELECT token_id, expires_at FROM identity.revoked_tokens WHERE expires_at > now()`);
        return rows.map((r) => ({ tokenId: r.token_id, expiresAt: new Date(r.expires_at).toISOString() }));
    }
}
exports.LogoutService = LogoutService;
//# sourceMappingURL=logout.service.js.map