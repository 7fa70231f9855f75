"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClientCredentialsService = void 0;
exports.tokenRequestFrom = tokenRequestFrom;
const platform_1 = require("@cfc/platform");
const secret_hasher_1 = require("../crypto/secret.hasher");
const AUDIENCE_BY_SCOPE = {
    lender: { aud: 'cfc:lender', role: 'USER' },
    regulator: { aud: 'cfc:regulator', role: 'REGULATOR' },
};
// RFC 6749 error names ride along as `error`, so OAuth client libraries understand the problem.
const problem = (status, code, error, detail) => new platform_1.ProblemException(status, code, status === 401 ? 'Unauthorized' : 'Bad Request', detail, { error });
/** OAuth2 client credentials (RFC 6749 section 4.4) for lenders and regulators. */
class ClientCredentialsService {
    institutions;
    tokens;
    ttlSeconds;
    dummyHash;
    constructor(institutions, tokens, ttlSeconds) {
        this.institutions = institutions;
        this.tokens = tokens;
        this.ttlSeconds = ttlSeconds;
    }
    /** Authenticates the client and issues a token for its lender or regulator role. */
    async token(request) {
        if (request.grantType !== 'client_credentials')
            throw problem(400, 'UNSUPPORTED_GRANT_TYPE', 'unsupported_grant_type', 'grant_type must be client_credentials');
        if (!request.clientId || !request.clientSecret)
            throw problem(401, 'INVALID_CLIENT', 'invalid_client', 'client authentication failed');
        const credential = await this.institutions.clientCredential(request.clientId);
        const institution = credential?.institution;
        const stored = credential?.secretHash;
        // Hash even for unknown clients, so the response time does not reveal which client ids exist.
        const valid = await (0, secret_hasher_1.verifySecret)(request.clientSecret, stored ?? (await this.dummy()));
        if (!institution?.institutionId || !stored || !valid)
            throw problem(401, 'INVALID_CLIENT', 'invalid_client', 'client authentication failed');
        const scope = request.scope?.trim() || (institution.roles.includes('USER') ? 'lender' : 'regulator');
        const grant = AUDIENCE_BY_SCOPE[scope];
        if (!grant)
            throw problem(400, 'INVALID_SCOPE', 'invalid_scope', 'scope must be lender or regulator');
        if (!institution.roles.includes(grant.role))
            throw problem(400, 'UNAUTHORIZED_CLIENT', 'unauthorized_client', `this client does not hold the ${grant.role} role`);
        return { ...this.tokens.issue(institution.institutionId, grant.aud, this.ttlSeconds), scope };
    }
    dummy() {
        this.dummyHash ??= (0, secret_hasher_1.hashSecret)('not-a-client-secret');
        return this.dummyHash;
    }
}
exports.ClientCredentialsService = ClientCredentialsService;
/** Reads client_id/client_secret from HTTP Basic auth (RFC 6749 2.3.1) or from the form body. */
function tokenRequestFrom(body, authorization) {
    const text = (v) => (typeof v === 'string' ? v : undefined);
    const request = { grantType: text(body?.grant_type), clientId: text(body?.client_id), clientSecret: text(body?.client_secret), scope: text(body?.scope) };
    const basic = authorization?.match(/^Basic\s+(\S*)$/i);
    if (basic)
        Object.assign(request, basicCredentials(basic[1]));
    return request;
}
// RFC 6749 2.3.1: id and secret are form-urlencoded ('+' is a space) before base64; anything that
// does not decode is a failed client authentication (401), never a server error.
function basicCredentials(encoded) {
    const invalid = () => problem(401, 'INVALID_CLIENT', 'invalid_client', 'malformed HTTP Basic credentials');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
        throw invalid();
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw invalid();
    const formDecode = (part) => decodeURIComponent(part.replace(/\+/g, ' '));
    try {
        return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
    }
    catch (error) {
        if (error instanceof URIError)
            throw invalid();
        throw error;
    }
}
//# sourceMappingURL=client-credentials.service.js.map