/** `scrypt$N$r$p$salt$hash` (base64url salt and hash), self-describing so parameters can grow. */
export declare function hashSecret(secret: string): Promise<string>;
/** True when `secret` matches the stored hash; the comparison takes the same time for any mismatch. */
export declare function verifySecret(secret: string, stored: string): Promise<boolean>;
