/** Shortest IDENTITY_OPERATOR_TOKEN accepted at start. */
export declare const OPERATOR_TOKEN_MIN_LENGTH = 32;
/** Throws the problem to answer unless `authorization` carries the configured operator token. */
export declare function requireOperatorToken(configured: string | undefined, authorization: string | undefined): void;
/** Start-up check: a configured operator token must be long enough to resist guessing. */
export declare function checkOperatorToken(configured: string | undefined): void;
