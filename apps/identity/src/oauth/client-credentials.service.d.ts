import type { InstitutionService } from '../institutions/institution.service';
import type { IssuedToken, TokenIssuer } from '../tokens/token.issuer';
export interface TokenRequest {
    grantType?: string;
    clientId?: string;
    clientSecret?: string;
    /** Optional: `lender` or `regulator`, for an institution that holds both roles. */
    scope?: string;
}
/** OAuth2 client credentials (RFC 6749 section 4.4) for lenders and regulators. */
export declare class ClientCredentialsService {
    private readonly institutions;
    private readonly tokens;
    private readonly ttlSeconds;
    private dummyHash?;
    constructor(institutions: InstitutionService, tokens: TokenIssuer, ttlSeconds: number);
    /** Authenticates the client and issues a token for its lender or regulator role. */
    token(request: TokenRequest): Promise<IssuedToken & {
        scope: string;
    }>;
    private dummy;
}
/** Reads client_id/client_secret from HTTP Basic auth (RFC 6749 2.3.1) or from the form body. */
export declare function tokenRequestFrom(body: Record<string, unknown> | undefined, authorization: string | undefined): TokenRequest;
