/** The separate key spaces: a flood in one (addresses) can never evict entries of another (USCCs). */
export type LoginRateScope = 'uscc' | 'address' | 'mismatch';
export type LoginRateDecision = {
    allowed: true;
} | {
    allowed: false;
    retryAfterMs: number;
};
/** Per-key sliding windows held in this process (one identity instance per deployment in embedded mode). */
export declare class LoginRateLimiter {
    private readonly windowMs;
    private readonly maxKeysPerScope;
    private readonly scopes;
    constructor(windowMs: number, maxKeysPerScope?: number);
    /** Answers whether one more hit would be allowed, without recording it. */
    check(scope: LoginRateScope, key: string, limit: number, now: number): LoginRateDecision;
    /** Records a hit when within the limit; else answers how long to wait. */
    hit(scope: LoginRateScope, key: string, limit: number, now: number): LoginRateDecision;
    /** Number of keys held in a scope (for tests and metrics). */
    size(scope: LoginRateScope): number;
    private histories;
    private evict;
}
