import type { SigningKey } from '@cfc/contracts';
import { type PiiKeyRing } from '../crypto/pii.cipher';
export interface IdentitySecrets {
    pii: PiiKeyRing;
    loginCodeKey: Buffer;
    /** Signing key first; the others stay in the JWKS until their tokens have expired. */
    tokenKeys: SigningKey[];
}
export interface SecretSources {
    dataDir: string;
    PII_ENCRYPTION_KEYS?: string;
    PII_LOOKUP_KEY?: string;
    LOGIN_CODE_KEY?: string;
    TOKEN_SIGNING_KEYS?: string;
}
/** Resolves every key: configured values win, otherwise the generated file (created when missing). */
export declare function loadIdentitySecrets(sources: SecretSources): IdentitySecrets;
