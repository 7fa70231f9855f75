import type { SqlDatabase } from '@cfc/eventing';
import type { PostgresEventStore } from '@cfc/eventing';
import type { TokenIssuer } from './token.issuer';
/** Logout: the token's id is revoked until it would have expired; the gateway polls the list. */
export declare class LogoutService {
    private readonly db;
    private readonly store;
    private readonly tokens;
    private readonly now;
    constructor(db: SqlDatabase, store: PostgresEventStore, tokens: TokenIssuer, now?: () => Date);
    /** Revokes the bearer token; enterprises' logouts are recorded for the audit stream. */
    logout(bearer: string | undefined, correlationId: string): Promise<void>;
    /** Token ids revoked and not yet expired, for the gateway's deny list. */
    revoked(): Promise<{
        tokenId: string;
        expiresAt: string;
    }[]>;
}
