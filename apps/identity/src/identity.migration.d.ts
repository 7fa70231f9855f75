import type { SqlDatabase } from '@cfc/eventing';
/** Creates or completes identity's schema. */
export declare function migrateIdentity(db: SqlDatabase): Promise<void>;
