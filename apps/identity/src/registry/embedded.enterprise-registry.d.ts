import type { SqlDatabase } from '@cfc/eventing';
import { type PiiKeyRing } from '../crypto/pii.cipher';
import type { EnterpriseRegistry, RegistryMatch } from './enterprise-registry.port';
export interface RegistryEntry {
    uscc: string;
    name: string;
    legalRepName: string;
    legalRepIdNumber: string;
    mobile: string;
}
/** The embedded registry: identity's own table, seeded from the demo data set, personal data sealed. */
export declare class EmbeddedEnterpriseRegistry implements EnterpriseRegistry {
    private readonly db;
    private readonly pii;
    constructor(db: SqlDatabase, pii: PiiKeyRing);
    match(uscc: string, legalRepName: string, legalRepIdNumber: string): Promise<RegistryMatch | {
        matched: false;
    }>;
    /** Inserts or refreshes entries (demo seeding, or an import from a registry extract). */
    upsert(entries: readonly RegistryEntry[]): Promise<void>;
}
