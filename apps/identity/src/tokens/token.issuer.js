"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TokenIssuer = void 0;
const node_crypto_1 = require("node:crypto");
const contracts_1 = require("@cfc/contracts");
/** Signs bearer tokens with the first key and publishes all keys' public halves as the JWKS. */
class TokenIssuer {
    keys;
    now;
    jwksDocument;
    constructor(keys, now = () => new Date()) {
        this.keys = keys;
        this.now = now;
        if (keys.length === 0)
            throw new Error('no token signing key configured');
        this.jwksDocument = { keys: keys.map((k) => (0, contracts_1.publicJwk)(k.kid, (0, node_crypto_1.createPublicKey)((0, node_crypto_1.createPrivateKey)(k.privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString())) };
    }
    /** A fresh token for `sub` in `aud`, valid for ttlSeconds. */
    issue(sub, aud, ttlSeconds) {
        const { token, claims } = (0, contracts_1.signAccessToken)(this.keys[0], { sub, aud, now: this.now(), ttlSeconds });
        return { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds, claims };
    }
    /** The JWKS document the gateway verifies tokens with. */
    jwks() {
        return this.jwksDocument;
    }
    /** Verifies one of identity's own tokens (logout). */
    verify(token, audiences) {
        return (0, contracts_1.verifyAccessToken)(token, this.jwksDocument, audiences, this.now());
    }
}
exports.TokenIssuer = TokenIssuer;
//# sourceMappingURL=token.issuer.js.map