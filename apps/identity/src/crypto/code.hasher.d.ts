/** A uniformly random 6-digit code, leading zeros kept. */
export declare function generateLoginCode(): string;
/** HMAC-SHA256 of the code bound to its challenge, so a hash is useless for any other challenge. */
export declare function hashLoginCode(key: Buffer, challengeId: string, code: string): string;
