import type { TokenAudience } from '@cfc/contracts';
/** Who is calling, as the bearer token proves: an enterprise (by USCC), a lender or a regulator (by institutionId). */
export interface Principal {
    kind: 'enterprise' | 'lender' | 'regulator';
    id: string;
    audience: TokenAudience;
    tokenId: string;
    expiresAt: number;
}
export declare const KIND_BY_AUDIENCE: Record<TokenAudience, Principal['kind']>;
/** The request as the guard leaves it for controllers. */
export interface AuthenticatedRequest {
    principal?: Principal;
}
