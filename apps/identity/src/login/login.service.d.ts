import { type PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import type { EnterpriseRegistry } from '../registry/enterprise-registry.port';
import type { SmsSender } from '../sms/sms.port';
import type { IssuedToken, TokenIssuer } from '../tokens/token.issuer';
import { LoginCodeStore } from './login-code.store';
import type { LoginRateLimiter } from './login-rate.limiter';
export interface LoginSettings {
    codeKey: Buffer;
    tokenTtlSeconds: number;
    perUscc: number;
    perAddress: number;
    /** Challenges from one address whose identity did not match the registry, per window. */
    mismatchesPerAddress: number;
}
/** The two login use cases: request a challenge (code by SMS), then exchange the code for a token. */
export declare class LoginService {
    private readonly store;
    private readonly db;
    private readonly registry;
    private readonly sms;
    private readonly tokens;
    private readonly limiter;
    private readonly settings;
    private readonly now;
    private readonly codes;
    private readonly challenges;
    private readonly accounts;
    constructor(store: PostgresEventStore, db: SqlDatabase, registry: EnterpriseRegistry, sms: SmsSender, tokens: TokenIssuer, limiter: LoginRateLimiter, settings: LoginSettings, now?: () => Date, codes?: LoginCodeStore);
    /** Validates, rate-limits, matches the registry, records the challenge and sends the code. */
    requestChallenge(body: unknown, clientAddress: string, correlationId: string): Promise<{
        challengeId: string;
    }>;
    /** Checks the code; on success opens the data account (first time) and issues a bearer token. */
    login(body: unknown, correlationId: string): Promise<IssuedToken>;
}
