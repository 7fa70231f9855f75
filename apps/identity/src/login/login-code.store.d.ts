import type { SqlExecutor } from '@cfc/eventing';
/** identity.login_codes: written with the challenge's issued event, removed when the challenge ends. */
export declare class LoginCodeStore {
    /** Keeps the hash of a newly issued challenge's code (in the transaction of its issued event). */
    save(tx: SqlExecutor, challengeId: string, codeHash: string, expiresAt: string): Promise<void>;
    /** The stored hash, or undefined once the challenge completed, locked or was pruned after expiry. */
    find(db: SqlExecutor, challengeId: string): Promise<string | undefined>;
    /** Forgets a challenge's hash once the challenge can no longer succeed. */
    remove(tx: SqlExecutor, challengeId: string): Promise<void>;
    /** Drops hashes of challenges that expired before `before` (an expired challenge answers EXPIRED without its hash). */
    pruneExpired(db: SqlExecutor, before: string): Promise<void>;
}
